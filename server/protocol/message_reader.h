// MessageReader: bounds-checked reading of the fields of one frontend message body.
//
// Every malformed body raises the same ERROR as PostgreSQL's pqformat.c (08P01 "invalid string
// in message", "insufficient data left in message", "invalid message format"), so a bad
// message ends the statement, never the process.
#pragma once

#include <cstdint>
#include <string_view>

namespace chalkdb {

class MessageReader {
 public:
  explicit MessageReader(std::string_view body) : body_(body) {}

  uint8_t get_byte();
  int16_t get_int16();
  int32_t get_int32();
  // A NUL-terminated string; the view excludes the terminator.
  std::string_view get_cstring();
  std::string_view get_bytes(size_t count);
  // Fails unless every byte of the body has been read.
  void expect_end() const;

  size_t remaining() const { return body_.size() - cursor_; }

 private:
  uint32_t get_unsigned(size_t width);

  std::string_view body_;
  size_t cursor_ = 0;
};

}  // namespace chalkdb
