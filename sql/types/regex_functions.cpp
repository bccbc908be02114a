#include "sql/types/regex_functions.h"

#include <fmt/format.h>

#include <list>
#include <regex>
#include <utility>

#include "sql/error/sql_error.h"
#include "sql/types/array_value.h"
#include "sql/types/utf8.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

std::string_view regex_error_text(std::regex_constants::error_type code) {
  using namespace std::regex_constants;
  switch (code) {
    case error_paren: return "parentheses () not balanced";
    case error_brack: return "brackets [] not balanced";
    case error_brace: return "braces {} not balanced";
    case error_badbrace: return "invalid repetition count(s)";
    case error_badrepeat: return "quantifier operand invalid";
    case error_escape: return "invalid escape \\ sequence";
    case error_range: return "invalid character range";
    case error_ctype: return "invalid character class";
    case error_backref: return "invalid backreference number";
    case error_collate: return "invalid collating element";
    case error_complexity:
    case error_stack: return "regular expression is too complex";
    default: return "invalid regular expression";
  }
}

struct RegexOptions {
  bool icase = false;
  bool global = false;
};

RegexOptions parse_flags(std::string_view flags, bool allow_global) {
  RegexOptions options;
  for (char c : flags) {
    switch (c) {
      case 'i': options.icase = true; break;
      case 'c': options.icase = false; break;
      case 'g':
        if (!allow_global) {
          throw SqlError(sqlstate::kInvalidParameterValue,
                         "regexp_match() does not support the \"global\" option")
              .with_hint("Use the regexp_matches function instead.");
        }
        options.global = true;
        break;
      case 'n':
      case 'p':
      case 'w':
      case 's':
      case 't': break;
      default:
        throw SqlError(sqlstate::kInvalidParameterValue,
                       fmt::format("invalid regular expression option: \"{}\"", c));
    }
  }
  return options;
}

// A small per-thread cache of compiled patterns, most recently used first.
const std::regex& compiled(const std::string& pattern, bool icase) {
  struct Entry {
    std::string pattern;
    bool icase;
    std::regex regex;
  };
  thread_local std::list<Entry> cache;
  for (auto it = cache.begin(); it != cache.end(); ++it) {
    if (it->icase == icase && it->pattern == pattern) {
      cache.splice(cache.begin(), cache, it);
      return cache.front().regex;
    }
  }
  auto flags = std::regex::ECMAScript;
  if (icase) flags |= std::regex::icase;
  try {
    cache.push_front(Entry{pattern, icase, std::regex(pattern, flags)});
  } catch (const std::regex_error& e) {
    // A pattern that starts with a quantifier has nothing to repeat (std::regex blames the
    // parentheses).
    bool bare_quantifier = !pattern.empty() && (pattern[0] == '*' || pattern[0] == '+' || pattern[0] == '?');
    throw SqlError(sqlstate::kInvalidRegularExpression,
                   fmt::format("invalid regular expression: {}",
                               bare_quantifier ? "quantifier operand invalid" : regex_error_text(e.code())));
  }
  if (cache.size() > 32) cache.pop_back();
  return cache.front().regex;
}

bool search(const std::string& text, const std::string& pattern, bool icase) {
  const std::regex& re = compiled(pattern, icase);
  try {
    return std::regex_search(text, re);
  } catch (const std::regex_error&) {
    throw SqlError(sqlstate::kProgramLimitExceeded, "regular expression is too complex");
  }
}

template <bool Icase, bool Negated>
Value match_op(const Value& text, const Value& pattern) {
  return Value::boolean(search(text.as_text(), pattern.as_text(), Icase) != Negated);
}

// PostgreSQL's replacement string: \1..\9 are groups, \& the whole match, \\ a backslash.
void append_replacement(std::string& out, std::string_view replacement, const std::smatch& m) {
  for (size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c != '\\' || i + 1 >= replacement.size()) {
      out.push_back(c);
      continue;
    }
    char next = replacement[++i];
    if (next >= '1' && next <= '9') {
      auto group = static_cast<size_t>(next - '0');
      if (group < m.size()) out.append(m[group].str());
    } else if (next == '&') {
      out.append(m[0].str());
    } else if (next == '\\') {
      out.push_back('\\');
    } else {
      out.push_back('\\');
      out.push_back(next);
    }
  }
}

Value regexp_replace_fn(Args a) {
  RegexOptions options = parse_flags(a.size() > 3 ? a[3].as_text() : std::string_view(), true);
  const std::regex& re = compiled(a[1].as_text(), options.icase);
  const std::string& text = a[0].as_text();
  std::string out;
  auto begin = text.cbegin();
  std::smatch m;
  auto flags = std::regex_constants::match_default;
  while (std::regex_search(begin, text.cend(), m, re, flags)) {
    out.append(begin, m[0].first);
    append_replacement(out, a[2].as_text(), m);
    if (m[0].length() == 0) {
      if (m[0].second == text.cend()) {
        begin = text.cend();
        break;
      }
      out.push_back(*m[0].second);
      begin = m[0].second + 1;
    } else {
      begin = m[0].second;
    }
    flags |= std::regex_constants::match_prev_avail;
    if (!options.global) break;
  }
  out.append(begin, text.cend());
  return Value::text(std::move(out));
}

