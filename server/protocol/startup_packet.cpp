#include "server/protocol/startup_packet.h"

#include <fmt/format.h>

#include "server/protocol/communication_error.h"
#include "server/protocol/message_reader.h"
#include "server/protocol/protocol_constants.h"

namespace chalkdb {

namespace {

constexpr size_t kCancelRequestBodySize = 12;  // code, process id, secret key

// PostgreSQL's loop: pairs until an empty name; a name without a value, or a terminator that
// is not the last byte, is a layout error. Bytes after the version are never read past the
// body, because a missing NUL counts as the end of the body.
std::vector<std::pair<std::string, std::string>> parse_parameters(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> parameters;
  size_t offset = 4;
  auto string_at = [&body](size_t at) {
    std::string_view rest = body.substr(at);
    return rest.substr(0, rest.find('\0'));
  };
  while (offset < body.size()) {
    std::string_view name = string_at(offset);
    if (name.empty()) break;
    size_t value_offset = offset + name.size() + 1;
    if (value_offset >= body.size()) break;
    std::string_view value = string_at(value_offset);
    parameters.emplace_back(std::string(name), std::string(value));
    offset = value_offset + value.size() + 1;
  }
  if (offset + 1 != body.size()) {
    throw SqlError(sqlstate::kProtocolViolation,
                   "invalid startup packet layout: expected terminator as last byte")
        .with_severity(Severity::Fatal);
  }
  return parameters;
}

CancelRequest parse_cancel_request(std::string_view body) {
  if (body.size() != kCancelRequestBodySize) {
    throw CommunicationError("invalid length of cancel request packet");
  }
  MessageReader reader(body.substr(4));
  CancelRequest request;
  request.process_id = reader.get_int32();
  request.secret_key = reader.get_int32();
  return request;
}

}  // namespace

SqlError UnsupportedProtocol::error() const {
  return SqlError(sqlstate::kFeatureNotSupported,
                  fmt::format("unsupported frontend protocol {}.{}: server supports 3.0 to 3.0",
                              protocol::version_major(protocol_version),
                              protocol::version_minor(protocol_version)))
      .with_severity(Severity::Fatal);
}

bool UnsupportedProtocol::wants_legacy_error() const {
  return protocol::version_major(protocol_version) < 3;
}

StartupPacket parse_startup_packet(std::string_view body) {
  auto version = static_cast<uint32_t>(MessageReader(body).get_int32());
  switch (version) {
    case protocol::kSslRequestCode:
      return SslRequest{};
    case protocol::kGssEncRequestCode:
      return GssEncRequest{};
    case protocol::kCancelRequestCode:
      return parse_cancel_request(body);
    default:
      break;
  }
  if (protocol::version_major(version) != 3) return UnsupportedProtocol{version};
  return StartupMessage{version, parse_parameters(body)};
}

}  // namespace chalkdb
