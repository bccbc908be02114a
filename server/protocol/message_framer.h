// MessageFramer: cuts the byte stream a client sends into whole protocol messages.
//
// Bytes are appended as they arrive from the socket; complete startup packets and typed
// messages are taken out one at a time. Lengths are checked before any body is buffered, so a
// forged 2 GB length word costs nothing. Validation follows PostgreSQL 15: an unknown message
// type is a FATAL 08P01 error, a bad length word or a stream that ends mid-message is a
// CommunicationError (logged, connection closed, no reply).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/protocol/frontend_message.h"

namespace chalkdb {

class MessageFramer {
 public:
  void append(std::string_view bytes);

  // The body (after the length word) of the next start-up phase packet — StartupMessage,
  // SSLRequest, GSSENCRequest or CancelRequest — or nullopt until it is complete.
  std::optional<std::string> next_startup_packet();

  // The next typed message, or nullopt until it is complete.
  std::optional<FrontendMessage> next_message();

  // Bytes received but not yet taken out as messages.
  size_t buffered() const { return buffer_.size() - read_offset_; }

  // When the client closes the connection: PostgreSQL's log message for the partial packet
  // or message left behind, or nullopt when the stream ended on a message boundary.
  std::optional<std::string> startup_truncation() const;
  std::optional<std::string> message_truncation() const;

 private:
  uint32_t peek_uint32(size_t offset) const;
  std::string take(size_t skip, size_t length);

  std::string buffer_;
  size_t read_offset_ = 0;
};

}  // namespace chalkdb
