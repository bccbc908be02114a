// StartupPacket: decoding of the packets a client may send before the session starts —
// StartupMessage, SSLRequest, GSSENCRequest and CancelRequest — from a packet body (the
// framer has already checked and stripped the length word).
//
// The StartupMessage layout is validated exactly as PostgreSQL's ProcessStartupPacket does it
// (name/value pairs, then a single terminating NUL as the last byte), with the same FATAL
// messages. ChalkDB speaks protocol 3.0 only, like PostgreSQL 15.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sql/error/sql_error.h"

namespace chalkdb {

struct SslRequest {};
struct GssEncRequest {};

struct CancelRequest {
  int32_t process_id = 0;
  int32_t secret_key = 0;
};

struct StartupMessage {
  uint32_t protocol_version = 0;
  // In the order sent; names are case-sensitive here, interpreted by StartupOptions.
  std::vector<std::pair<std::string, std::string>> parameters;
};

// A protocol version outside 3.x (including a second SSLRequest after the first was refused).
struct UnsupportedProtocol {
  uint32_t protocol_version = 0;

  SqlError error() const;
  // Pre-3.0 clients cannot parse a v3 ErrorResponse; PostgreSQL answers them in the old format.
  bool wants_legacy_error() const;
};

using StartupPacket =
    std::variant<StartupMessage, SslRequest, GssEncRequest, CancelRequest, UnsupportedProtocol>;

// Throws SqlError (FATAL 08P01) for a malformed StartupMessage and CommunicationError for a
// CancelRequest of the wrong size.
StartupPacket parse_startup_packet(std::string_view body);

}  // namespace chalkdb
