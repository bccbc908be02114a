#include "sql/types/cast.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <optional>

#include "sql/error/sql_error.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/arithmetic.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/json_functions.h"
#include "sql/types/json_value.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"
#include "sql/types/utf8.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

using C = CastContext;
using T = TypeId;

struct CastEntry {
  TypeId from, to;
  CastContext context;
};

// PostgreSQL 15's pg_cast rows among the supported types.
constexpr CastEntry kCasts[] = {
    {T::Bool, T::Int4, C::Explicit},       {T::Bool, T::Text, C::Assignment},
    {T::Bool, T::Bpchar, C::Assignment},   {T::Bool, T::Varchar, C::Assignment},
    {T::Char, T::Int4, C::Explicit},       {T::Char, T::Text, C::Implicit},
    {T::Char, T::Bpchar, C::Assignment},   {T::Char, T::Varchar, C::Assignment},
    {T::Name, T::Text, C::Implicit},       {T::Name, T::Bpchar, C::Assignment},
    {T::Name, T::Varchar, C::Assignment},  {T::Int8, T::Int2, C::Assignment},
    {T::Int8, T::Int4, C::Assignment},     {T::Int8, T::Oid, C::Implicit},
    {T::Int8, T::Float4, C::Implicit},     {T::Int8, T::Float8, C::Implicit},
    {T::Int8, T::Numeric, C::Implicit},    {T::Int2, T::Int8, C::Implicit},
    {T::Int2, T::Int4, C::Implicit},       {T::Int2, T::Oid, C::Implicit},
    {T::Int2, T::Float4, C::Implicit},     {T::Int2, T::Float8, C::Implicit},
    {T::Int2, T::Numeric, C::Implicit},    {T::Int4, T::Bool, C::Explicit},
    {T::Int4, T::Char, C::Explicit},       {T::Int4, T::Int8, C::Implicit},
    {T::Int4, T::Int2, C::Assignment},     {T::Int4, T::Oid, C::Implicit},
    {T::Int4, T::Float4, C::Implicit},     {T::Int4, T::Float8, C::Implicit},
    {T::Int4, T::Numeric, C::Implicit},    {T::Text, T::Char, C::Assignment},
    {T::Text, T::Name, C::Implicit},       {T::Text, T::Bpchar, C::Implicit},
    {T::Text, T::Varchar, C::Implicit},    {T::Oid, T::Int8, C::Assignment},
    {T::Oid, T::Int4, C::Assignment},      {T::Float4, T::Int8, C::Assignment},
    {T::Float4, T::Int2, C::Assignment},   {T::Float4, T::Int4, C::Assignment},
    {T::Float4, T::Float8, C::Implicit},   {T::Float4, T::Numeric, C::Assignment},
    {T::Float8, T::Int8, C::Assignment},   {T::Float8, T::Int2, C::Assignment},
    {T::Float8, T::Int4, C::Assignment},   {T::Float8, T::Float4, C::Assignment},
    {T::Float8, T::Numeric, C::Assignment}, {T::Bpchar, T::Char, C::Assignment},
    {T::Bpchar, T::Name, C::Implicit},     {T::Bpchar, T::Text, C::Implicit},
    {T::Bpchar, T::Varchar, C::Implicit},  {T::Varchar, T::Char, C::Assignment},
    {T::Varchar, T::Name, C::Implicit},    {T::Varchar, T::Text, C::Implicit},
    {T::Varchar, T::Bpchar, C::Implicit},  {T::Date, T::Timestamp, C::Implicit},
    {T::Date, T::TimestampTz, C::Implicit}, {T::Time, T::Interval, C::Implicit},
    {T::Timestamp, T::Date, C::Assignment}, {T::Timestamp, T::Time, C::Assignment},
    {T::Timestamp, T::TimestampTz, C::Implicit}, {T::TimestampTz, T::Date, C::Assignment},
    {T::TimestampTz, T::Time, C::Assignment}, {T::TimestampTz, T::Timestamp, C::Assignment},
    {T::Interval, T::Time, C::Assignment},  {T::Numeric, T::Int8, C::Assignment},
    {T::Numeric, T::Int2, C::Assignment},  {T::Numeric, T::Int4, C::Assignment},
    {T::Numeric, T::Float4, C::Implicit},  {T::Numeric, T::Float8, C::Implicit},
    {T::Json, T::Jsonb, C::Assignment},    {T::Jsonb, T::Json, C::Assignment},
    {T::Jsonb, T::Bool, C::Explicit},      {T::Jsonb, T::Numeric, C::Explicit},
    {T::Jsonb, T::Int2, C::Explicit},      {T::Jsonb, T::Int4, C::Explicit},
    {T::Jsonb, T::Int8, C::Explicit},      {T::Jsonb, T::Float4, C::Explicit},
    {T::Jsonb, T::Float8, C::Explicit},
    // regclass, regtype, regnamespace: binary-coercible with oid, like PostgreSQL's.
    {T::Oid, kRegclassType, C::Implicit},    {kRegclassType, T::Oid, C::Implicit},
    {T::Int8, kRegclassType, C::Implicit},   {T::Int4, kRegclassType, C::Implicit},
    {T::Int2, kRegclassType, C::Implicit},   {kRegclassType, T::Int8, C::Assignment},
    {kRegclassType, T::Int4, C::Assignment}, {T::Oid, kRegtypeType, C::Implicit},
    {kRegtypeType, T::Oid, C::Implicit},     {T::Int8, kRegtypeType, C::Implicit},
    {T::Int4, kRegtypeType, C::Implicit},    {T::Int2, kRegtypeType, C::Implicit},
    {kRegtypeType, T::Int8, C::Assignment},  {kRegtypeType, T::Int4, C::Assignment},
    {T::Oid, kRegnamespaceType, C::Implicit}, {kRegnamespaceType, T::Oid, C::Implicit},
    {T::Int8, kRegnamespaceType, C::Implicit}, {T::Int4, kRegnamespaceType, C::Implicit},
    {T::Int2, kRegnamespaceType, C::Implicit}, {kRegnamespaceType, T::Int8, C::Assignment},
    {kRegnamespaceType, T::Int4, C::Assignment},
};

