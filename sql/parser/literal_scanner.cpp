#include "sql/parser/literal_scanner.h"

#include <algorithm>

namespace chalkdb {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_cont(char c) { return is_ident_start(c) || is_digit(c) || c == '$'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Walks the query once; each step either copies a token to the key or masks a literal.
// Returns false for anything scan_literals leaves to the grammar.
class Scanner {
 public:
  explicit Scanner(std::string_view query) : query_(query) { result_.key.reserve(query.size()); }

  std::optional<ScannedQuery> run() {
    // ASCII only, so that character and byte offsets agree; '\1' would be confused with a mask.
    const bool plain = std::ranges::all_of(query_, [](char c) { return c > '\1' && static_cast<unsigned char>(c) < 0x80; });
    if (!plain) return std::nullopt;
    while (position_ < query_.size()) {
      if (!step()) return std::nullopt;
    }
    return std::move(result_);
  }

 private:
  char at(size_t i) const { return i < query_.size() ? query_[i] : '\0'; }

  bool step() {
    const char c = query_[position_];
    if (c == '-' && at(position_ + 1) == '-') return copy_until_line_end();
    if (c == '/' && at(position_ + 1) == '*') return copy_block_comment();
    if (c == '"') return copy_quoted_identifier();
    if (c == '\'') return mask_string();
    if (c == '$') return copy_parameter();
    if (c == '.' && at(position_ + 1) == '.') return copy(position_ + 2);  // DOT_DOT, as in 1..2
    if (is_digit(c) || (c == '.' && is_digit(at(position_ + 1)))) return mask_number();
    if (is_ident_start(c)) return copy_identifier();
    return copy(position_ + 1);
  }

  bool copy(size_t end) {
    result_.key.append(query_.substr(position_, end - position_));
    position_ = end;
    return true;
  }

  bool copy_until_line_end() {
    size_t end = query_.find_first_of("\r\n", position_);
    return copy(end == std::string_view::npos ? query_.size() : end);
  }

  bool copy_block_comment() {
    int depth = 0;
    size_t i = position_;
    while (i < query_.size()) {
      if (query_[i] == '/' && at(i + 1) == '*') {
        ++depth;
        i += 2;
      } else if (query_[i] == '*' && at(i + 1) == '/') {
        i += 2;
        if (--depth == 0) return copy(i);
      } else {
        ++i;
      }
    }
    return false;  // unterminated
  }

  bool copy_quoted_identifier() {
    size_t i = position_ + 1;
    while (i < query_.size()) {
      if (query_[i] == '"') {
        if (at(i + 1) != '"') return i > position_ + 1 && copy(i + 1);
        i += 2;
      } else {
        ++i;
      }
    }
    return false;
  }

  // $n; $$ and $tag$ open dollar-quoted strings, which are left to the grammar.
  bool copy_parameter() {
    size_t i = position_ + 1;
    if (!is_digit(at(i))) return false;
    while (is_digit(at(i))) ++i;
    if (is_ident_start(at(i))) return false;
    return copy(i);
  }

  // An identifier or keyword. One followed at once by a quote is a prefixed string (E'', B'',
  // X'', N'', U&'' is caught at the '&'), or a typed literal written without a space.
  bool copy_identifier() {
    size_t i = position_;
    while (is_ident_cont(at(i))) ++i;
    if (at(i) == '\'' || (at(i) == '&' && at(i + 1) == '\'')) return false;
    return copy(i);
  }

  // ICONST: digits; FCONST: digits '.' digits* | '.' digits, then an optional exponent.
  // "1..2" is the integer 1 then "..". A number followed by a letter, or by an exponent
  // marker without digits, is one of the lexer's error tokens.
  bool mask_number() {
    size_t i = position_;
    while (is_digit(at(i))) ++i;
    bool decimal = false;
    if (at(i) == '.' && at(i + 1) != '.') {
      decimal = true;
      ++i;
      while (is_digit(at(i))) ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
      size_t exponent = i + 1;
      if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
      if (!is_digit(at(exponent))) return false;
      while (is_digit(at(exponent))) ++exponent;
      decimal = true;
      i = exponent;
    }
    if (is_ident_start(at(i))) return false;
    return mask(decimal ? ScannedLiteral::Kind::Decimal : ScannedLiteral::Kind::Integer, i);
  }

  // '...' with '' for a quote. A string continued by another after a newline is one token.
  bool mask_string() {
    size_t i = position_ + 1;
    while (true) {
      if (i >= query_.size()) return false;
      if (query_[i] == '\'') {
        if (at(i + 1) != '\'') break;
        i += 2;
      } else {
        ++i;
      }
    }
    const size_t end = i + 1;
    if (continues_on_next_line(end)) return false;
    return mask(ScannedLiteral::Kind::String, end);
  }

  bool continues_on_next_line(size_t i) const {
    bool newline = false;
    while (i < query_.size()) {
      if (query_[i] == '\n' || query_[i] == '\r') {
        newline = true;
        ++i;
      } else if (is_space(query_[i])) {
        ++i;
      } else if (newline && query_[i] == '-' && at(i + 1) == '-') {
        i = query_.find_first_of("\r\n", i);
        if (i == std::string_view::npos) return false;
      } else {
        return newline && query_[i] == '\'';
      }
    }
    return false;
  }

  bool mask(ScannedLiteral::Kind kind, size_t end) {
    result_.literals.push_back({kind, static_cast<int>(position_), static_cast<int>(end - position_)});
    result_.key += '\1';
    result_.key += static_cast<char>(kind);
    position_ = end;
    return true;
  }

  std::string_view query_;
  size_t position_ = 0;
  ScannedQuery result_;
};

}  // namespace

std::optional<ScannedQuery> scan_literals(std::string_view query) { return Scanner(query).run(); }

}  // namespace chalkdb
