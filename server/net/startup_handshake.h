// StartupHandshake: the start-up phase of one connection, run asynchronously on the server's
// I/O thread before the session gets a backend thread.
//
// It answers SSLRequest and GSSENCRequest with 'N' (ChalkDB has no encryption; each may be
// asked once, and bytes sent before the answer are refused as in PostgreSQL), forwards a
// CancelRequest to the registry and closes, rejects other protocol versions, checks the
// StartupMessage and reserves a connection slot (53300 when max_connections are in use). A
// client has 60 seconds (PostgreSQL's authentication_timeout) to get this far.
#pragma once

#include <array>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>

#include "server/backend/session_registry.h"
#include "server/backend/startup_options.h"
#include "server/net/client_socket.h"
#include "server/protocol/backend_message_writer.h"
#include "server/protocol/message_framer.h"
#include "server/protocol/startup_packet.h"

namespace chalkdb {

class StartupHandshake : public std::enable_shared_from_this<StartupHandshake> {
 public:
  static constexpr std::chrono::seconds kTimeout{60};

  // Receives the connection once it has a slot: the framer may hold bytes already sent.
  using Accepted = std::function<void(SessionRegistry::Slot, ClientInfo, ClientSocket,
                                      MessageFramer, StartupOptions)>;

  StartupHandshake(ClientSocket socket, ClientInfo client, SessionRegistry& registry,
                   Accepted on_accepted);

  void start();

 private:
  void read_more();
  void process_packets();
  void handle(const StartupPacket& packet);
  void refuse_encryption(bool& already_refused, uint32_t request_code, const char* what);
  void accept(const StartupMessage& message);
  void reject(const SqlError& error);
  void reject(const UnsupportedProtocol& request);
  void send_then(std::function<void()> next);
  void close();

  ClientSocket socket_;
  ClientInfo client_;
  SessionRegistry& registry_;
  Accepted on_accepted_;
  boost::asio::steady_timer deadline_;
  MessageFramer framer_;
  BackendMessageWriter out_;
  std::array<char, 1024> read_buffer_{};
  bool ssl_refused_ = false;
  bool gss_refused_ = false;
  bool finished_ = false;
};

}  // namespace chalkdb
