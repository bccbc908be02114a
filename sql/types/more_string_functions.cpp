#include "sql/types/more_string_functions.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/utf8.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;
constexpr TypeId kAny = static_cast<TypeId>(2276);  // "any"

// pg_get_keywords() entries whose category is not "unreserved": quote_ident quotes them.
constexpr std::string_view kQuotedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
    "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
    "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
    "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
    "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
    "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
    "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
    "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
    "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
    "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table",
    "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
    "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window",
    "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
    "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable"
};

std::string text_of(const Value& v) { return v.type() == T::Bool ? (v.as_bool() ? "t" : "f") : format_value(v); }

SqlError format_error(std::string message) {
  return SqlError(sqlstate::kInvalidParameterValue, std::move(message));
}

// format(fmt, VARIADIC "any"): %[n$][-][width|*[m$]]type with type s, I, L or %.
class Formatter {
 public:
  explicit Formatter(Args args) : args_(args) {}

  std::string run() {
    const std::string& f = args_[0].as_text();
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i] != '%') {
        out.push_back(f[i]);
        continue;
      }
      if (++i >= f.size()) throw format_error("unterminated format() type specifier");
      if (f[i] == '%') {
        out.push_back('%');
        continue;
      }
      conversion(f, i, out);
    }
    return out;
  }

 private:
  // Digits at f[i..]; nullopt when none.
  static std::optional<int> number(const std::string& f, size_t& i) {
    if (i >= f.size() || f[i] < '0' || f[i] > '9') return std::nullopt;
    int64_t n = 0;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
      n = n * 10 + (f[i++] - '0');
      if (n > INT32_MAX) throw format_error("number is out of range");
    }
    return static_cast<int>(n);
  }

  const Value& argument(int position) {
    if (position >= static_cast<int>(args_.size())) throw format_error("too few arguments for format()");
    return args_[static_cast<size_t>(position)];
  }

  void conversion(const std::string& f, size_t& i, std::string& out) {
    auto unterminated = [&] { return format_error("unterminated format() type specifier"); };
    std::optional<int> position;
    size_t save = i;
    if (auto n = number(f, i); n && i < f.size() && f[i] == '$') {
      if (*n == 0) throw format_error("format specifies argument 0, but arguments are numbered from 1");
      position = *n;
      ++i;
    } else {
      i = save;
    }
    bool left = false;
    if (i < f.size() && f[i] == '-') {
      left = true;
      ++i;
    }
    std::optional<int> width;
    if (i < f.size() && f[i] == '*') {
      ++i;
      int width_position = next_;
      save = i;
      if (auto n = number(f, i); n && i < f.size() && f[i] == '$') {
        width_position = *n;
        ++i;
      } else {
        i = save;
        ++next_;
      }
      const Value& w = argument(width_position);
      if (!w.is_null()) {
        int64_t value = w.as_int();
        if (value < 0) {
          left = true;
          value = -value;
        }
        width = static_cast<int>(value);
      }
    } else {
      width = number(f, i);
    }
    if (i >= f.size()) throw unterminated();
    char type = f[i];
    if (type != 's' && type != 'I' && type != 'L') {
      throw format_error(fmt::format("unrecognized format() type specifier \"{}\"", std::string(1, type)))
          .with_hint("For a single \"%\" use \"%%\".");
    }
    int index = position ? *position : next_;
    const Value& v = argument(index);
    next_ = index + 1;
    std::string text;
    if (type == 's') {
      if (!v.is_null()) text = text_of(v);
    } else if (type == 'I') {
      if (v.is_null()) {
        throw SqlError(sqlstate::kNullValueNotAllowed, "null values cannot be formatted as an SQL identifier");
      }
      text = quote_identifier(text_of(v));
    } else {
      text = v.is_null() ? "NULL" : quote_literal_text(text_of(v));
    }
    pad(out, text, width, left);
  }

  static void pad(std::string& out, const std::string& text, std::optional<int> width, bool left) {
    size_t length = utf8_length(text);
    size_t target = width ? static_cast<size_t>(*width) : 0;
    size_t fill = target > length ? target - length : 0;
    if (!left) out.append(fill, ' ');
    out.append(text);
    if (left) out.append(fill, ' ');
  }

  Args args_;
  int next_ = 1;
};

