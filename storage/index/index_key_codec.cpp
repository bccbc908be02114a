#include "storage/index/index_key_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "sql/error/sql_error.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr char kNullFirstMarker = 0x00;
constexpr char kValueMarker = 0x01;
constexpr char kNullLastMarker = 0x02;

// Text escaping: 0x00 inside a value becomes 0x00 0xFF; the value ends with 0x00 0x01.
constexpr char kEscape = 0x00;
constexpr char kEscapedZero = static_cast<char>(0xFF);
constexpr char kTextEnd = 0x01;

// Numeric class bytes, in PostgreSQL's order: -Infinity < negative < 0 < positive < Infinity <
// NaN. Base-100 digit pairs are stored as 1..100 so that 0x00 can end the digit string.
enum NumericClass : char {
  kNegativeInfinity = 0x01,
  kNegative = 0x02,
  kZero = 0x03,
  kPositive = 0x04,
  kPositiveInfinity = 0x05,
  kNaN = 0x06,
};
constexpr unsigned char kDigitsEnd = 0x00;

enum class Category { Integer, Float, Numeric, Text, Interval, None };

Category category_of(TypeId type) {
  switch (type) {
    case TypeId::Bool:
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8:
    case TypeId::Oid:
    case TypeId::Tid:
    case TypeId::Date:
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: return Category::Integer;
    case TypeId::Float4:
    case TypeId::Float8: return Category::Float;
    case TypeId::Numeric: return Category::Numeric;
    case TypeId::Bytea:
    case TypeId::Char:
    case TypeId::Name:
    case TypeId::Text:
    case TypeId::Bpchar:
    case TypeId::Varchar: return Category::Text;
    case TypeId::Interval: return Category::Interval;
    default: break;  // json, arrays, uuid, pseudo-types: no B-tree operator class yet
  }
  return Category::None;
}

bool is_integer_width(TypeId type) {
  return type == TypeId::Int2 || type == TypeId::Int4 || type == TypeId::Int8 ||
         type == TypeId::Oid;
}

bool is_character(TypeId type) {
  return type == TypeId::Char || type == TypeId::Name || type == TypeId::Text ||
         type == TypeId::Bpchar || type == TypeId::Varchar || type == TypeId::Unknown;
}

// Whether a value of type `value` may be encoded for a column of type `column`: it must order
// the same way (memcmp of the encodings must agree with comparing the two types in SQL).
bool compatible(TypeId column, TypeId value) {
  if (column == value) return true;
  if (is_integer_width(column)) return is_integer_width(value);
  if (column == TypeId::Float4 || column == TypeId::Float8)
    return value == TypeId::Float4 || value == TypeId::Float8;
  if (column == TypeId::Bytea) return false;
  return is_character(column) && is_character(value);
}

SqlError corrupt_key() {
  return SqlError(sqlstate::kDataCorrupted, "invalid index key encoding");
}

void append_u64(IndexKey& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

uint64_t read_u64(std::string_view in, size_t& pos) {
  if (pos + 8 > in.size()) throw corrupt_key();
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[pos + i]);
  pos += 8;
  return v;
}

uint64_t flip_sign(int64_t v) { return static_cast<uint64_t>(v) ^ (uint64_t{1} << 63); }
int64_t unflip_sign(uint64_t v) { return static_cast<int64_t>(v ^ (uint64_t{1} << 63)); }

