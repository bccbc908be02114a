// Helpers to spell protocol bytes in tests: big-endian integers, C strings and framed
// messages, so expected wire images read like the protocol documentation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chalkdb::wire {

inline std::string int32_be(uint32_t value) {
  std::string bytes;
  for (int shift = 24; shift >= 0; shift -= 8)
    bytes.push_back(static_cast<char>((value >> shift) & 0xff));
  return bytes;
}

inline std::string int16_be(uint16_t value) {
  return {static_cast<char>(value >> 8), static_cast<char>(value & 0xff)};
}

inline std::string cstr(std::string_view text) {
  std::string bytes(text);
  bytes.push_back('\0');
  return bytes;
}

// A typed message: type byte, length word counting itself, body.
inline std::string frame(char type, std::string_view body) {
  return std::string(1, type) + int32_be(static_cast<uint32_t>(body.size() + 4)) +
         std::string(body);
}

// A start-up phase packet: length word counting itself, body.
inline std::string startup_frame(std::string_view body) {
  return int32_be(static_cast<uint32_t>(body.size() + 4)) + std::string(body);
}

}  // namespace chalkdb::wire
