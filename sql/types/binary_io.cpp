#include "sql/types/binary_io.h"

#include <fmt/format.h>

#include <bit>
#include <cstring>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

// numeric's wire sign words (NUMERIC_POS, NUMERIC_NEG, NUMERIC_NAN, NUMERIC_PINF, NUMERIC_NINF).
constexpr uint16_t kNumericPositive = 0x0000;
constexpr uint16_t kNumericNegative = 0x4000;
constexpr uint16_t kNumericNaN = 0xC000;
constexpr uint16_t kNumericPlusInfinity = 0xD000;
constexpr uint16_t kNumericMinusInfinity = 0xF000;

template <typename T>
void put_big_endian(std::string& out, T value) {
  using U = std::make_unsigned_t<T>;
  auto bits = static_cast<U>(value);
  for (int shift = (sizeof(T) - 1) * 8; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((bits >> shift) & 0xff));
}

// Reads big-endian fields from a parameter's bytes; running short is 22P03 like PostgreSQL's
// pq_getmsg* on a bind parameter buffer ("insufficient data left in message" is reported as
// the bind parameter's format error by exec_bind_message).
class BinaryReader {
 public:
  BinaryReader(std::string_view bytes, int parameter) : bytes_(bytes), parameter_(parameter) {}

  template <typename T>
  T get() {
    if (bytes_.size() - cursor_ < sizeof(T)) {
      throw SqlError(sqlstate::kProtocolViolation, "insufficient data left in message");
    }
    std::make_unsigned_t<T> bits = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
      bits = static_cast<std::make_unsigned_t<T>>((bits << 8) | static_cast<uint8_t>(bytes_[cursor_ + i]));
    cursor_ += sizeof(T);
    return static_cast<T>(bits);
  }
  std::string_view rest() {
    std::string_view rest = bytes_.substr(cursor_);
    cursor_ = bytes_.size();
    return rest;
  }
  void expect_end() const {
    if (cursor_ != bytes_.size()) {
      throw SqlError(sqlstate::kInvalidBinaryRepresentation,
                     fmt::format("incorrect binary data format in bind parameter {}", parameter_));
    }
  }

 private:
  std::string_view bytes_;
  size_t cursor_ = 0;
  int parameter_;
};

void append_numeric(std::string& out, const Numeric& number) {
  if (!number.is_finite()) {
    uint16_t sign = number.is_nan() ? kNumericNaN
                    : number.is_negative() ? kNumericMinusInfinity : kNumericPlusInfinity;
    put_big_endian<int16_t>(out, 0);
    put_big_endian<int16_t>(out, 0);
    put_big_endian<uint16_t>(out, sign);
    put_big_endian<int16_t>(out, 0);
    return;
  }
  std::string text = number.to_string();
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  size_t point = text.find('.');
  std::string integer = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  int dscale = static_cast<int>(fraction.size());
  integer.insert(0, (4 - integer.size() % 4) % 4, '0');
  fraction.append((4 - fraction.size() % 4) % 4, '0');
  std::vector<int16_t> digits;
  for (size_t i = 0; i < integer.size(); i += 4) digits.push_back(static_cast<int16_t>(std::stoi(integer.substr(i, 4))));
  int weight = static_cast<int>(digits.size()) - 1;
  for (size_t i = 0; i < fraction.size(); i += 4) digits.push_back(static_cast<int16_t>(std::stoi(fraction.substr(i, 4))));
  size_t first = 0;
  while (first < digits.size() && digits[first] == 0) ++first, --weight;
  while (digits.size() > first && digits.back() == 0) digits.pop_back();
  if (first == digits.size()) weight = 0;
  put_big_endian<int16_t>(out, static_cast<int16_t>(digits.size() - first));
  put_big_endian<int16_t>(out, static_cast<int16_t>(weight));
  put_big_endian<uint16_t>(out, negative ? kNumericNegative : kNumericPositive);
  put_big_endian<int16_t>(out, static_cast<int16_t>(dscale));
  for (size_t i = first; i < digits.size(); ++i) put_big_endian<int16_t>(out, digits[i]);
}