Value regexp_match_fn(Args a) {
  RegexOptions options = parse_flags(a.size() > 2 ? a[2].as_text() : std::string_view(), false);
  const std::regex& re = compiled(a[1].as_text(), options.icase);
  std::smatch m;
  if (!std::regex_search(a[0].as_text(), m, re)) return Value::null(T::TextArray);
  ArrayValue result;
  result.element_type = T::Text;
  if (m.size() == 1) {
    result.elements.push_back(Value::text(m[0].str()));
  } else {
    for (size_t i = 1; i < m.size(); ++i)
      result.elements.push_back(m[i].matched ? Value::text(m[i].str()) : Value::null(T::Text));
  }
  return encode_array(result, T::TextArray);
}

Value regexp_like_fn(Args a) {
  RegexOptions options = parse_flags(a.size() > 2 ? a[2].as_text() : std::string_view(), false);
  return Value::boolean(search(a[0].as_text(), a[1].as_text(), options.icase));
}

Value regexp_count_fn(Args a) {
  const std::regex& re = compiled(a[1].as_text(), false);
  const std::string& text = a[0].as_text();
  auto it = std::sregex_iterator(text.begin(), text.end(), re);
  return Value::int4(static_cast<int32_t>(std::distance(it, std::sregex_iterator())));
}

Value regexp_split_to_array_fn(Args a) {
  ArrayValue result;
  result.element_type = T::Text;
  result.elements = regexp_split(a[0].as_text(), a[1].as_text(), a.size() > 2 ? a[2].as_text() : "");
  return encode_array(result, T::TextArray);
}

// substring(text from pattern): the first parenthesized group's match if the pattern has
// one, else the whole match; NULL without a match.
Value substring_regex_fn(Args a) {
  const std::regex& re = compiled(a[1].as_text(), false);
  std::smatch m;
  if (!std::regex_search(a[0].as_text(), m, re)) return Value::null(T::Text);
  if (m.size() > 1) return m[1].matched ? Value::text(m[1].str()) : Value::null(T::Text);
  return Value::text(m[0].str());
}

// substring(text similar pattern escape e): the part between the escape-quote markers.
Value substring_similar_fn(Args a) {
  std::string regex = similar_to_regex(a[1].as_text(), a[2].as_text());
  const std::regex& re = compiled(regex, false);
  std::smatch m;
  if (!std::regex_match(a[0].as_text(), m, re)) return Value::null(T::Text);
  if (m.size() > 1) return m[1].matched ? Value::text(m[1].str()) : Value::null(T::Text);
  return Value::text(m[0].str());
}

Value similar_to_escape_fn(Args a) {
  if (a.empty() || a[0].is_null()) return Value::null(T::Text);
  if (a.size() > 1 && a[1].is_null()) return Value::null(T::Text);
  return Value::text(similar_to_regex(a[0].as_text(), a.size() > 1 ? a[1].as_text() : "\\"));
}

// like_escape: the pattern rewritten to use backslash as its escape character.
Value like_escape_fn(Args a) {
  const std::string& pattern = a[0].as_text();
  const std::string& escape = a[1].as_text();
  if (utf8_length(escape) > 1) {
    throw SqlError(sqlstate::kInvalidEscapeSequence, "invalid escape string")
        .with_hint("Escape string must be empty or one character.");
  }
  std::string out;
  if (escape.empty()) {
    for (char c : pattern) {
      if (c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    return Value::text(std::move(out));
  }
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, escape.size(), escape) == 0) {
      i += escape.size();
      out.push_back('\\');
      if (i < pattern.size()) out.push_back(pattern[i]);
      continue;
    }
    if (pattern[i] == '\\') out.push_back('\\');
    out.push_back(pattern[i]);
  }
  return Value::text(std::move(out));
}

}  // namespace

std::vector<Value> regexp_split(const std::string& text, const std::string& pattern, std::string_view flags) {
  RegexOptions options = parse_flags(flags, false);
  const std::regex& re = compiled(pattern, options.icase);
  std::vector<Value> pieces;
  size_t start = 0;
  size_t search_from = 0;
  std::smatch m;
  while (search_from < text.size() &&
         std::regex_search(text.cbegin() + static_cast<std::ptrdiff_t>(search_from), text.cend(), m, re)) {
    auto match_start = static_cast<size_t>(m[0].first - text.cbegin());
    auto match_end = static_cast<size_t>(m[0].second - text.cbegin());
    if (match_end == match_start) {
      // An empty match splits between characters (but not at the very start).
      if (match_start >= text.size()) break;
      size_t next = match_start + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      if (match_start > start || match_start > 0) {
        pieces.push_back(Value::text(text.substr(start, match_start - start)));
        start = match_start;
      }
      search_from = next;
      continue;
    }
    pieces.push_back(Value::text(text.substr(start, match_start - start)));
    start = match_end;
    search_from = match_end;
  }
  pieces.push_back(Value::text(text.substr(start)));
  return pieces;
}

