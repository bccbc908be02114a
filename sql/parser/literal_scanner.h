// LiteralScanner: a query's text with its number and string literals masked, found without
// running the grammar — the key under which QueryTemplateCache keeps a parsed query, so that
// `... WHERE id = 42` and `... WHERE id = 7` share one parse.
//
// It follows ChalkSqlLexer's rules for what it accepts: comments, quoted identifiers,
// parameters, integer (ICONST) and decimal/real (FCONST) numbers, and plain '...' strings
// (STRING). Anything it does not model exactly gives no result, and the query is simply
// parsed: E'', U&'', B'', X'' and dollar-quoted strings, strings continued on a new line,
// numbers run into identifiers, unterminated tokens, and non-ASCII text (so that character
// and byte offsets agree).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chalkdb {

struct ScannedLiteral {
  enum class Kind : char { Integer = 'I', Decimal = 'F', String = 'S' };
  Kind kind;
  int offset;  // in the query (characters and bytes alike: the text is ASCII)
  int length;

  std::string_view text(std::string_view query) const { return query.substr(offset, length); }
};

struct ScannedQuery {
  // The query with each literal replaced by '\1' and its kind's letter.
  std::string key;
  std::vector<ScannedLiteral> literals;
};

std::optional<ScannedQuery> scan_literals(std::string_view query);

}  // namespace chalkdb