bool is_string_category(TypeId id) { return type_info(id).category == type_category::kString; }

std::optional<CastContext> weakest_context(TypeId from, TypeId to) {
  if (from == to || from == T::Unknown) return C::Implicit;
  for (const CastEntry& entry : kCasts)
    if (entry.from == from && entry.to == to) return entry.context;
  if (from == T::Void || to == T::Void || to == T::Unknown) return std::nullopt;
  // An array converts to another array as its elements do (array_coerce).
  std::optional<TypeId> from_element = array_element_type(from);
  std::optional<TypeId> to_element = array_element_type(to);
  if (from_element && to_element) return weakest_context(*from_element, *to_element);
  if (is_string_category(to)) return C::Assignment;  // automatic I/O conversion
  if (is_string_category(from)) return C::Explicit;
  return std::nullopt;
}

SqlError cannot_cast(TypeId from, TypeId to) {
  return SqlError(sqlstate::kCannotCoerce,
                  fmt::format("cannot cast type {} to {}", format_type(DataType{from}),
                              format_type(DataType{to})));
}

SqlError out_of_range(const char* message) {
  return SqlError(sqlstate::kNumericValueOutOfRange, message);
}

// float -> integer: rint, then PostgreSQL's FLOAT8_FITS_IN_INT* range test (NaN fails).
Value float_to_integer(double value, TypeId id) {
  double rounded = std::rint(value);
  double limit = id == T::Int2 ? 32768.0 : id == T::Int4 ? 2147483648.0 : 9223372036854775808.0;
  if (std::isnan(rounded) || rounded < -limit || rounded >= limit)
    throw_integer_out_of_range(id);
  return make_integer(id, static_cast<int64_t>(rounded));
}

Value to_integer(const Value& v, TypeId to) {
  switch (v.type()) {
    case T::Int2:
    case T::Int4:
    case T::Int8: return make_integer(to, v.as_int());
    case T::Oid:  // oid -> int4 is binary: large oids become negative
      return to == T::Int4 ? Value::int4(static_cast<int32_t>(static_cast<uint32_t>(v.as_int())))
                           : make_integer(to, v.as_int());
    case T::Float4:
    case T::Float8: return float_to_integer(v.as_float(), to);
    case T::Numeric:
      if (to == T::Int2) return Value::int2(v.as_numeric().to_int16());
      if (to == T::Int4) return Value::int4(v.as_numeric().to_int32());
      return Value::int8(v.as_numeric().to_int64());
    case T::Bool: return make_integer(to, v.as_bool() ? 1 : 0);
    case T::Char:
      return make_integer(to, v.as_text().empty() ? 0 : static_cast<signed char>(v.as_text()[0]));
    default: break;
  }
  throw cannot_cast(v.type(), to);
}

