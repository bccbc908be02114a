#include "server/protocol/message_framer.h"

#include "server/protocol/communication_error.h"
#include "server/protocol/protocol_constants.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// Below this many consumed bytes the buffer is not compacted, to avoid moving data on every
// small message.
constexpr size_t kCompactionThreshold = 64 * 1024;

constexpr size_t kLengthWordSize = 4;

}  // namespace

void MessageFramer::append(std::string_view bytes) {
  if (read_offset_ == buffer_.size()) {
    buffer_.clear();
    read_offset_ = 0;
  } else if (read_offset_ >= kCompactionThreshold) {
    buffer_.erase(0, read_offset_);
    read_offset_ = 0;
  }
  buffer_.append(bytes);
}

std::optional<std::string> MessageFramer::next_startup_packet() {
  if (buffered() < kLengthWordSize) return std::nullopt;
  uint32_t length = peek_uint32(read_offset_);
  // The length word counts itself; compare the body length without risking wrap-around.
  if (length < kLengthWordSize + protocol::kMinStartupPacketBody ||
      length > kLengthWordSize + protocol::kMaxStartupPacketBody) {
    throw CommunicationError("invalid length of startup packet");
  }
  if (buffered() < length) return std::nullopt;
  return take(kLengthWordSize, length - kLengthWordSize);
}

std::optional<FrontendMessage> MessageFramer::next_message() {
  if (buffered() < 1) return std::nullopt;
  char type = buffer_[read_offset_];
  std::optional<uint32_t> limit = message_length_limit(type);
  if (!limit) {
    throw SqlError(sqlstate::kProtocolViolation,
                   "invalid frontend message type " + std::to_string(static_cast<uint8_t>(type)))
        .with_severity(Severity::Fatal);
  }
  if (buffered() < 1 + kLengthWordSize) return std::nullopt;
  uint32_t length = peek_uint32(read_offset_ + 1);
  if (length < kLengthWordSize || length > *limit) {
    throw CommunicationError("invalid message length");
  }
  if (buffered() < 1 + length) return std::nullopt;
  return FrontendMessage{type, take(1 + kLengthWordSize, length - kLengthWordSize)};
}

std::optional<std::string> MessageFramer::startup_truncation() const {
  if (buffered() == 0) return std::nullopt;
  return "incomplete startup packet";
}

std::optional<std::string> MessageFramer::message_truncation() const {
  if (buffered() == 0) return std::nullopt;
  if (buffered() < 1 + kLengthWordSize) return "unexpected EOF within message length word";
  return "incomplete message from client";
}

uint32_t MessageFramer::peek_uint32(size_t offset) const {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<uint8_t>(buffer_[offset + i]);
  return value;
}

std::string MessageFramer::take(size_t skip, size_t length) {
  std::string body = buffer_.substr(read_offset_ + skip, length);
  read_offset_ += skip + length;
  return body;
}

}  // namespace chalkdb
