#include "server/protocol/message_reader.h"

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

[[noreturn]] void throw_protocol_error(const char* message) {
  throw SqlError(sqlstate::kProtocolViolation, message);
}

}  // namespace

uint8_t MessageReader::get_byte() { return static_cast<uint8_t>(get_unsigned(1)); }

int16_t MessageReader::get_int16() { return static_cast<int16_t>(get_unsigned(2)); }

int32_t MessageReader::get_int32() { return static_cast<int32_t>(get_unsigned(4)); }

uint32_t MessageReader::get_unsigned(size_t width) {
  std::string_view bytes = get_bytes(width);
  uint32_t value = 0;
  for (char byte : bytes) value = (value << 8) | static_cast<uint8_t>(byte);
  return value;
}

std::string_view MessageReader::get_cstring() {
  size_t terminator = body_.find('\0', cursor_);
  if (terminator == std::string_view::npos) throw_protocol_error("invalid string in message");
  std::string_view text = body_.substr(cursor_, terminator - cursor_);
  cursor_ = terminator + 1;
  return text;
}

std::string_view MessageReader::get_bytes(size_t count) {
  if (count > remaining()) throw_protocol_error("insufficient data left in message");
  std::string_view bytes = body_.substr(cursor_, count);
  cursor_ += count;
  return bytes;
}

void MessageReader::expect_end() const {
  if (cursor_ != body_.size()) throw_protocol_error("invalid message format");
}

}  // namespace chalkdb