// IEEE bits made memcmp-ordered: positive values get the sign bit set, negative ones are
// complemented. NaN is canonicalised to the largest pattern, -0 to +0 (float8_cmp_internal).
uint64_t float_key(double d) {
  if (std::isnan(d)) return ~uint64_t{0};
  if (d == 0.0) d = 0.0;
  auto bits = std::bit_cast<uint64_t>(d);
  return (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
}

double float_from_key(uint64_t key) {
  if (key == ~uint64_t{0}) return std::nan("");
  uint64_t bits = (key & (uint64_t{1} << 63)) ? key & ~(uint64_t{1} << 63) : ~key;
  return std::bit_cast<double>(bits);
}

void append_text(IndexKey& out, std::string_view text) {
  for (char c : text) {
    out.push_back(c);
    if (c == kEscape) out.push_back(kEscapedZero);
  }
  out.push_back(kEscape);
  out.push_back(kTextEnd);
}

std::string read_text(std::string_view in, size_t& pos) {
  std::string text;
  while (true) {
    if (pos >= in.size()) throw corrupt_key();
    char c = in[pos++];
    if (c != kEscape) {
      text.push_back(c);
      continue;
    }
    if (pos >= in.size()) throw corrupt_key();
    char next = in[pos++];
    if (next == kTextEnd) return text;
    if (next != kEscapedZero) throw corrupt_key();
    text.push_back('\0');
  }
}

std::string_view without_trailing_spaces(std::string_view text) {
  size_t end = text.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
}

// Numeric: value = 0.d1d2d3... * 10^exponent with d1 != 0 and no trailing zero digits.
void append_numeric(IndexKey& out, const Numeric& n) {
  if (n.is_nan()) return out.push_back(kNaN);
  if (n.is_infinite()) return out.push_back(n.is_negative() ? kNegativeInfinity : kPositiveInfinity);
  if (n.is_zero()) return out.push_back(kZero);
  bool negative = n.sign() < 0;
  std::string digits = Numeric::BigInt(boost::multiprecision::abs(n.coefficient())).str();
  auto exponent = static_cast<int64_t>(digits.size()) - n.scale();
  size_t last = digits.find_last_not_of('0');
  digits.resize(last + 1);
  out.push_back(negative ? kNegative : kPositive);
  auto exp_bits = static_cast<uint32_t>(static_cast<int32_t>(exponent)) ^ 0x80000000u;
  if (negative) exp_bits = ~exp_bits;
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(exp_bits >> shift));
  for (size_t i = 0; i < digits.size(); i += 2) {
    int high = digits[i] - '0';
    int low = i + 1 < digits.size() ? digits[i + 1] - '0' : 0;
    auto pair = static_cast<unsigned char>(1 + high * 10 + low);
    out.push_back(static_cast<char>(negative ? ~pair : pair));
  }
  out.push_back(static_cast<char>(negative ? static_cast<unsigned char>(~kDigitsEnd) : kDigitsEnd));
}

Numeric read_numeric(std::string_view in, size_t& pos) {
  if (pos >= in.size()) throw corrupt_key();
  char cls = in[pos++];
  switch (cls) {
    case kNaN: return Numeric::nan();
    case kPositiveInfinity: return Numeric::infinity(false);
    case kNegativeInfinity: return Numeric::infinity(true);
    case kZero: return Numeric();
    case kPositive:
    case kNegative: break;
    default: throw corrupt_key();
  }
  bool negative = cls == kNegative;
  if (pos + 4 > in.size()) throw corrupt_key();
  uint32_t exp_bits = 0;
  for (int i = 0; i < 4; ++i) exp_bits = (exp_bits << 8) | static_cast<unsigned char>(in[pos + i]);
  pos += 4;
  if (negative) exp_bits = ~exp_bits;
  auto exponent = static_cast<int32_t>(exp_bits ^ 0x80000000u);
  std::string digits;
  while (true) {
    if (pos >= in.size()) throw corrupt_key();
    auto byte = static_cast<unsigned char>(in[pos++]);
    if (negative) byte = static_cast<unsigned char>(~byte);
    if (byte == kDigitsEnd) break;
    if (byte > 100) throw corrupt_key();
    digits.push_back(static_cast<char>('0' + (byte - 1) / 10));
    digits.push_back(static_cast<char>('0' + (byte - 1) % 10));
  }
  size_t last = digits.find_last_not_of('0');
  if (last == std::string::npos) throw corrupt_key();
  digits.resize(last + 1);
  // value = digits * 10^(exponent - len)
  int64_t scale = static_cast<int64_t>(digits.size()) - exponent;
  Numeric::BigInt coefficient(digits);
  if (scale < 0) {
    coefficient *= boost::multiprecision::pow(Numeric::BigInt(10), static_cast<unsigned>(-scale));
    scale = 0;
  }
  if (negative) coefficient = -coefficient;
  return Numeric::from_parts(std::move(coefficient), static_cast<int>(scale));
}