Value format_fn(Args a) {
  if (a[0].is_null()) return Value::null(T::Text);
  return Value::text(Formatter(a).run());
}

Value quote_ident_fn(Args a) { return Value::text(quote_identifier(a[0].as_text())); }
Value quote_literal_fn(Args a) { return Value::text(quote_literal_text(text_of(a[0]))); }
Value quote_nullable_fn(Args a) {
  if (a[0].is_null()) return Value::text("NULL");
  return Value::text(quote_literal_text(text_of(a[0])));
}

std::string hex_of(const unsigned char* bytes, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
  return out;
}

Value md5_fn(Args a) {
  const std::string& data = a[0].as_text();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_md5(), nullptr) != 1) {
    throw SqlError(sqlstate::kInternalError, "could not compute MD5 hash");
  }
  return Value::text(hex_of(digest.data(), length));
}

Value to_hex_fn(Args a) {
  auto bits = static_cast<uint64_t>(a[0].as_int());
  if (a[0].type() != T::Int8) bits &= 0xffffffffULL;
  return Value::text(fmt::format("{:x}", bits));
}

Value translate_fn(Args a) {
  const std::string& text = a[0].as_text();
  std::vector<char32_t> from, to;
  for (size_t p = 0; p < a[1].as_text().size();) from.push_back(utf8_next(a[1].as_text(), p));
  for (size_t p = 0; p < a[2].as_text().size();) to.push_back(utf8_next(a[2].as_text(), p));
  std::string out;
  for (size_t p = 0; p < text.size();) {
    char32_t c = utf8_next(text, p);
    auto it = std::find(from.begin(), from.end(), c);
    if (it == from.end()) {
      utf8_append(out, c);
      continue;
    }
    auto index = static_cast<size_t>(it - from.begin());
    if (index < to.size()) utf8_append(out, to[index]);
  }
  return Value::text(std::move(out));
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// PostgreSQL's base64: a newline after every 76 output characters.
std::string base64_encode(std::string_view bytes) {
  std::string out;
  size_t line = 0;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t chunk = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    size_t n = std::min<size_t>(3, bytes.size() - i);
    if (n > 1) chunk |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (n > 2) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    if (line >= 76) {
      out.push_back('\n');
      line = 0;
    }
    out.push_back(kBase64[(chunk >> 18) & 63]);
    out.push_back(kBase64[(chunk >> 12) & 63]);
    out.push_back(n > 1 ? kBase64[(chunk >> 6) & 63] : '=');
    out.push_back(n > 2 ? kBase64[chunk & 63] : '=');
    line += 4;
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  int padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const char* at = std::strchr(kBase64, c);
    if (at == nullptr || c == '\0' || padding > 0) {
      throw SqlError(sqlstate::kInvalidParameterValue,
                     fmt::format("invalid symbol \"{}\" found while decoding base64 sequence", std::string(1, c)));
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(at - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  size_t symbols = 0;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') ++symbols;
  if (symbols % 4 != 0 || padding > 2) {
    throw SqlError(sqlstate::kInvalidParameterValue, "invalid base64 end sequence")
        .with_hint("Input data is missing padding, is truncated, or is otherwise corrupted.");
  }
  return out;
}

std::string escape_encode(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == '\\') {
      out.append("\\\\");
    } else if (byte == 0 || byte >= 0x80) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

SqlError unknown_encoding(const std::string& name) {
  return SqlError(sqlstate::kInvalidParameterValue, fmt::format("unrecognized encoding: \"{}\"", name));
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Value encode_fn(Args a) {
  std::string format = lower_ascii(a[1].as_text());
  const std::string& bytes = a[0].as_text();
  if (format == "hex") {
    return Value::text(hex_of(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
  }
  if (format == "base64") return Value::text(base64_encode(bytes));
  if (format == "escape") return Value::text(escape_encode(bytes));
  throw unknown_encoding(a[1].as_text());
}

Value decode_fn(Args a) {
  std::string format = lower_ascii(a[1].as_text());
  const std::string& text = a[0].as_text();
  if (format == "hex") {
    if (text.size() % 2 != 0 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
      throw SqlError(sqlstate::kInvalidParameterValue, "invalid hexadecimal data: odd number of digits");
    }
    return Value::text(parse_bytea("\\x" + text), T::Bytea);
  }
  if (format == "base64") return Value::text(base64_decode(text), T::Bytea);
  if (format == "escape") return Value::text(parse_bytea(text), T::Bytea);
  throw unknown_encoding(a[1].as_text());
}

size_t checked_byte_index(const Value& bytes, int64_t index, int64_t scale) {
  auto limit = static_cast<int64_t>(bytes.as_text().size()) * scale;
  if (index < 0 || index >= limit) {
    throw SqlError(sqlstate::kArraySubscriptError,
                   fmt::format("index {} out of valid range, 0..{}", index, limit - 1));
  }
  return static_cast<size_t>(index);
}

Value get_byte_fn(Args a) {
  size_t i = checked_byte_index(a[0], a[1].as_int(), 1);
  return Value::int4(static_cast<unsigned char>(a[0].as_text()[i]));
}

Value set_byte_fn(Args a) {
  size_t i = checked_byte_index(a[0], a[1].as_int(), 1);
  std::string bytes = a[0].as_text();
  bytes[i] = static_cast<char>(a[2].as_int() & 0xff);
  return Value::text(std::move(bytes), T::Bytea);
}

Value bit_length_fn(Args a) { return Value::int4(static_cast<int32_t>(a[0].as_text().size() * 8)); }

Value gen_random_uuid_fn(Args) {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw SqlError(sqlstate::kInternalError, "could not generate random values");
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return Value::text(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()), T::Uuid);
}

}  // namespace

std::string quote_identifier(std::string_view name) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) safe = false;
  }
  if (safe && std::find(std::begin(kQuotedKeywords), std::end(kQuotedKeywords), name) != std::end(kQuotedKeywords)) {
    safe = false;
  }
  if (safe) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string quote_literal_text(std::string_view text) {
  std::string out;
  if (text.find('\\') != std::string_view::npos) out.push_back('E');
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

void add_more_string_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"format", {T::Text}, T::Text, format_fn, false});
  f.push_back({"format", {T::Text}, T::Text, format_fn, false, true});
  f.push_back({"quote_ident", {T::Text}, T::Text, quote_ident_fn});
  f.push_back({"quote_literal", {T::Text}, T::Text, quote_literal_fn});
  f.push_back({"quote_literal", {kAny}, T::Text, quote_literal_fn});
  f.push_back({"quote_nullable", {T::Text}, T::Text, quote_nullable_fn, false});
  f.push_back({"quote_nullable", {kAny}, T::Text, quote_nullable_fn, false});
  f.push_back({"md5", {T::Text}, T::Text, md5_fn});
  f.push_back({"md5", {T::Bytea}, T::Text, md5_fn});
  f.push_back({"to_hex", {T::Int4}, T::Text, to_hex_fn});
  f.push_back({"to_hex", {T::Int8}, T::Text, to_hex_fn});
  f.push_back({"translate", {T::Text, T::Text, T::Text}, T::Text, translate_fn});
  f.push_back({"encode", {T::Bytea, T::Text}, T::Text, encode_fn});
  f.push_back({"decode", {T::Text, T::Text}, T::Bytea, decode_fn});
  f.push_back({"get_byte", {T::Bytea, T::Int4}, T::Int4, get_byte_fn});
  f.push_back({"set_byte", {T::Bytea, T::Int4, T::Int4}, T::Bytea, set_byte_fn});
  f.push_back({"bit_length", {T::Text}, T::Int4, bit_length_fn});
  f.push_back({"bit_length", {T::Bytea}, T::Int4, bit_length_fn});
  f.push_back({"gen_random_uuid", {}, T::Uuid, gen_random_uuid_fn});
}

}  // namespace chalkdb
