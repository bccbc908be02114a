#include "sql/parser/utf8_validation.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// pg_utf_mblen: the length a lead byte announces (1 for bytes that cannot lead).
size_t announced_length(unsigned char lead) {
  if ((lead & 0x80) == 0) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

// pg_utf8_islegal: rejects overlong forms, surrogates and code points above U+10FFFF.
bool is_legal(const unsigned char* s, size_t length) {
  const unsigned char lead = s[0];
  switch (length) {
    case 1:
      return lead != 0 && lead < 0x80;
    case 2:
      return in_range(lead, 0xC2, 0xDF) && in_range(s[1], 0x80, 0xBF);
    case 3: {
      const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
      return in_range(s[1], low, high) && in_range(s[2], 0x80, 0xBF);
    }
    case 4: {
      const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
      return in_range(lead, 0xF0, 0xF4) && in_range(s[1], low, high) &&
             in_range(s[2], 0x80, 0xBF) && in_range(s[3], 0x80, 0xBF);
    }
    default:
      return false;
  }
}

[[noreturn]] void report_invalid_encoding(const unsigned char* s, size_t remaining) {
  const size_t shown = std::min({announced_length(s[0]), remaining, size_t{8}});
  std::string bytes;
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) bytes += ' ';
    bytes += fmt::format("0x{:02x}", s[i]);
  }
  throw SqlError(sqlstate::kCharacterNotInRepertoire,
                 fmt::format("invalid byte sequence for encoding \"UTF8\": {}", bytes));
}

}  // namespace

void check_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t length = announced_length(data[i]);
    if (length > bytes.size() - i || !is_legal(data + i, length)) {
      report_invalid_encoding(data + i, bytes.size() - i);
    }
    i += length;
  }
}

}  // namespace chalkdb
