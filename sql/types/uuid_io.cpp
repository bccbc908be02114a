#include "sql/types/uuid_io.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// string_to_uuid: an optional '{', 32 hex digits with a '-' allowed after each group of four,
// the matching '}', nothing else (no surrounding spaces).
std::string parse_uuid(std::string_view text) {
  auto fail = [&] {
    return SqlError(sqlstate::kInvalidTextRepresentation,
                    fmt::format("invalid input syntax for type uuid: \"{}\"", text));
  };
  size_t i = 0;
  bool braces = !text.empty() && text[0] == '{';
  if (braces) ++i;
  std::string bytes;
  for (int n = 0; n < 16; ++n) {
    if (i + 1 >= text.size()) throw fail();
    int high = hex_digit(text[i]);
    int low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0) throw fail();
    bytes.push_back(static_cast<char>(high * 16 + low));
    i += 2;
    if (n % 2 == 1 && n < 15 && i < text.size() && text[i] == '-') ++i;
  }
  if (braces) {
    if (i >= text.size() || text[i] != '}') throw fail();
    ++i;
  }
  if (i != text.size()) throw fail();
  return bytes;
}

void append_uuid(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t n = 0; n < bytes.size(); ++n) {
    if (n == 4 || n == 6 || n == 8 || n == 10) out.push_back('-');
    auto byte = static_cast<unsigned char>(bytes[n]);
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 15]);
  }
}

}  // namespace chalkdb