Value to_oid(const Value& v) {
  switch (v.type()) {
    case T::Int2:
    case T::Int4: return Value::oid(static_cast<uint32_t>(static_cast<int32_t>(v.as_int())));
    case T::Int8:
      if (v.as_int() < 0 || v.as_int() > std::numeric_limits<uint32_t>::max())
        throw out_of_range("OID out of range");
      return Value::oid(static_cast<uint32_t>(v.as_int()));
    default: break;
  }
  throw cannot_cast(v.type(), T::Oid);
}

double numeric_source_as_double(const Value& v) {
  switch (v.type()) {
    case T::Int2:
    case T::Int4:
    case T::Int8:
    case T::Oid: return static_cast<double>(v.as_int());
    case T::Float4:
    case T::Float8: return v.as_float();
    case T::Numeric: return v.as_numeric().to_double();
    default: break;
  }
  throw cannot_cast(v.type(), T::Float8);
}

Value to_float4(const Value& v) {
  if (v.type() == T::Numeric) return Value::float4(v.as_numeric().to_float());
  double value = numeric_source_as_double(v);
  return Value::float4(check_float4(static_cast<float>(value), std::isinf(value), value == 0.0));
}

Value to_numeric(const Value& v) {
  switch (v.type()) {
    case T::Int2:
    case T::Int4:
    case T::Int8:
    case T::Oid: return Value::numeric(Numeric::from_int64(v.as_int()));
    case T::Float4: return Value::numeric(Numeric::from_float(static_cast<float>(v.as_float())));
    case T::Float8: return Value::numeric(Numeric::from_double(v.as_float()));
    default: break;
  }
  throw cannot_cast(v.type(), T::Numeric);
}

std::string rtrim_spaces(const std::string& text) {
  size_t end = text.find_last_not_of(' ');
  return end == std::string::npos ? std::string() : text.substr(0, end + 1);
}

// Text of a value converted to a string type: bool is spelled out (booltext) except for name,
// bpchar loses its padding, everything else uses its output function.
std::string string_form(const Value& v, TypeId to) {
  switch (v.type()) {
    case T::Bool:
      if (to == T::Name) return format_value(v);  // no pg_cast entry: the output function
      return v.as_bool() ? "true" : "false";
    case T::Bpchar: return to == T::Bpchar ? v.as_text() : rtrim_spaces(v.as_text());
    case T::Text:
    case T::Varchar:
    case T::Name:
    case T::Unknown: return v.as_text();
    default: return format_value(v);
  }
}

Value to_string_type(const Value& v, TypeId to) {
  std::string text = string_form(v, to);
  if (to == T::Name) return parse_value(text, DataType{T::Name});
  if (to == T::Char) return Value::text(parse_char(text), T::Char);
  return Value::text(std::move(text), to);
}

Value to_datetime(const Value& v, TypeId to) {
  TypeId from = v.type();
  bool from_timestamp = from == T::Timestamp || from == T::TimestampTz;
  if (from == T::Date && (to == T::Timestamp || to == T::TimestampTz))
    return Value::timestamp(date_to_timestamp(static_cast<int32_t>(v.as_int())), to);
  if (from_timestamp && (to == T::Timestamp || to == T::TimestampTz)) return Value::timestamp(v.as_int(), to);
  if (from_timestamp && to == T::Date) return Value::date(timestamp_to_date(v.as_int()));
  if (from == T::Interval && to == T::Time) return Value::timestamp(interval_to_time(interval_of(v)), T::Time);
  if (from == T::Time && to == T::Interval) return interval_value(Interval{0, 0, v.as_int()});
  if (from_timestamp && to == T::Time) {
    if (v.as_int() == kTimestampInfinity || v.as_int() == kTimestampMinusInfinity)
      return Value::null(T::Time);  // timestamp_time gives NULL for infinities
    return Value::timestamp(timestamp_to_time(v.as_int()), T::Time);
  }
  throw cannot_cast(from, to);
}

