// SourceText: the query string being parsed, addressed by character (code point) offsets.
//
// ANTLR and PostgreSQL both count positions in characters, while the query is UTF-8 bytes;
// this maps character offsets back to bytes so statement text can be cut out of the original
// string unchanged. The query must be valid UTF-8 (parse_sql checks it first).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chalkdb {

class SourceText {
 public:
  explicit SourceText(std::string_view query);

  std::string_view query() const { return query_; }

  // The text of characters [first, last] (inclusive, as ANTLR token indices are).
  std::string slice(size_t first, size_t last) const;

 private:
  size_t byte_offset(size_t character) const;

  std::string_view query_;
  // Byte offset of each character, plus the end; empty when the query is pure ASCII.
  std::vector<size_t> character_offsets_;
};

}  // namespace chalkdb
