#include "sql/types/array_type.h"
#include "sql/types/value_io.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/datetime.h"
#include "sql/types/float_io.h"
#include "sql/types/interval.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"
#include "sql/types/utf8.h"
#include "sql/types/array_value.h"
#include "sql/types/json_value.h"
#include "sql/types/uuid_io.h"

namespace chalkdb {

namespace {

constexpr size_t kNameMaxBytes = 63;  // NAMEDATALEN - 1

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

void append_integer(std::string& out, int64_t value) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof(buffer), value).ptr;
  out.append(buffer, end);
}

// pg_strtoint16/32/64: spaces, optional sign, decimal digits, spaces.
int64_t parse_integer(std::string_view text, const char* type_name, int64_t min, int64_t max) {
  std::string_view body = trim(text);
  auto syntax_error = [&] {
    return SqlError(sqlstate::kInvalidTextRepresentation,
                    fmt::format("invalid input syntax for type {}: \"{}\"", type_name, text));
  };
  bool negative = false;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) throw syntax_error();
  uint64_t magnitude = 0;
  bool overflow = false;
  for (char c : body) {
    if (c < '0' || c > '9') throw syntax_error();
    auto digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (std::numeric_limits<uint64_t>::max() - digit) / 10) overflow = true;
    else magnitude = magnitude * 10 + digit;
  }
  uint64_t limit = negative ? static_cast<uint64_t>(-(min + 1)) + 1 : static_cast<uint64_t>(max);
  if (overflow || magnitude > limit) {
    throw SqlError(sqlstate::kNumericValueOutOfRange,
                   fmt::format("value \"{}\" is out of range for type {}", text, type_name));
  }
  return negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

// oidin: like strtoul, so "-1" is 4294967295; values outside the 32-bit range are errors.
uint32_t parse_oid(std::string_view text) {
  int64_t value = parse_integer(text, "oid", INT64_MIN, INT64_MAX);
  if (value < std::numeric_limits<int32_t>::min() || value > std::numeric_limits<uint32_t>::max()) {
    throw SqlError(sqlstate::kNumericValueOutOfRange,
                   fmt::format("value \"{}\" is out of range for type oid", text));
  }
  return static_cast<uint32_t>(value);
}

// regclassin and friends read a numeric OID without the catalog; a name needs the catalog,
// which the binder consults for constants ('t'::regclass, planner/object_reference_binder.h),
// so only a value computed at run time gets here with a name.
Value parse_object_reference(std::string_view text, TypeId type) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos)
    return Value::oid(parse_oid(text));
  throw SqlError(sqlstate::kFeatureNotSupported,
                 fmt::format("converting a computed text to type {} is not supported", type_info(type).typname));
}

// tidin: "(block,offset)" exactly.
int64_t parse_tid(std::string_view text) {
  auto syntax_error = [&] {
    return SqlError(sqlstate::kInvalidTextRepresentation,
                    fmt::format("invalid input syntax for type tid: \"{}\"", text));
  };
  if (text.size() < 5 || text.front() != '(' || text.back() != ')') throw syntax_error();
  std::string_view body = text.substr(1, text.size() - 2);
  size_t comma = body.find(',');
  if (comma == std::string_view::npos) throw syntax_error();
  uint64_t block = 0, offset = 0;
  auto parse_part = [&](std::string_view part, uint64_t& out, uint64_t max) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    if (ec != std::errc() || end != part.data() + part.size() || part.empty() || out > max)
      throw syntax_error();
  };
  parse_part(body.substr(0, comma), block, std::numeric_limits<uint32_t>::max());
  parse_part(body.substr(comma + 1), offset, std::numeric_limits<uint16_t>::max());
  return static_cast<int64_t>((block << 16) | offset);
}

void append_tid(std::string& out, int64_t tid) {
  out.push_back('(');
  append_integer(out, tid >> 16);
  out.push_back(',');
  append_integer(out, tid & 0xffff);
  out.push_back(')');
}

