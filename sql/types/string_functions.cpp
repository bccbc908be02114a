#include "sql/types/string_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/utf8.h"
#include "sql/types/value_io.h"

namespace chalkdb::string_functions {

namespace {

Value text(std::string s) { return Value::text(std::move(s)); }

int64_t count_arg(Args args, size_t i) { return args[i].as_int(); }

// Byte offset of character `chars` (clamped to the string).
size_t offset_of(std::string_view s, int64_t chars) {
  return chars <= 0 ? 0 : utf8_prefix_bytes(s, static_cast<size_t>(chars));
}

// PostgreSQL's substring rule: characters from `start` (1-based, may be < 1) for `count`.
std::string_view substring_chars(std::string_view s, int64_t start, std::optional<int64_t> count,
                                 bool per_byte) {
  if (count && *count < 0)
    throw SqlError(sqlstate::kSubstringError, "negative substring length not allowed");
  int64_t first = std::max<int64_t>(start, 1);
  int64_t end = INT64_MAX;  // one past the last character
  if (count) end = (start > 0 && *count > INT64_MAX - start) ? INT64_MAX : start + *count;
  if (end <= first) return {};
  auto to_byte = [&](int64_t chars) -> size_t {
    if (per_byte) return static_cast<size_t>(std::min<int64_t>(chars, static_cast<int64_t>(s.size())));
    return offset_of(s, chars);
  };
  size_t from = to_byte(first - 1);
  size_t to = end == INT64_MAX ? s.size() : to_byte(end - 1);
  return from >= to ? std::string_view() : s.substr(from, to - from);
}

bool contains_char(std::string_view set, std::string_view character) {
  return set.find(character) != std::string_view::npos;
}

// Trims characters of `set` (default: space) from the chosen ends, character by character.
std::string_view trim_chars(std::string_view s, std::string_view set, bool leading, bool trailing) {
  if (leading) {
    while (!s.empty()) {
      size_t n = utf8_prefix_bytes(s, 1);
      if (!contains_char(set, s.substr(0, n))) break;
      s.remove_prefix(n);
    }
  }
  if (trailing) {
    while (!s.empty()) {
      size_t start = s.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      if (!contains_char(set, s.substr(start))) break;
      s.remove_suffix(s.size() - start);
    }
  }
  return s;
}

Value trim(Args args, bool leading, bool trailing) {
  std::string_view set = args.size() > 1 ? std::string_view(args[1].as_text()) : " ";
  return text(std::string(trim_chars(args[0].as_text(), set, leading, trailing)));
}

std::string padding(std::string_view fill, size_t chars) {
  std::string out;
  size_t fill_chars = utf8_length(fill);
  while (chars >= fill_chars && fill_chars > 0) {
    out.append(fill);
    chars -= fill_chars;
  }
  if (chars > 0) out.append(fill.substr(0, utf8_prefix_bytes(fill, chars)));
  return out;
}

Value pad(Args args, bool on_left) {
  std::string_view s = args[0].as_text();
  int64_t length = count_arg(args, 1);
  std::string_view fill = args.size() > 2 ? std::string_view(args[2].as_text()) : " ";
  if (length <= 0) return text("");
  // lpad/rpad reserve four bytes per character and refuse more than a 1 GB result.
  if (length * 4 + 4 > 0x3fffffff)
    throw SqlError(sqlstate::kProgramLimitExceeded, "requested length too large");
  auto wanted = static_cast<size_t>(length);
  size_t have = utf8_length(s);
  if (have >= wanted || fill.empty()) return text(std::string(s.substr(0, utf8_prefix_bytes(s, wanted))));
  std::string pad_text = padding(fill, wanted - have);
  return text(on_left ? pad_text + std::string(s) : std::string(s) + pad_text);
}

}  // namespace

Value length(Args args) { return Value::int4(static_cast<int32_t>(utf8_length(args[0].as_text()))); }

Value bpchar_length(Args args) {
  const std::string& s = args[0].as_text();
  size_t end = s.find_last_not_of(' ');
  return Value::int4(static_cast<int32_t>(end == std::string::npos ? 0 : utf8_length(std::string_view(s).substr(0, end + 1))));
}

Value byte_length(Args args) { return Value::int4(static_cast<int32_t>(args[0].as_text().size())); }

Value lower(Args args) { return text(utf8_lower(args[0].as_text())); }
Value upper(Args args) { return text(utf8_upper(args[0].as_text())); }

// First letter of each alphanumeric run upper-cased, the rest lower-cased.
Value initcap(Args args) {
  std::string_view s = args[0].as_text();
  std::string out;
  bool previous_alnum = false;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = utf8_next(s, pos);
    std::string_view character = s.substr(start, pos - start);
    std::string mapped = previous_alnum ? utf8_lower(character) : utf8_upper(character);
    out += mapped;
    bool ascii_alnum = (c < 0x80) && std::isalnum(static_cast<int>(c));
    previous_alnum = ascii_alnum || (c >= 0x80 && utf8_lower(character) != utf8_upper(character));
  }
  return text(std::move(out));
}

