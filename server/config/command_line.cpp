#include "server/config/command_line.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "server/logging/server_log.h"
#include "sql/error/sql_error.h"
#include "sql/settings/settings_registry.h"

namespace chalkdb {

namespace {

constexpr int kUsageError = 2;

// The flags that are PostgreSQL settings, as the user wrote them.
struct SettingFlags {
  std::string port = "5433";
  std::string listen_addresses = "127.0.0.1";
  std::string max_connections = "100";
  std::string shared_buffers = "128MB";
};

std::string log_level_choices() {
  std::string choices;
  for (std::string_view name : kLogLevelNames) {
    if (!choices.empty()) choices += ", ";
    choices += name;
  }
  return choices;
}

void add_flags(CLI::App& app, SettingFlags& settings, ServerConfig& config,
               std::string& data_directory, std::string& log_level) {
  app.add_option("--port,-p", settings.port, "TCP port, also used in the Unix socket's name")
      ->capture_default_str();
  app.add_option("--listen", settings.listen_addresses,
                 "Comma-separated addresses to listen on ('*' = all, '' = Unix socket only)")
      ->capture_default_str();
  app.add_option("--data,-D", data_directory, "Data directory (created on first start)")
      ->capture_default_str();
  app.add_option("--socket-dir", config.socket_directory,
                 "Directory for the Unix socket .s.PGSQL.<port>")
      ->capture_default_str();
  app.add_option("--shared-buffers,-B", settings.shared_buffers,
                 "Buffer pool size: 8 kB pages, or a size with unit B, kB, MB, GB or TB")
      ->capture_default_str();
  app.add_option("--max-connections,-N", settings.max_connections,
                 "Maximum number of concurrent sessions")
      ->capture_default_str();
  app.add_option("--log-level", log_level, "Server log verbosity: " + log_level_choices())
      ->capture_default_str()
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(kLogLevelNames), std::end(kLogLevelNames))));
}

// Stores the settings server-wide and reads back their parsed values.
void apply_settings(const SettingFlags& flags, ServerConfig& config) {
  SettingsRegistry& registry = SettingsRegistry::global();
  registry.set_global("port", flags.port);
  registry.set_global("listen_addresses", flags.listen_addresses);
  registry.set_global("max_connections", flags.max_connections);
  registry.set_global("shared_buffers", flags.shared_buffers);
  config.port = static_cast<uint16_t>(std::get<int64_t>(registry.global_value("port")));
  config.listen_addresses = std::get<std::string>(registry.global_value("listen_addresses"));
  config.max_connections =
      static_cast<size_t>(std::get<int64_t>(registry.global_value("max_connections")));
  config.database.shared_buffers_pages =
      static_cast<size_t>(std::get<int64_t>(registry.global_value("shared_buffers")));
}

}  // namespace

std::variant<ServerConfig, int> parse_command_line(int argc, char** argv) {
  ServerConfig config;
  SettingFlags settings;
  std::string data_directory = "./chalkdb-data";
  std::string log_level = "info";
  CLI::App app{
      "ChalkDB: a teaching database server that speaks PostgreSQL's wire protocol.\n"
      "Connect with psql, pgbench or any PostgreSQL driver.",
      "chalkdb"};
  add_flags(app, settings, config, data_directory, log_level);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : kUsageError;
  }
  try {
    apply_settings(settings, config);
  } catch (const SqlError& error) {
    std::cerr << "chalkdb: " << error.message << "\n";
    if (error.hint) std::cerr << "HINT:  " << *error.hint << "\n";
    return kUsageError;
  }
  config.database.data_directory = data_directory;
  config.log_level = *parse_log_level(log_level);
  return config;
}

}  // namespace chalkdb