void append_char(std::string& out, const std::string& value) {
  if (value.empty()) return;
  auto byte = static_cast<unsigned char>(value[0]);
  if (byte < 0x80) {
    out.push_back(static_cast<char>(byte));
    return;
  }
  out.push_back('\\');
  out.push_back(static_cast<char>('0' + (byte >> 6)));
  out.push_back(static_cast<char>('0' + ((byte >> 3) & 7)));
  out.push_back(static_cast<char>('0' + (byte & 7)));
}

std::string clip_name(std::string_view text) {
  if (text.size() <= kNameMaxBytes) return std::string(text);
  size_t cut = kNameMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

SqlError unsupported_io(TypeId id) {
  return SqlError(sqlstate::kFeatureNotSupported,
                  fmt::format("text input and output of type {} is not supported",
                              format_type(DataType{id})));
}

}  // namespace

// ---- output ----------------------------------------------------------------------------------

void append_bytea(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.append("\\x");
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 15]);
  }
}

void append_value(std::string& out, const Value& value) {
  if (value.is_null()) return;
  switch (value.type()) {
    case TypeId::Bool: out.push_back(value.as_bool() ? 't' : 'f'); return;
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8:
    case TypeId::Oid: append_integer(out, value.as_int()); return;
    case TypeId::Tid: append_tid(out, value.as_int()); return;
    case TypeId::Float4: append_float4(out, static_cast<float>(value.as_float())); return;
    case TypeId::Float8: append_float8(out, value.as_float()); return;
    case TypeId::Numeric: value.as_numeric().append_to(out); return;
    case TypeId::Char: append_char(out, value.as_text()); return;
    case TypeId::Bytea: append_bytea(out, value.as_text()); return;
    case TypeId::Date: append_date(out, static_cast<int32_t>(value.as_int())); return;
    case TypeId::Time: append_time(out, value.as_int()); return;
    case TypeId::Timestamp: append_timestamp(out, value.as_int(), false); return;
    case TypeId::TimestampTz: append_timestamp(out, value.as_int(), true); return;
    case TypeId::Void: return;
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Bpchar:
    case TypeId::Name:
    case TypeId::Unknown: out.append(value.as_text()); return;
    case TypeId::Interval: append_interval(out, interval_of(value)); return;
    case TypeId::Uuid: append_uuid(out, value.as_text()); return;
    case TypeId::Json:
    case TypeId::Jsonb:
    case TypeId::AnyArray:
    case TypeId::AnyElement:
    default: break;  // json and arrays are kept as their text
  }
  out.append(value.as_text());
}

std::string format_value(const Value& value) {
  std::string out;
  append_value(out, value);
  return out;
}

// ---- input -----------------------------------------------------------------------------------

bool parse_bool(std::string_view text) {
  std::string_view body = trim(text);
  std::string word;
  for (char c : body) word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  auto is_prefix_of = [&](std::string_view full, size_t min_length) {
    return word.size() >= min_length && word.size() <= full.size() && full.starts_with(word);
  };
  // boolin: unique prefixes of true/false/yes/no, "on"/"off" (at least two letters), 1/0.
  if (is_prefix_of("true", 1) || is_prefix_of("yes", 1) || word == "on" || word == "1") return true;
  if (is_prefix_of("false", 1) || is_prefix_of("no", 1) || is_prefix_of("off", 2) || word == "0")
    return false;
  throw SqlError(sqlstate::kInvalidTextRepresentation,
                 fmt::format("invalid input syntax for type boolean: \"{}\"", text));
}

