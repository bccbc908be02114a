#include "sql/types/like_match.h"

#include "sql/error/sql_error.h"
#include "sql/types/utf8.h"

namespace chalkdb {

namespace {

// Abort means "no later starting point can match either", which lets % stop early.
enum class Match { True, False, Abort };

size_t next_char(std::string_view text, size_t pos, bool per_byte) {
  if (per_byte) return pos + 1;
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

Match match_text(std::string_view t, std::string_view p, bool per_byte) {
  size_t ti = 0;
  size_t pi = 0;
  while (ti < t.size() && pi < p.size()) {
    char pc = p[pi];
    if (pc == '\\') {
      if (++pi >= p.size()) {
        throw SqlError(sqlstate::kInvalidEscapeSequence,
                       "LIKE pattern must not end with escape character");
      }
      if (t[ti] != p[pi]) return Match::False;
      ++ti;
      ++pi;
    } else if (pc == '%') {
      ++pi;
      while (pi < p.size() && (p[pi] == '%' || p[pi] == '_')) {
        if (p[pi] == '_') {
          if (ti >= t.size()) return Match::Abort;
          ti = next_char(t, ti, per_byte);
        }
        ++pi;
      }
      if (pi >= p.size()) return Match::True;
      while (ti < t.size()) {
        Match m = match_text(t.substr(ti), p.substr(pi), per_byte);
        if (m != Match::False) return m;
        ti = next_char(t, ti, per_byte);
      }
      return Match::Abort;
    } else if (pc == '_') {
      ti = next_char(t, ti, per_byte);
      ++pi;
    } else {
      if (t[ti] != pc) return Match::False;
      ++ti;
      ++pi;
    }
  }
  if (ti < t.size()) return Match::False;
  while (pi < p.size() && p[pi] == '%') ++pi;
  return pi >= p.size() ? Match::True : Match::Abort;
}

}  // namespace

bool like_match(std::string_view text, std::string_view pattern, bool per_byte) {
  return match_text(text, pattern, per_byte) == Match::True;
}

bool ilike_match(std::string_view text, std::string_view pattern) {
  return like_match(utf8_lower(text), utf8_lower(pattern));
}

}  // namespace chalkdb