__int128 interval_span(const Interval& i) {
  constexpr __int128 kMicrosPerDay = 86'400'000'000LL;
  return (static_cast<__int128>(i.months) * 30 + i.days) * kMicrosPerDay + i.micros;
}

void append_interval_span(IndexKey& out, const Interval& interval) {
  auto bits = static_cast<unsigned __int128>(interval_span(interval));
  bits ^= static_cast<unsigned __int128>(1) << 127;
  for (int shift = 120; shift >= 0; shift -= 8) out.push_back(static_cast<char>(bits >> shift));
}

Interval read_interval_span(std::string_view in, size_t& pos) {
  unsigned __int128 bits = (static_cast<unsigned __int128>(read_u64(in, pos)) << 64);
  bits |= read_u64(in, pos);
  auto span = static_cast<__int128>(bits ^ (static_cast<unsigned __int128>(1) << 127));
  // Any split with the same span is an equal interval; months take what they can hold, then
  // days, then microseconds (clamping keeps extreme spans representable).
  constexpr __int128 kMicrosPerDay = 86'400'000'000LL;
  auto clamp32 = [](__int128 v) {
    return static_cast<int32_t>(std::clamp<__int128>(v, INT32_MIN, INT32_MAX));
  };
  __int128 days = span / kMicrosPerDay;
  Interval interval;
  interval.months = clamp32(days / 30);
  interval.days = clamp32(days - static_cast<__int128>(interval.months) * 30);
  interval.micros = static_cast<int64_t>(
      span - (static_cast<__int128>(interval.months) * 30 + interval.days) * kMicrosPerDay);
  return interval;
}

void append_value(IndexKey& out, const Value& value, TypeId column) {
  switch (category_of(column)) {
    case Category::Integer: return append_u64(out, flip_sign(value.as_int()));
    case Category::Float: return append_u64(out, float_key(value.as_float()));
    case Category::Numeric: return append_numeric(out, value.as_numeric());
    case Category::Interval: return append_interval_span(out, interval_of(value));
    case Category::Text:
      if (column == TypeId::Bpchar || value.type() == TypeId::Bpchar)
        return append_text(out, without_trailing_spaces(value.as_text()));
      return append_text(out, value.as_text());
    case Category::None: break;
  }
  throw SqlError(sqlstate::kInternalError, "unindexable key type");
}

Value integer_value(TypeId type, int64_t v) {
  switch (type) {
    case TypeId::Bool: return Value::boolean(v != 0);
    case TypeId::Int2: return Value::int2(static_cast<int16_t>(v));
    case TypeId::Int4: return Value::int4(static_cast<int32_t>(v));
    case TypeId::Oid: return Value::oid(static_cast<uint32_t>(v));
    case TypeId::Tid:
      return Value::tid(static_cast<uint32_t>(static_cast<uint64_t>(v) >> 16),
                        static_cast<uint16_t>(v & 0xFFFF));
    case TypeId::Date: return Value::date(static_cast<int32_t>(v));
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: return Value::timestamp(v, type);
    default: return Value::int8(v);
  }
}

Value read_value(std::string_view in, size_t& pos, TypeId type) {
  switch (category_of(type)) {
    case Category::Integer: return integer_value(type, unflip_sign(read_u64(in, pos)));
    case Category::Float: {
      double d = float_from_key(read_u64(in, pos));
      return type == TypeId::Float4 ? Value::float4(static_cast<float>(d)) : Value::float8(d);
    }
    case Category::Numeric: return Value::numeric(read_numeric(in, pos));
    case Category::Interval: return interval_value(read_interval_span(in, pos));
    case Category::Text: return Value::text(read_text(in, pos), type);
    case Category::None: break;
  }
  throw corrupt_key();
}

void complement(IndexKey& out, size_t from) {
  for (size_t i = from; i < out.size(); ++i) out[i] = static_cast<char>(~out[i]);
}

}  // namespace

