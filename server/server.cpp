#include "server/server.h"

#include <fmt/format.h>

#include <boost/asio/post.hpp>
#include <csignal>
#include <memory>

#include "server/backend/backend.h"
#include "server/logging/server_log.h"
#include "server/net/startup_handshake.h"

namespace chalkdb {

namespace {

// How long sessions get to finish after shutdown began before their sockets are cut.
constexpr std::chrono::seconds kShutdownGrace{5};

void log_server(LogSeverity severity, std::string_view message) {
  server_log(server_process_id(), severity, message);
}

}  // namespace

Server::Server(ServerConfig config, Database& database)
    : config_(std::move(config)),
      database_(database),
      signals_(io_, SIGINT, SIGTERM),
      registry_(config_.max_connections),
      listener_(io_, [this](ClientSocket socket, ClientAddress address) {
        on_connection(std::move(socket), std::move(address));
      }) {}

Server::~Server() {
  listener_.close();
  pool_.shut_down();
}

void Server::start() {
  if (!config_.listen_addresses.empty())
    listener_.listen_tcp(config_.listen_addresses, config_.port);
  listener_.listen_unix(config_.socket_directory, config_.port);
  for (const std::string& line : listener_.descriptions()) log_server(LogSeverity::Log, line);
}

void Server::run() {
  signals_.async_wait([this](const boost::system::error_code& error, int signal_number) {
    if (error) return;
    log_server(LogSeverity::Log, signal_number == SIGINT ? "received fast shutdown request"
                                                         : "received shutdown request");
    begin_shutdown();
  });
  log_server(LogSeverity::Log, "database system is ready to accept connections");
  serve_io();
  wait_for_backends();
}

// One connection's failure (say, no thread for its backend) must not stop the server, so an
// exception escaping a handler is logged and the I/O loop resumes.
void Server::serve_io() {
  while (true) {
    try {
      io_.run();
      return;
    } catch (const std::exception& error) {
      log_server(LogSeverity::Error, error.what());
    }
  }
}

void Server::request_stop() {
  boost::asio::post(io_, [this] { begin_shutdown(); });
}

void Server::on_connection(ClientSocket socket, ClientAddress address) {
  ClientInfo client{registry_.next_process_id(), std::move(address)};
  server_log(client.process_id, LogSeverity::Log,
             "connection received: " + client.address.describe());
  auto handshake = std::make_shared<StartupHandshake>(
      std::move(socket), std::move(client), registry_,
      [this](SessionRegistry::Slot slot, ClientInfo client, ClientSocket socket,
             MessageFramer framer, StartupOptions options) {
        on_startup(std::move(slot), std::move(client), std::move(socket), std::move(framer),
                   std::move(options));
      });
  handshake->start();
}

void Server::on_startup(SessionRegistry::Slot slot, ClientInfo client, ClientSocket socket,
                        MessageFramer framer, StartupOptions options) {
  auto backend =
      std::make_shared<Backend>(database_, std::move(slot), std::move(client), std::move(socket),
                                std::move(framer), std::move(options));
  try {
    pool_.run([backend] { backend->run(); });
  } catch (const std::system_error& error) {
    // Dropping the backend closes the connection and frees its slot.
    log_server(LogSeverity::Log,
               fmt::format("could not start a backend thread for connection: {}", error.what()));
  }
}

void Server::begin_shutdown() {
  log_server(LogSeverity::Log, "aborting any active transactions");
  listener_.close();
  signals_.cancel();
  registry_.terminate_all();
  io_.stop();
}

void Server::wait_for_backends() {
  if (!pool_.wait_until_idle(kShutdownGrace)) {
    log_server(LogSeverity::Warning, "closing the connections of sessions that did not end");
    registry_.disconnect_all();
  }
  pool_.shut_down();
}

}  // namespace chalkdb
