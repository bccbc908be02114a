// String literals: the values of ChalkSqlLexer's STRING, ESCAPE_STRING and DOLLAR_STRING
// tokens.
//
// Standard strings ('it''s') take no backslash escapes (standard_conforming_strings is
// always on); E'...' strings take PostgreSQL's backslash escapes (\n, \t, \101, \x41,
// \u20AC, \U0001F600, UTF-16 surrogate pairs); $tag$...$tag$ strings are verbatim. Literals
// continued across a newline ('a'\n'b') are joined. Bad escapes raise PostgreSQL's errors
// at PostgreSQL's positions.
#pragma once

#include <string>
#include <string_view>

#include "antlr4-runtime.h"

namespace chalkdb {

std::string decode_string_literal(const antlr4::Token& token);

// The value of a plain '...' literal written as `text` (quotes included).
std::string decode_standard_string(std::string_view text);

}  // namespace chalkdb
