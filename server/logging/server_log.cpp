#include "server/logging/server_log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <memory>

namespace chalkdb {

namespace {

constexpr const char* kLoggerName = "chalkdb";

struct SeverityStyle {
  spdlog::level::level_enum level;
  const char* label;
};

SeverityStyle style_of(LogSeverity severity) {
  switch (severity) {
    case LogSeverity::Debug:
      return {spdlog::level::debug, "DEBUG"};
    case LogSeverity::Log:
      return {spdlog::level::info, "LOG"};
    case LogSeverity::Warning:
      return {spdlog::level::warn, "WARNING"};
    case LogSeverity::Error:
      return {spdlog::level::err, "ERROR"};
    case LogSeverity::Fatal:
      return {spdlog::level::err, "FATAL"};
    case LogSeverity::Statement:
      return {spdlog::level::err, "STATEMENT"};
  }
  return {spdlog::level::info, "LOG"};
}

std::shared_ptr<spdlog::logger> make_server_logger() {
  auto logger = spdlog::stderr_logger_mt(kLoggerName);
  logger->set_pattern("%Y-%m-%d %H:%M:%S.%e UTC %v", spdlog::pattern_time_type::utc);
  return logger;
}

// Created on first use (thread-safely) so that code paths that never configure logging work.
const std::shared_ptr<spdlog::logger>& server_logger() {
  static const std::shared_ptr<spdlog::logger> logger = make_server_logger();
  return logger;
}

}  // namespace

std::optional<spdlog::level::level_enum> parse_log_level(std::string_view name) {
  if (name == "debug") return spdlog::level::debug;
  if (name == "info") return spdlog::level::info;
  if (name == "warning") return spdlog::level::warn;
  if (name == "error") return spdlog::level::err;
  if (name == "off") return spdlog::level::off;
  return std::nullopt;
}

void configure_server_log(spdlog::level::level_enum level) {
  const auto& logger = server_logger();
  logger->set_level(level);
  logger->flush_on(spdlog::level::trace);  // lines appear immediately, as PostgreSQL's do
}

int32_t server_process_id() { return static_cast<int32_t>(::getpid()); }

void server_log(int32_t process_id, LogSeverity severity, std::string_view message) {
  SeverityStyle style = style_of(severity);
  server_logger()->log(style.level, "[{}] {}:  {}", process_id, style.label, message);
}

}  // namespace chalkdb
