// SQL LIKE / ILIKE pattern matching as PostgreSQL's MatchText: % matches any run of
// characters, _ exactly one character (a UTF-8 code point for text, a byte for bytea), and a
// backslash escapes the next pattern character. A pattern ending in the escape character fails
// with 22025 "LIKE pattern must not end with escape character" when matching reaches it.
// ILIKE lower-cases both sides first. Custom ESCAPE characters are not supported.
#pragma once

#include <string_view>

namespace chalkdb {

bool like_match(std::string_view text, std::string_view pattern, bool per_byte = false);
bool ilike_match(std::string_view text, std::string_view pattern);

}  // namespace chalkdb
