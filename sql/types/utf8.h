// UTF-8 helpers for the character-counting parts of the type system (varchar(n), length(),
// substr(), lpad(), upper()/lower()). The server encoding is always UTF8, as in a default
// PostgreSQL cluster; input is assumed to be valid UTF-8 (checked where text enters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chalkdb {

// Number of characters (code points).
size_t utf8_length(std::string_view text);
// Bytes taken by the first `chars` characters (the whole string if it is shorter).
size_t utf8_prefix_bytes(std::string_view text, size_t chars);
// Decodes the code point starting at text[pos] and advances pos; a malformed byte decodes as
// itself so nothing is lost.
char32_t utf8_next(std::string_view text, size_t& pos);
void utf8_append(std::string& out, char32_t code_point);
// Case mapping as PostgreSQL does it under a C.UTF-8 LC_CTYPE (towupper/towlower).
std::string utf8_upper(std::string_view text);
std::string utf8_lower(std::string_view text);

}  // namespace chalkdb