Value substr(Args args) {
  std::optional<int64_t> count;
  if (args.size() > 2) count = count_arg(args, 2);
  return text(std::string(substring_chars(args[0].as_text(), count_arg(args, 1), count, false)));
}

Value bytea_substr(Args args) {
  std::optional<int64_t> count;
  if (args.size() > 2) count = count_arg(args, 2);
  return Value::text(std::string(substring_chars(args[0].as_text(), count_arg(args, 1), count, true)),
                     TypeId::Bytea);
}

Value position(Args args) {
  std::string_view s = args[0].as_text();
  size_t found = s.find(args[1].as_text());
  if (found == std::string_view::npos) return Value::int4(0);
  return Value::int4(static_cast<int32_t>(utf8_length(s.substr(0, found)) + 1));
}

Value btrim(Args args) { return trim(args, true, true); }
Value ltrim(Args args) { return trim(args, true, false); }
Value rtrim(Args args) { return trim(args, false, true); }

Value replace(Args args) {
  const std::string& from = args[1].as_text();
  std::string s = args[0].as_text();
  if (from.empty()) return text(std::move(s));
  const std::string& to = args[2].as_text();
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos);
    out.append(to);
  }
  out.append(s, pos);
  return text(std::move(out));
}

Value left(Args args) {
  std::string_view s = args[0].as_text();
  int64_t n = count_arg(args, 1);
  int64_t keep = n >= 0 ? n : static_cast<int64_t>(utf8_length(s)) + n;
  return text(std::string(s.substr(0, offset_of(s, keep))));
}

Value right(Args args) {
  std::string_view s = args[0].as_text();
  int64_t n = count_arg(args, 1);
  auto total = static_cast<int64_t>(utf8_length(s));
  int64_t skip = n >= 0 ? total - n : -n;
  return text(std::string(s.substr(offset_of(s, skip))));
}

Value repeat(Args args) {
  int64_t n = count_arg(args, 1);
  const std::string& s = args[0].as_text();
  if (n <= 0 || s.empty()) return text("");
  if (static_cast<uint64_t>(n) * s.size() + 4 > 0x3fffffff)  // a 1 GB result, as PostgreSQL
    throw SqlError(sqlstate::kProgramLimitExceeded, "requested length too large");
  std::string out;
  out.reserve(static_cast<size_t>(n) * s.size());
  for (int64_t i = 0; i < n; ++i) out += s;
  return text(std::move(out));
}

Value lpad(Args args) { return pad(args, true); }
Value rpad(Args args) { return pad(args, false); }

Value reverse(Args args) {
  std::string_view s = args[0].as_text();
  std::string out;
  out.reserve(s.size());
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    out.append(s.substr(start, end - start));
    end = start;
  }
  return text(std::move(out));
}

Value ascii(Args args) {
  std::string_view s = args[0].as_text();
  if (s.empty()) return Value::int4(0);
  size_t pos = 0;
  return Value::int4(static_cast<int32_t>(utf8_next(s, pos)));
}

Value chr(Args args) {
  int64_t code = count_arg(args, 0);
  if (code < 0) throw SqlError(sqlstate::kInvalidParameterValue, "character number must be positive");
  if (code == 0) throw SqlError(sqlstate::kProgramLimitExceeded, "null character not permitted");
  if (code > 0x10FFFF) {
    throw SqlError(sqlstate::kProgramLimitExceeded,
                   fmt::format("requested character too large for encoding: {}", code));
  }
  if (code >= 0xD800 && code <= 0xDFFF) {
    throw SqlError(sqlstate::kProgramLimitExceeded,
                   fmt::format("requested character not valid for encoding: {}", code));
  }
  std::string out;
  utf8_append(out, static_cast<char32_t>(code));
  return text(std::move(out));
}

Value split_part(Args args) {
  std::string_view s = args[0].as_text();
  std::string_view delimiter = args[1].as_text();
  int64_t field = count_arg(args, 2);
  if (field == 0) throw SqlError(sqlstate::kInvalidParameterValue, "field position must not be zero");
  if (delimiter.empty()) return text(field == 1 || field == -1 ? std::string(s) : std::string());
  std::vector<std::string_view> parts;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(delimiter, pos)) != std::string_view::npos; pos = hit + delimiter.size())
    parts.push_back(s.substr(pos, hit - pos));
  parts.push_back(s.substr(pos));
  auto count = static_cast<int64_t>(parts.size());
  int64_t index = field > 0 ? field - 1 : count + field;
  if (index < 0 || index >= count) return text("");
  return text(std::string(parts[static_cast<size_t>(index)]));
}

Value starts_with(Args args) {
  return Value::boolean(std::string_view(args[0].as_text()).starts_with(args[1].as_text()));
}

Value concat(Args args) {
  std::string out;
  for (const Value& v : args) append_value(out, v);
  return text(std::move(out));
}

Value concat_ws(Args args) {
  if (args[0].is_null()) return Value::null(TypeId::Text);
  const std::string& separator = args[0].as_text();
  std::string out;
  bool first = true;
  for (const Value& v : args.subspan(1)) {
    if (v.is_null()) continue;
    if (!first) out += separator;
    append_value(out, v);
    first = false;
  }
  return text(std::move(out));
}

}  // namespace chalkdb::string_functions