IndexKeyCodec::IndexKeyCodec(std::vector<IndexKeyColumn> columns) : columns_(std::move(columns)) {
  for (const IndexKeyColumn& column : columns_) {
    if (!is_indexable(column.type)) {
      throw SqlError(sqlstate::kUndefinedObject,
                     "data type " + format_type(column.type) +
                         " has no default operator class for access method \"btree\"")
          .with_hint("You must specify an operator class for the index or define a default "
                     "operator class for the data type.");
    }
  }
}

bool IndexKeyCodec::is_indexable(DataType type) { return category_of(type.id) != Category::None; }

bool IndexKeyCodec::decodes_exactly(DataType type) {
  switch (type.id) {
    case TypeId::Numeric:
    case TypeId::Bpchar:
    case TypeId::Interval:
    case TypeId::Float4:
    case TypeId::Float8: return false;  // display scale, padding, field split, -0 / NaN payload
    default: return is_indexable(type);
  }
}

bool IndexKeyCodec::has_null(std::span<const Value> values) {
  for (const Value& v : values) {
    if (v.is_null()) return true;
  }
  return false;
}

void IndexKeyCodec::encode(std::span<const Value> values, IndexKey& out) const {
  if (values.size() > columns_.size())
    throw SqlError(sqlstate::kInternalError, "too many values for index key");
  for (size_t i = 0; i < values.size(); ++i) {
    const IndexKeyColumn& column = columns_[i];
    const Value& value = values[i];
    if (value.is_null()) {
      out.push_back(column.nulls_first ? kNullFirstMarker : kNullLastMarker);
      continue;
    }
    if (!compatible(column.type.id, value.type())) {
      throw SqlError(sqlstate::kDatatypeMismatch,
                     "index key of type " + format_type(column.type) +
                         " cannot be compared with a value of type " +
                         format_type(DataType{value.type(), -1}));
    }
    out.push_back(kValueMarker);
    size_t start = out.size();
    append_value(out, value, column.type.id);
    if (column.descending) complement(out, start);
  }
}

IndexKey IndexKeyCodec::encode(std::span<const Value> values) const {
  IndexKey key;
  encode(values, key);
  return key;
}

std::vector<Value> IndexKeyCodec::decode(std::string_view key) const {
  std::vector<Value> values;
  values.reserve(columns_.size());
  IndexKey plain;
  size_t pos = 0;
  for (const IndexKeyColumn& column : columns_) {
    if (pos >= key.size()) throw corrupt_key();
    char marker = key[pos++];
    if (marker == kNullFirstMarker || marker == kNullLastMarker) {
      values.push_back(Value::null(column.type.id));
      continue;
    }
    if (marker != kValueMarker) throw corrupt_key();
    if (!column.descending) {
      values.push_back(read_value(key, pos, column.type.id));
      continue;
    }
    // DESC: undo the complement on the rest of the key; the value's own parser finds its end.
    plain.assign(key.substr(pos));
    complement(plain, 0);
    size_t consumed = 0;
    values.push_back(read_value(plain, consumed, column.type.id));
    pos += consumed;
  }
  if (pos != key.size()) throw corrupt_key();
  return values;
}

size_t IndexKeyCodec::prefix_length(std::string_view key, size_t columns) const {
  if (columns >= columns_.size()) return key.size();
  return parsed_length(key, columns);
}

size_t IndexKeyCodec::key_length(std::string_view bytes) const {
  return parsed_length(bytes, columns_.size());
}

size_t IndexKeyCodec::parsed_length(std::string_view key, size_t columns) const {
  // Decoding is the simplest exact way to find the column boundaries of variable-length types.
  IndexKey plain;
  size_t pos = 0;
  for (size_t i = 0; i < columns; ++i) {
    const IndexKeyColumn& column = columns_[i];
    if (pos >= key.size()) throw corrupt_key();
    char marker = key[pos++];
    if (marker != kValueMarker) continue;
    if (!column.descending) {
      read_value(key, pos, column.type.id);
      continue;
    }
    plain.assign(key.substr(pos));
    complement(plain, 0);
    size_t consumed = 0;
    read_value(plain, consumed, column.type.id);
    pos += consumed;
  }
  return pos;
}

}  // namespace chalkdb
