// parse_command_line: the chalkdb process's flags (CLI11). `chalkdb --help` documents them.
//
// Values that are PostgreSQL settings (port, listen_addresses, max_connections,
// shared_buffers) are validated and stored by the settings registry, so they accept
// PostgreSQL's syntax ("128MB", "0x10"), fail with its messages, and SHOW reports them. Bad
// flags print a message and give exit code 2, like other command-line tools' usage errors.
#pragma once

#include <variant>

#include "server/config/server_config.h"

namespace chalkdb {

// A configuration to run with, or the exit code to leave with at once (0 after --help).
std::variant<ServerConfig, int> parse_command_line(int argc, char** argv);

}  // namespace chalkdb