// numeric_recv: rebuilds the decimal text from base-10000 digits and reads it at `dscale`.
Value parse_numeric(BinaryReader& reader, DataType type) {
  int16_t ndigits = reader.get<int16_t>();
  int16_t weight = reader.get<int16_t>();
  uint16_t sign = reader.get<uint16_t>();
  int16_t dscale = reader.get<int16_t>();
  if (ndigits < 0) throw SqlError(sqlstate::kInvalidBinaryRepresentation, "invalid length in external \"numeric\" value");
  if (sign == kNumericNaN) return parse_value("NaN", type);
  if (sign == kNumericPlusInfinity) return parse_value("Infinity", type);
  if (sign == kNumericMinusInfinity) return parse_value("-Infinity", type);
  if (sign != kNumericPositive && sign != kNumericNegative)
    throw SqlError(sqlstate::kInvalidBinaryRepresentation, "invalid sign in external \"numeric\" value");
  if (dscale < 0) throw SqlError(sqlstate::kInvalidBinaryRepresentation, "invalid scale in external \"numeric\" value");
  std::string integer, fraction;
  for (int i = 0; i < ndigits; ++i) {
    int16_t digit = reader.get<int16_t>();
    if (digit < 0 || digit >= 10000)
      throw SqlError(sqlstate::kInvalidBinaryRepresentation, "invalid digit in external \"numeric\" value");
    int position = weight - i;  // power of 10000 this digit stands for
    std::string group = fmt::format("{:04}", digit);
    if (position >= 0) {
      integer += group;
    } else {
      if (fraction.empty() && i == 0) fraction.append(static_cast<size_t>(-position - 1) * 4, '0');
      fraction += group;
    }
  }
  if (ndigits > 0 && weight >= ndigits) integer.append(static_cast<size_t>(weight - ndigits + 1) * 4, '0');
  if (integer.empty()) integer.push_back('0');
  fraction.resize(static_cast<size_t>(dscale), '0');
  std::string text = (sign == kNumericNegative ? "-" : "") + integer;
  if (dscale > 0) text += "." + fraction;
  return parse_value(text, type);
}

}  // namespace

void append_binary_value(std::string& out, const Value& value) {
  switch (value.type()) {
    case TypeId::Bool: out.push_back(value.as_bool() ? 1 : 0); return;
    case TypeId::Char: out.append(value.as_text()); return;
    case TypeId::Int2: put_big_endian<int16_t>(out, static_cast<int16_t>(value.as_int())); return;
    case TypeId::Int4: put_big_endian<int32_t>(out, static_cast<int32_t>(value.as_int())); return;
    case TypeId::Oid: put_big_endian<uint32_t>(out, static_cast<uint32_t>(value.as_int())); return;
    case TypeId::Int8:
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: put_big_endian<int64_t>(out, value.as_int()); return;
    case TypeId::Date: put_big_endian<int32_t>(out, static_cast<int32_t>(value.as_int())); return;
    case TypeId::Float4:
      put_big_endian<uint32_t>(out, std::bit_cast<uint32_t>(static_cast<float>(value.as_float())));
      return;
    case TypeId::Float8: put_big_endian<uint64_t>(out, std::bit_cast<uint64_t>(value.as_float())); return;
    case TypeId::Numeric: append_numeric(out, value.as_numeric()); return;
    case TypeId::Interval: {
      Interval interval = interval_of(value);
      put_big_endian<int64_t>(out, interval.micros);
      put_big_endian<int32_t>(out, interval.days);
      put_big_endian<int32_t>(out, interval.months);
      return;
    }
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Bpchar:
    case TypeId::Name:
    case TypeId::Unknown:
    case TypeId::Bytea: out.append(value.as_text()); return;
    case TypeId::Void: return;
    default:
      throw SqlError(sqlstate::kFeatureNotSupported,
                     fmt::format("binary output of type {} is not supported",
                                 format_type(DataType{value.type()})));
  }
}

Value parse_binary_value(std::string_view bytes, DataType type, int parameter_number) {
  BinaryReader reader(bytes, parameter_number);
  Value value;
  switch (type.id) {
    case TypeId::Bool: value = Value::boolean(reader.get<uint8_t>() != 0); break;
    case TypeId::Int2: value = Value::int2(reader.get<int16_t>()); break;
    case TypeId::Int4: value = Value::int4(reader.get<int32_t>()); break;
    case TypeId::Int8: value = Value::int8(reader.get<int64_t>()); break;
    case TypeId::Oid: value = Value::oid(reader.get<uint32_t>()); break;
    case TypeId::Float4: value = Value::float4(std::bit_cast<float>(reader.get<uint32_t>())); break;
    case TypeId::Float8: value = Value::float8(std::bit_cast<double>(reader.get<uint64_t>())); break;
    case TypeId::Date: value = Value::date(reader.get<int32_t>()); break;
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: value = Value::timestamp(reader.get<int64_t>(), type.id); break;
    case TypeId::Interval: {
      Interval interval;
      interval.micros = reader.get<int64_t>();
      interval.days = reader.get<int32_t>();
      interval.months = reader.get<int32_t>();
      value = interval_value(interval);
      break;
    }
    case TypeId::Numeric: value = parse_numeric(reader, type); break;
    case TypeId::Bytea: value = Value::text(std::string(reader.rest()), TypeId::Bytea); break;
    case TypeId::Char: value = Value::text(std::string(reader.rest().substr(0, 1)), TypeId::Char); break;
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Bpchar:
    case TypeId::Name:
    case TypeId::Unknown: value = parse_value(reader.rest(), type); break;
    default:
      throw SqlError(sqlstate::kFeatureNotSupported,
                     fmt::format("binary input of type {} is not supported", format_type(type)));
  }
  reader.expect_end();
  return value;
}

}  // namespace chalkdb