std::vector<Value> regexp_matches(const std::string& text, const std::string& pattern, std::string_view flags) {
  RegexOptions options = parse_flags(flags, true);
  const std::regex& re = compiled(pattern, options.icase);
  std::vector<Value> matches;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    ArrayValue groups;
    groups.element_type = T::Text;
    if (m.size() == 1) {
      groups.elements.push_back(Value::text(m[0].str()));
    } else {
      for (size_t i = 1; i < m.size(); ++i)
        groups.elements.push_back(m[i].matched ? Value::text(m[i].str()) : Value::null(T::Text));
    }
    matches.push_back(encode_array(groups, T::TextArray));
    if (!options.global) break;
  }
  return matches;
}

std::string similar_to_regex(std::string_view pattern, std::string_view escape) {
  if (utf8_length(escape) > 1) {
    throw SqlError(sqlstate::kInvalidEscapeSequence, "invalid escape string")
        .with_hint("Escape string must be empty or one character.");
  }
  std::string out = "^(?:";
  int markers = 0;
  bool in_brackets = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (!escape.empty() && pattern.compare(i, escape.size(), escape) == 0) {
      i += escape.size();
      if (i >= pattern.size()) {
        throw SqlError(sqlstate::kInvalidEscapeSequence,
                       "invalid escape sequence: pattern ends with the escape character");
      }
      char next = pattern[i];
      if (next == '"') {
        if (++markers > 2) {
          throw SqlError(sqlstate::kInvalidParameterValue,
                         "SQL regular expression may not contain more than two escape-double-quote separators");
        }
        out.append(markers == 1 ? "(" : ")");
      } else {
        out.push_back('\\');
        out.push_back(next);
      }
      continue;
    }
    if (in_brackets) {
      if (c == ']') in_brackets = false;
      if (c == '\\') out.push_back('\\');
      out.push_back(c);
      continue;
    }
    switch (c) {
      case '[': in_brackets = true; out.push_back(c); break;
      case '%': out.append(".*"); break;
      case '_': out.push_back('.'); break;
      case '(': out.append("(?:"); break;
      case '\\':
      case '.':
      case '^':
      case '$': out.push_back('\\'); out.push_back(c); break;
      default: out.push_back(c);
    }
  }
  out.append(")$");
  return out;
}

void add_regex_operators(std::vector<OperatorEntry>& ops) {
  for (TypeId left : {T::Text, T::Bpchar, T::Name}) {
    ops.push_back({"~", left, T::Text, T::Bool, match_op<false, false>});
    ops.push_back({"!~", left, T::Text, T::Bool, match_op<false, true>});
    ops.push_back({"~*", left, T::Text, T::Bool, match_op<true, false>});
    ops.push_back({"!~*", left, T::Text, T::Bool, match_op<true, true>});
  }
}

void add_regex_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"regexp_replace", {T::Text, T::Text, T::Text}, T::Text, regexp_replace_fn});
  f.push_back({"regexp_replace", {T::Text, T::Text, T::Text, T::Text}, T::Text, regexp_replace_fn});
  f.push_back({"regexp_match", {T::Text, T::Text}, T::TextArray, regexp_match_fn});
  f.push_back({"regexp_match", {T::Text, T::Text, T::Text}, T::TextArray, regexp_match_fn});
  f.push_back({"regexp_like", {T::Text, T::Text}, T::Bool, regexp_like_fn});
  f.push_back({"regexp_like", {T::Text, T::Text, T::Text}, T::Bool, regexp_like_fn});
  f.push_back({"regexp_count", {T::Text, T::Text}, T::Int4, regexp_count_fn});
  f.push_back({"regexp_split_to_array", {T::Text, T::Text}, T::TextArray, regexp_split_to_array_fn});
  f.push_back({"regexp_split_to_array", {T::Text, T::Text, T::Text}, T::TextArray, regexp_split_to_array_fn});
  f.push_back({"substring", {T::Text, T::Text}, T::Text, substring_regex_fn});
  f.push_back({"substring", {T::Text, T::Text, T::Text}, T::Text, substring_similar_fn});
  f.push_back({"similar_to_escape", {T::Text}, T::Text, similar_to_escape_fn, false});
  f.push_back({"similar_to_escape", {T::Text, T::Text}, T::Text, similar_to_escape_fn, false});
  f.push_back({"like_escape", {T::Text, T::Text}, T::Text, like_escape_fn});
}

}  // namespace chalkdb