// Each element cast to the target's element type, with the target's typmod.
Value convert_array(const Value& v, DataType target, CastContext context) {
  ArrayValue array = decode_array(v);
  DataType element{*array_element_type(target.id), target.typmod};
  for (Value& item : array.elements) item = cast_value(item, element, context);
  array.element_type = element.id;
  return encode_array(array, target.id);
}

// The conversion between type ids, without the target's typmod.
Value convert(const Value& v, TypeId to) {
  TypeId from = v.type();
  if (from == to) return v;
  if (from == T::Unknown) return parse_value(v.as_text(), DataType{to});
  if (from == T::Json && to == T::Jsonb) return parse_jsonb(v.as_text());
  if (from == T::Jsonb && to == T::Json) return Value::text(v.as_text(), T::Json);
  if (from == T::Jsonb && !is_string_category(to)) return jsonb_to_scalar(v, to);
  if (is_string_category(to) || to == T::Char) {
    if (to == T::Char && from == T::Int4) {
      if (v.as_int() < -128 || v.as_int() > 127) throw out_of_range("\"char\" out of range");
      return Value::text(v.as_int() == 0 ? std::string() : std::string(1, static_cast<char>(v.as_int())), T::Char);
    }
    return to_string_type(v, to);
  }
  if (is_string_category(from)) return parse_value(v.as_text(), DataType{to});  // padding kept
  if (is_object_reference_type(to)) return from == T::Oid ? v : to_oid(v);  // held as oid
  switch (to) {
    case T::Int2:
    case T::Int4:
    case T::Int8: return to_integer(v, to);
    case T::Oid: return to_oid(v);
    case T::Float4: return to_float4(v);
    case T::Float8: return Value::float8(numeric_source_as_double(v));
    case T::Numeric: return to_numeric(v);
    case T::Bool:
      if (from == T::Int4) return Value::boolean(v.as_int() != 0);
      break;
    case T::Date:
    case T::Time:
    case T::Timestamp:
    case T::TimestampTz:
    case T::Interval: return to_datetime(v, to);
    default: break;
  }
  throw cannot_cast(from, to);
}

}  // namespace

bool can_cast(TypeId from, TypeId to, CastContext context) {
  auto weakest = weakest_context(from, to);
  return weakest && static_cast<int>(*weakest) <= static_cast<int>(context);
}

std::string apply_character_typmod(std::string text, DataType target, bool explicit_cast) {
  int32_t max_chars = character_length_limit(target);
  if (max_chars < 0) return text;
  auto limit = static_cast<size_t>(max_chars);
  bool bpchar = target.id == T::Bpchar;
  if (!bpchar && text.size() <= limit) return text;  // fewer bytes than allowed characters
  size_t chars = utf8_length(text);
  if (chars > limit) {
    size_t keep = utf8_prefix_bytes(text, limit);
    if (!explicit_cast && text.find_first_not_of(' ', keep) != std::string::npos) {
      throw SqlError(sqlstate::kStringDataRightTruncation,
                     fmt::format("value too long for type {}", format_type(target)));
    }
    text.resize(keep);
  } else if (bpchar) {
    text.append(limit - chars, ' ');
  }
  return text;
}

Value cast_value(const Value& value, DataType target, CastContext context) {
  if (value.is_null()) return Value::null(target.id);
  if (!weakest_context(value.type(), target.id)) throw cannot_cast(value.type(), target.id);
  if (is_array_type(value.type()) && is_array_type(target.id) &&
      (value.type() != target.id || target.typmod >= 0)) {
    return convert_array(value, target, context);
  }
  Value converted = convert(value, target.id);
  if (target.typmod < 0) return converted;
  switch (target.id) {
    case T::Varchar:
    case T::Bpchar:
      return Value::text(apply_character_typmod(converted.as_text(), target,
                                                context == CastContext::Explicit),
                         target.id);
    case T::Numeric: return Value::numeric(converted.as_numeric().apply_typmod(target.typmod));
    case T::Time:
    case T::Timestamp:
    case T::TimestampTz:
      return Value::timestamp(round_to_precision(converted.as_int(), target.typmod), target.id);
    default: return converted;
  }
}

}  // namespace chalkdb
