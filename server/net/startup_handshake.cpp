#include "server/net/startup_handshake.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

#include "server/logging/server_log.h"
#include "server/protocol/communication_error.h"
#include "server/protocol/protocol_constants.h"

namespace chalkdb {

StartupHandshake::StartupHandshake(ClientSocket socket, ClientInfo client,
                                   SessionRegistry& registry, Accepted on_accepted)
    : socket_(std::move(socket)),
      client_(std::move(client)),
      registry_(registry),
      on_accepted_(std::move(on_accepted)),
      deadline_(socket_.get_executor()) {}

void StartupHandshake::start() {
  deadline_.expires_after(kTimeout);
  deadline_.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
    if (!error && !self->finished_) self->close();  // PostgreSQL also leaves without a word
  });
  read_more();
}

void StartupHandshake::read_more() {
  socket_.async_read_some(
      boost::asio::buffer(read_buffer_),
      [self = shared_from_this()](const boost::system::error_code& error, size_t received) {
        if (self->finished_) return;
        if (error) {
          if (auto problem = self->framer_.startup_truncation()) {
            server_log(self->client_.process_id, LogSeverity::Log, *problem);
          }
          return self->close();
        }
        self->framer_.append(std::string_view(self->read_buffer_.data(), received));
        self->process_packets();
      });
}

void StartupHandshake::process_packets() {
  try {
    std::optional<std::string> body = framer_.next_startup_packet();
    if (!body) return read_more();
    handle(parse_startup_packet(*body));
  } catch (const CommunicationError& error) {
    server_log(client_.process_id, LogSeverity::Log, error.what());
    close();
  } catch (const SqlError& error) {
    reject(error);
  }
}

void StartupHandshake::handle(const StartupPacket& packet) {
  if (std::holds_alternative<SslRequest>(packet)) {
    refuse_encryption(ssl_refused_, protocol::kSslRequestCode, "SSL request");
  } else if (std::holds_alternative<GssEncRequest>(packet)) {
    refuse_encryption(gss_refused_, protocol::kGssEncRequestCode, "GSSAPI encryption request");
  } else if (const auto* cancel = std::get_if<CancelRequest>(&packet)) {
    registry_.cancel(cancel->process_id, cancel->secret_key);
    close();  // PostgreSQL never answers a cancel request
  } else if (const auto* unsupported = std::get_if<UnsupportedProtocol>(&packet)) {
    reject(*unsupported);
  } else {
    accept(std::get<StartupMessage>(packet));
  }
}

// Bytes that arrived before the 'N' could have been injected by a man in the middle, so
// PostgreSQL refuses them (CVE-2021-23214); a repeated request is an unknown protocol version.
void StartupHandshake::refuse_encryption(bool& already_refused, uint32_t request_code,
                                         const char* what) {
  if (already_refused) return reject(UnsupportedProtocol{request_code});
  already_refused = true;
  out_.encryption_refused();
  bool data_followed = framer_.buffered() > 0;
  send_then([self = shared_from_this(), data_followed, what] {
    if (!data_followed) return self->process_packets();
    self->reject(SqlError(sqlstate::kProtocolViolation,
                          std::string("received unencrypted data after ") + what)
                     .with_detail("This could be either a client-software bug or evidence of an "
                                  "attempted man-in-the-middle attack.")
                     .with_severity(Severity::Fatal));
  });
}

void StartupHandshake::accept(const StartupMessage& message) {
  StartupOptions options = StartupOptions::from(message);
  std::optional<SessionRegistry::Slot> slot = registry_.try_reserve(client_.process_id);
  if (!slot) {
    return reject(SqlError(sqlstate::kTooManyConnections, "sorry, too many clients already")
                      .with_severity(Severity::Fatal));
  }
  finished_ = true;
  deadline_.cancel();
  on_accepted_(std::move(*slot), std::move(client_), std::move(socket_), std::move(framer_),
               std::move(options));
}

void StartupHandshake::reject(const SqlError& error) {
  server_log(client_.process_id, LogSeverity::Fatal, error.message);
  out_.error_response(error);
  send_then([self = shared_from_this()] { self->close(); });
}

void StartupHandshake::reject(const UnsupportedProtocol& request) {
  SqlError error = request.error();
  if (!request.wants_legacy_error()) return reject(error);
  server_log(client_.process_id, LogSeverity::Fatal, error.message);
  out_.legacy_error_response(error.message);
  send_then([self = shared_from_this()] { self->close(); });
}

void StartupHandshake::send_then(std::function<void()> next) {
  boost::asio::async_write(socket_, boost::asio::buffer(out_.buffer()),
                           [self = shared_from_this(), next = std::move(next)](
                               const boost::system::error_code& error, size_t) {
                             self->out_.clear();
                             if (error || self->finished_) return self->close();
                             next();
                           });
}

void StartupHandshake::close() {
  finished_ = true;
  deadline_.cancel();
  boost::system::error_code ignored;
  socket_.shutdown(ClientSocket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace chalkdb
