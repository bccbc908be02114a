// Server: the network front of one Database — listening sockets and start-up handshakes on an
// Asio I/O thread, each session on a backend thread of its own (see backend/backend.h), and
// an orderly shutdown on SIGINT or SIGTERM: stop accepting, end every session with FATAL 57P01
// (cancelling running statements, rolling back open transactions), wait for the backends.
//
// PostgreSQL distinguishes smart (SIGTERM: wait for clients) and fast (SIGINT) shutdown;
// ChalkDB always shuts down fast, so a lab machine never hangs on a forgotten psql.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "executor/database.h"
#include "server/backend/backend_pool.h"
#include "server/backend/session_registry.h"
#include "server/backend/startup_options.h"
#include "server/config/server_config.h"
#include "server/net/listener.h"
#include "server/protocol/message_framer.h"

namespace chalkdb {

class Server {
 public:
  Server(ServerConfig config, Database& database);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  // Opens the listening sockets; throws std::runtime_error with the reason if one fails.
  void start();

  // Serves on the calling thread until a signal or request_stop(), then ends all sessions.
  void run();

  // Thread-safe.
  void request_stop();

 private:
  void on_connection(ClientSocket socket, ClientAddress address);
  void on_startup(SessionRegistry::Slot slot, ClientInfo client, ClientSocket socket,
                  MessageFramer framer, StartupOptions options);
  void serve_io();
  void begin_shutdown();
  void wait_for_backends();

  ServerConfig config_;
  Database& database_;
  // Declared first so it outlives the backends' sockets, which belong to it.
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  SessionRegistry registry_;
  BackendPool pool_;
  Listener listener_;
};

}  // namespace chalkdb