// byteain: "\x" hex (spaces allowed between bytes) or the escape format (\\ and \ooo).
std::string parse_bytea(std::string_view text) {
  std::string bytes;
  if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') {
    size_t i = 2;
    while (i < text.size()) {
      if (is_space(text[i])) {
        ++i;
        continue;
      }
      int high = hex_value(text[i]);
      if (high < 0) {
        throw SqlError(sqlstate::kInvalidParameterValue,
                       fmt::format("invalid hexadecimal digit: \"{}\"", text.substr(i, 1)));
      }
      if (i + 1 >= text.size()) {
        throw SqlError(sqlstate::kInvalidParameterValue,
                       "invalid hexadecimal data: odd number of digits");
      }
      int low = hex_value(text[i + 1]);
      if (low < 0) {
        throw SqlError(sqlstate::kInvalidParameterValue,
                       fmt::format("invalid hexadecimal digit: \"{}\"", text.substr(i + 1, 1)));
      }
      bytes.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
    return bytes;
  }
  auto is_octal = [](char c, char max) { return c >= '0' && c <= max; };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      bytes.push_back(text[i]);
    } else if (i + 1 < text.size() && text[i + 1] == '\\') {
      bytes.push_back('\\');
      ++i;
    } else if (i + 3 < text.size() && is_octal(text[i + 1], '3') && is_octal(text[i + 2], '7') &&
               is_octal(text[i + 3], '7')) {
      bytes.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 +
                                        (text[i + 3] - '0')));
      i += 3;
    } else {
      throw SqlError(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type bytea");
    }
  }
  return bytes;
}

std::string parse_char(std::string_view text) {
  auto is_octal = [](char c) { return c >= '0' && c <= '7'; };
  if (text.size() == 4 && text[0] == '\\' && is_octal(text[1]) && is_octal(text[2]) && is_octal(text[3])) {
    int byte = (text[1] - '0') * 64 + (text[2] - '0') * 8 + (text[3] - '0');
    return byte == 0 ? std::string() : std::string(1, static_cast<char>(byte));
  }
  return text.empty() ? std::string() : std::string(1, text[0]);
}

Value parse_value(std::string_view text, DataType type) {
  if (is_array_type(type.id)) return parse_array(text, type);
  if (is_object_reference_type(type.id)) return parse_object_reference(text, type.id);
  switch (type.id) {
    case TypeId::Bool: return Value::boolean(parse_bool(text));
    case TypeId::Int2:
      return Value::int2(static_cast<int16_t>(parse_integer(text, "smallint", INT16_MIN, INT16_MAX)));
    case TypeId::Int4:
      return Value::int4(static_cast<int32_t>(parse_integer(text, "integer", INT32_MIN, INT32_MAX)));
    case TypeId::Int8: return Value::int8(parse_integer(text, "bigint", INT64_MIN, INT64_MAX));
    case TypeId::Oid: return Value::oid(parse_oid(text));
    case TypeId::Tid: return Value::timestamp(parse_tid(text), TypeId::Tid);
    case TypeId::Float4: return Value::float4(parse_float4(text));
    case TypeId::Float8: return Value::float8(parse_float8(text));
    case TypeId::Numeric: return Value::numeric(Numeric::parse(text).apply_typmod(type.typmod));
    case TypeId::Text:
    case TypeId::Unknown: return Value::text(std::string(text), type.id);
    case TypeId::Varchar:
    case TypeId::Bpchar:
      return Value::text(apply_character_typmod(std::string(text), type, false), type.id);
    case TypeId::Name: return Value::text(clip_name(text), TypeId::Name);
    case TypeId::Char: return Value::text(parse_char(text), TypeId::Char);
    case TypeId::Bytea: return Value::text(parse_bytea(text), TypeId::Bytea);
    case TypeId::Date: return Value::date(parse_date(text));
    case TypeId::Time: return Value::timestamp(round_to_precision(parse_time(text), type.typmod), TypeId::Time);
    case TypeId::Timestamp:
    case TypeId::TimestampTz: {
      int64_t micros = parse_timestamp(text, type.id == TypeId::TimestampTz);
      return Value::timestamp(round_to_precision(micros, type.typmod), type.id);
    }
    case TypeId::Interval: return interval_value(parse_interval(text));
    case TypeId::Uuid: return Value::text(parse_uuid(text), TypeId::Uuid);
    case TypeId::Json: return parse_json(text);
    case TypeId::Jsonb: return parse_jsonb(text);
    default: break;  // arrays are handled before the switch
    case TypeId::AnyArray:
    case TypeId::AnyElement:
    case TypeId::Void: break;
  }
  throw unsupported_io(type.id);
}

}  // namespace chalkdb
