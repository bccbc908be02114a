// ServerConfig: everything the chalkdb process is started with (see command_line.h for the
// flags that set it).
#pragma once

#include <spdlog/common.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "executor/database.h"

namespace chalkdb {

struct ServerConfig {
  std::string listen_addresses = "127.0.0.1";  // PostgreSQL's listen_addresses syntax
  uint16_t port = 5433;  // not 5432, so ChalkDB can run beside a PostgreSQL server
  std::filesystem::path socket_directory = "/tmp";
  size_t max_connections = 100;
  spdlog::level::level_enum log_level = spdlog::level::info;
  DatabaseOptions database{.data_directory = "chalkdb-data"};
};

}  // namespace chalkdb
