#include "sql/types/utf8.h"

#include <locale.h>

#include <cwctype>

namespace chalkdb {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// towupper/towlower need a UTF-8 LC_CTYPE; one locale object serves all threads.
locale_t utf8_locale() {
  static const locale_t locale = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return l != static_cast<locale_t>(nullptr) ? l : newlocale(LC_CTYPE_MASK, "C", static_cast<locale_t>(nullptr));
  }();
  return locale;
}

template <typename Map>
std::string map_case(std::string_view text, Map map, char (*ascii)(char)) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out.push_back(ascii(static_cast<char>(byte)));
      ++pos;
      continue;
    }
    char32_t code_point = utf8_next(text, pos);
    utf8_append(out, static_cast<char32_t>(map(static_cast<wint_t>(code_point), utf8_locale())));
  }
  return out;
}

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

size_t utf8_length(std::string_view text) {
  size_t count = 0;
  for (char c : text)
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  return count;
}

size_t utf8_prefix_bytes(std::string_view text, size_t chars) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (!is_continuation(static_cast<unsigned char>(text[pos]))) {
      if (chars == 0) return pos;
      --chars;
    }
    ++pos;
  }
  return pos;
}

char32_t utf8_next(std::string_view text, size_t& pos) {
  auto lead = static_cast<unsigned char>(text[pos]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (extra == 0 || pos + extra >= text.size()) {
    ++pos;
    return lead;
  }
  char32_t code_point = lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) {
      ++pos;
      return lead;
    }
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  pos += static_cast<size_t>(extra) + 1;
  return code_point;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string utf8_upper(std::string_view text) { return map_case(text, towupper_l, ascii_upper); }
std::string utf8_lower(std::string_view text) { return map_case(text, towlower_l, ascii_lower); }

}  // namespace chalkdb
