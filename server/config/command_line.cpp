#include "server/config/command_line.h"

#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "server/config/memory_setting.h"
#include "server/logging/server_log.h"

namespace chalkdb {

namespace {

constexpr int kUsageError = 2;

std::string log_level_choices() {
  std::string choices;
  for (std::string_view name : kLogLevelNames) {
    if (!choices.empty()) choices += ", ";
    choices += name;
  }
  return choices;
}

}  // namespace

std::variant<ServerConfig, int> parse_command_line(int argc, char** argv) {
  ServerConfig config;
  std::string data_directory = "./chalkdb-data";
  std::string shared_buffers = "128MB";
  std::string log_level = "info";

  CLI::App app{"ChalkDB: a teaching database server that speaks PostgreSQL's wire protocol.\n"
               "Connect with psql, pgbench or any PostgreSQL driver.",
               "chalkdb"};
  app.add_option("--port,-p", config.port, "TCP port, also used in the Unix socket's name")
      ->capture_default_str();
  app.add_option("--listen", config.listen_addresses,
                 "Comma-separated addresses to listen on ('*' = all, '' = Unix socket only)")
      ->capture_default_str();
  app.add_option("--data,-D", data_directory, "Data directory (created on first start)")
      ->capture_default_str();
  app.add_option("--socket-dir", config.socket_directory,
                 "Directory for the Unix socket .s.PGSQL.<port>")
      ->capture_default_str();
  app.add_option("--shared-buffers,-B", shared_buffers,
                 "Buffer pool size: 8 kB pages, or a size with unit B, kB, MB, GB or TB")
      ->capture_default_str();
  app.add_option("--max-connections,-N", config.max_connections,
                 "Maximum number of concurrent sessions")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000}));
  app.add_option("--log-level", log_level, "Server log verbosity: " + log_level_choices())
      ->capture_default_str()
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kLogLevelNames),
                                                     std::end(kLogLevelNames))));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : kUsageError;
  }

  try {
    config.database.shared_buffers_pages = parse_shared_buffers(shared_buffers);
  } catch (const InvalidSettingValue& error) {
    std::cerr << "chalkdb: " << error.what() << "\n";
    return kUsageError;
  }
  config.database.data_directory = data_directory;
  config.log_level = *parse_log_level(log_level);
  return config;
}

}  // namespace chalkdb
