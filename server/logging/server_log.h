// Server log: spdlog to stderr in PostgreSQL's default line format (log_line_prefix '%m [%p] '):
//   2024-01-02 03:04:05.678 UTC [4242] LOG:  connection received: host=[local]
// The bracketed number is the backend's process id as the client sees it in BackendKeyData
// (ChalkDB runs sessions on threads, so it is a per-connection number, not an OS pid).
#pragma once

#include <spdlog/common.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace chalkdb {

// Statement is the "STATEMENT:  <query>" line PostgreSQL logs after an error.
enum class LogSeverity { Debug, Log, Warning, Error, Fatal, Statement };

// Names accepted by --log-level, in order of verbosity.
inline constexpr std::string_view kLogLevelNames[] = {"debug", "info", "warning", "error", "off"};

std::optional<spdlog::level::level_enum> parse_log_level(std::string_view name);

void configure_server_log(spdlog::level::level_enum level);

// The id server-wide lines (start-up, shutdown) carry: the server's own process id.
int32_t server_process_id();

void server_log(int32_t process_id, LogSeverity severity, std::string_view message);

}  // namespace chalkdb
