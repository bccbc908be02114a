// chalkdb: the server process — parses the flags, opens (or creates, or recovers) the data
// directory, serves clients until SIGINT or SIGTERM, then shuts the database down cleanly.
#include <fmt/format.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <variant>

#include "executor/database.h"
#include "server/config/command_line.h"
#include "server/logging/server_log.h"
#include "server/server.h"

namespace {

using namespace chalkdb;

void log_fatal(std::string_view message) {
  server_log(server_process_id(), LogSeverity::Fatal, message);
}

void print_connect_hint(const ServerConfig& config) {
  std::cout << fmt::format("ChalkDB is ready. Connect with:\n    psql -h {} -p {} -U postgres\n",
                           config.socket_directory.string(), config.port)
            << std::flush;
}

int serve(const ServerConfig& config) {
  std::unique_ptr<Database> database;
  try {
    database = Database::open(config.database);
  } catch (const std::exception& error) {
    log_fatal(fmt::format("could not open data directory \"{}\": {}",
                          config.database.data_directory.string(), error.what()));
    return EXIT_FAILURE;
  }
  {
    Server server(config, *database);
    try {
      server.start();
    } catch (const std::exception& error) {
      log_fatal(error.what());
      return EXIT_FAILURE;
    }
    print_connect_hint(config);
    server.run();
  }
  database->shutdown();
  server_log(server_process_id(), LogSeverity::Log, "database system is shut down");
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  std::variant<ServerConfig, int> parsed = parse_command_line(argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const ServerConfig& config = std::get<ServerConfig>(parsed);
  configure_server_log(config.log_level);
  // A client that vanishes must cost a failed write, not the process.
  std::signal(SIGPIPE, SIG_IGN);
  return serve(config);
}
