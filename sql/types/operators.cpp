#include "sql/types/operators.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/arithmetic.h"
#include "sql/types/array_functions.h"
#include "sql/types/array_type.h"
#include "sql/types/json_functions.h"
#include "sql/types/regex_functions.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/like_match.h"
#include "sql/types/numeric.h"
#include "sql/types/overload_resolution.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

using T = TypeId;
using BinaryFn = Value (*)(const Value&, const Value&);
using UnaryFn = Value (*)(const Value&);

// ---- integer, float and numeric arithmetic ----------------------------------------------------

template <TypeId R>
Value int_add(const Value& a, const Value& b) { return make_integer(R, integer_add(a.as_int(), b.as_int(), R)); }
template <TypeId R>
Value int_sub(const Value& a, const Value& b) { return make_integer(R, integer_subtract(a.as_int(), b.as_int(), R)); }
template <TypeId R>
Value int_mul(const Value& a, const Value& b) { return make_integer(R, integer_multiply(a.as_int(), b.as_int(), R)); }
template <TypeId R>
Value int_div(const Value& a, const Value& b) { return make_integer(R, integer_divide(a.as_int(), b.as_int(), R)); }
template <TypeId R>
Value int_mod(const Value& a, const Value& b) { return make_integer(R, integer_modulo(a.as_int(), b.as_int())); }
template <TypeId R>
Value int_and(const Value& a, const Value& b) { return make_integer(R, a.as_int() & b.as_int()); }
template <TypeId R>
Value int_or(const Value& a, const Value& b) { return make_integer(R, a.as_int() | b.as_int()); }
template <TypeId R>
Value int_xor(const Value& a, const Value& b) { return make_integer(R, a.as_int() ^ b.as_int()); }

// Shifts behave like PostgreSQL's C shifts on x86: the count is taken modulo the width.
template <TypeId R>
Value int_shift_left(const Value& a, const Value& b) {
  if constexpr (R == T::Int8) {
    return Value::int8(static_cast<int64_t>(static_cast<uint64_t>(a.as_int()) << (b.as_int() & 63)));
  } else {
    auto shifted = static_cast<int32_t>(static_cast<uint32_t>(a.as_int()) << (b.as_int() & 31));
    return R == T::Int2 ? Value::int2(static_cast<int16_t>(shifted)) : Value::int4(shifted);
  }
}
template <TypeId R>
Value int_shift_right(const Value& a, const Value& b) {
  if constexpr (R == T::Int8) return Value::int8(a.as_int() >> (b.as_int() & 63));
  auto shifted = static_cast<int32_t>(a.as_int()) >> (b.as_int() & 31);
  return R == T::Int2 ? Value::int2(static_cast<int16_t>(shifted)) : Value::int4(shifted);
}

template <TypeId R>
Value float_result(double value) {
  if constexpr (R == T::Float4) return Value::float4(static_cast<float>(value));
  return Value::float8(value);
}

// float4 op float4 computes in single precision, as float4pl and friends do.
template <TypeId R>
Value float_add(const Value& a, const Value& b) {
  bool infinite = std::isinf(a.as_float()) || std::isinf(b.as_float());
  if constexpr (R == T::Float4) {
    auto r = static_cast<float>(a.as_float()) + static_cast<float>(b.as_float());
    return Value::float4(check_float4(r, infinite, true));
  }
  return Value::float8(check_float8(a.as_float() + b.as_float(), infinite, true));
}
template <TypeId R>
Value float_sub(const Value& a, const Value& b) {
  bool infinite = std::isinf(a.as_float()) || std::isinf(b.as_float());
  if constexpr (R == T::Float4) {
    auto r = static_cast<float>(a.as_float()) - static_cast<float>(b.as_float());
    return Value::float4(check_float4(r, infinite, true));
  }
  return Value::float8(check_float8(a.as_float() - b.as_float(), infinite, true));
}
template <TypeId R>
Value float_mul(const Value& a, const Value& b) {
  double x = a.as_float(), y = b.as_float();
  bool infinite = std::isinf(x) || std::isinf(y);
  bool zero = x == 0.0 || y == 0.0;
  if constexpr (R == T::Float4)
    return Value::float4(check_float4(static_cast<float>(x) * static_cast<float>(y), infinite, zero));
  return Value::float8(check_float8(x * y, infinite, zero));
}
template <TypeId R>
Value float_div(const Value& a, const Value& b) {
  if constexpr (R == T::Float4)
    return Value::float4(float4_divide(static_cast<float>(a.as_float()), static_cast<float>(b.as_float())));
  return Value::float8(float8_divide(a.as_float(), b.as_float()));
}
Value float_pow(const Value& a, const Value& b) { return Value::float8(float8_power(a.as_float(), b.as_float())); }

Value numeric_add(const Value& a, const Value& b) { return Value::numeric(a.as_numeric() + b.as_numeric()); }
Value numeric_sub(const Value& a, const Value& b) { return Value::numeric(a.as_numeric() - b.as_numeric()); }
Value numeric_mul(const Value& a, const Value& b) { return Value::numeric(a.as_numeric() * b.as_numeric()); }
Value numeric_div(const Value& a, const Value& b) { return Value::numeric(a.as_numeric() / b.as_numeric()); }
Value numeric_mod(const Value& a, const Value& b) { return Value::numeric(a.as_numeric() % b.as_numeric()); }
Value numeric_pow(const Value& a, const Value& b) { return Value::numeric(a.as_numeric().power(b.as_numeric())); }

// ---- comparison -------------------------------------------------------------------------------

// A date as the timestamp of its midnight; dates past the timestamp range compare above every
// finite timestamp but below infinity, as date_cmp_timestamp does.
int64_t date_as_timestamp(int64_t days) {
  if (days == kDateInfinity) return kTimestampInfinity;
  if (days == kDateMinusInfinity) return kTimestampMinusInfinity;
  int64_t micros = 0;
  if (__builtin_mul_overflow(days, kMicrosPerDay, &micros) || !is_valid_timestamp(micros))
    return kTimestampInfinity - 1;
  return micros;
}

// Same-representation pairs compare directly; a date meets a timestamp as its midnight.
int compare_mixed(const Value& a, const Value& b) {
  if (a.type() == T::Date && b.type() != T::Date) {
    return compare_values(Value::timestamp(date_as_timestamp(a.as_int()), b.type()), b);
  }
  if (b.type() == T::Date && a.type() != T::Date) {
    return compare_values(a, Value::timestamp(date_as_timestamp(b.as_int()), a.type()));
  }
  return compare_values(a, b);
}

enum class Cmp { Eq, Ne, Lt, Gt, Le, Ge };

template <Cmp C>
Value compare_op(const Value& a, const Value& b) {
  int c = compare_mixed(a, b);
  switch (C) {
    case Cmp::Eq: return Value::boolean(c == 0);
    case Cmp::Ne: return Value::boolean(c != 0);
    case Cmp::Lt: return Value::boolean(c < 0);
    case Cmp::Gt: return Value::boolean(c > 0);
    case Cmp::Le: return Value::boolean(c <= 0);
    case Cmp::Ge: return Value::boolean(c >= 0);
  }
  return Value::boolean(false);
}

// ---- strings ----------------------------------------------------------------------------------

// anytextcat / textanycat cast the non-text side to text (so true || 'x' is 'truex').
const std::string& as_text(const Value& v, Value& holder) {
  if (v.type() == T::Text) return v.as_text();
  holder = cast_value(v, DataType{T::Text}, CastContext::Explicit);
  return holder.as_text();
}

Value text_concat(const Value& a, const Value& b) {
  Value a_holder, b_holder;
  return Value::text(as_text(a, a_holder) + as_text(b, b_holder));
}

Value bytea_concat(const Value& a, const Value& b) {
  return Value::text(a.as_text() + b.as_text(), T::Bytea);
}

template <bool Negated>
Value like_op(const Value& a, const Value& b) {
  return Value::boolean(like_match(a.as_text(), b.as_text(), a.type() == T::Bytea) != Negated);
}
template <bool Negated>
Value ilike_op(const Value& a, const Value& b) {
  return Value::boolean(ilike_match(a.as_text(), b.as_text()) != Negated);
}

// ---- dates ------------------------------------------------------------------------------------

Value date_plus_days(int64_t date, int64_t days) {
  if (date == kDateInfinity || date == kDateMinusInfinity) return Value::date(static_cast<int32_t>(date));
  int64_t result = date + days;
  if (result < INT32_MIN || result > INT32_MAX || !is_valid_date(static_cast<int32_t>(result)))
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "date out of range");
  return Value::date(static_cast<int32_t>(result));
}

Value date_plus_int(const Value& a, const Value& b) { return date_plus_days(a.as_int(), b.as_int()); }
Value int_plus_date(const Value& a, const Value& b) { return date_plus_days(b.as_int(), a.as_int()); }
Value date_minus_int(const Value& a, const Value& b) { return date_plus_days(a.as_int(), -b.as_int()); }

Value date_minus_date(const Value& a, const Value& b) {
  auto infinite = [](int64_t d) { return d == kDateInfinity || d == kDateMinusInfinity; };
  if (infinite(a.as_int()) || infinite(b.as_int()))
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite dates");
  return Value::int4(static_cast<int32_t>(a.as_int() - b.as_int()));
}

Value date_time_to_timestamp(int64_t date, int64_t time) {
  int64_t result = date_to_timestamp(static_cast<int32_t>(date));
  if (result == kTimestampInfinity || result == kTimestampMinusInfinity)
    return Value::timestamp(result);
  result += time;
  if (!is_valid_timestamp(result))
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  return Value::timestamp(result);
}

Value date_plus_time(const Value& a, const Value& b) { return date_time_to_timestamp(a.as_int(), b.as_int()); }
Value time_plus_date(const Value& a, const Value& b) { return date_time_to_timestamp(b.as_int(), a.as_int()); }

// ---- intervals --------------------------------------------------------------------------------

Value interval_plus(const Value& a, const Value& b) { return interval_value(interval_add(interval_of(a), interval_of(b))); }
Value interval_minus(const Value& a, const Value& b) { return interval_value(interval_subtract(interval_of(a), interval_of(b))); }
Value interval_times(const Value& a, const Value& b) { return interval_value(interval_multiply(interval_of(a), b.as_float())); }
Value times_interval(const Value& a, const Value& b) { return interval_value(interval_multiply(interval_of(b), a.as_float())); }
Value interval_over(const Value& a, const Value& b) { return interval_value(interval_divide(interval_of(a), b.as_float())); }

// timestamp, timestamptz or date (as its midnight) plus or minus an interval.
Value shift_timestamp(const Value& moment, const Interval& interval) {
  bool is_date = moment.type() == T::Date;
  int64_t start = is_date ? date_to_timestamp(static_cast<int32_t>(moment.as_int())) : moment.as_int();
  return Value::timestamp(timestamp_plus_interval(start, interval), is_date ? T::Timestamp : moment.type());
}
Value moment_plus_interval(const Value& a, const Value& b) { return shift_timestamp(a, interval_of(b)); }
Value interval_plus_moment(const Value& a, const Value& b) { return shift_timestamp(b, interval_of(a)); }
Value moment_minus_interval(const Value& a, const Value& b) {
  return shift_timestamp(a, interval_negate(interval_of(b)));
}
Value timestamp_minus_timestamp(const Value& a, const Value& b) {
  return interval_value(timestamp_difference(a.as_int(), b.as_int()));
}
Value time_plus(const Value& a, const Value& b) {
  return Value::timestamp(time_plus_interval(a.as_int(), interval_of(b)), T::Time);
}
Value interval_plus_time(const Value& a, const Value& b) { return time_plus(b, a); }
Value time_minus(const Value& a, const Value& b) {
  return Value::timestamp(time_plus_interval(a.as_int(), interval_negate(interval_of(b))), T::Time);
}
Value time_minus_time(const Value& a, const Value& b) {
  return interval_value(Interval{0, 0, a.as_int() - b.as_int()});
}
Value interval_negated(const Value& a) { return interval_value(interval_negate(interval_of(a))); }

// ---- unary ------------------------------------------------------------------------------------

template <TypeId R>
Value int_negate(const Value& a) { return make_integer(R, integer_negate(a.as_int(), R)); }
template <TypeId R>
Value int_abs(const Value& a) { return a.as_int() < 0 ? int_negate<R>(a) : a; }
template <TypeId R>
Value int_not(const Value& a) { return make_integer(R, ~a.as_int()); }
template <TypeId R>
Value float_negate(const Value& a) { return float_result<R>(-a.as_float()); }
template <TypeId R>
Value float_abs(const Value& a) { return float_result<R>(std::fabs(a.as_float())); }
Value numeric_negate(const Value& a) { return Value::numeric(-a.as_numeric()); }
Value numeric_abs(const Value& a) { return Value::numeric(a.as_numeric().abs()); }
Value identity(const Value& a) { return a; }
Value float_sqrt(const Value& a) { return Value::float8(float8_sqrt(a.as_float())); }
Value float_cbrt(const Value& a) { return Value::float8(std::cbrt(a.as_float())); }

// ---- the catalog ------------------------------------------------------------------------------

using BinaryEntry = OperatorEntry;

struct UnaryEntry {
  std::string name;
  TypeId arg, result;
  UnaryFn fn;
};

void add_integer_arithmetic(std::vector<BinaryEntry>& ops) {
  // PostgreSQL has every mix of int2/int4/int8 for + - * /, the wider type being the result.
  struct Pair { TypeId left, right, result; };
  const Pair pairs[] = {{T::Int2, T::Int2, T::Int2}, {T::Int2, T::Int4, T::Int4}, {T::Int2, T::Int8, T::Int8},
                        {T::Int4, T::Int2, T::Int4}, {T::Int4, T::Int4, T::Int4}, {T::Int4, T::Int8, T::Int8},
                        {T::Int8, T::Int2, T::Int8}, {T::Int8, T::Int4, T::Int8}, {T::Int8, T::Int8, T::Int8}};
  auto fns = [](TypeId r) -> std::array<BinaryFn, 4> {
    switch (r) {
      case T::Int2: return {int_add<T::Int2>, int_sub<T::Int2>, int_mul<T::Int2>, int_div<T::Int2>};
      case T::Int4: return {int_add<T::Int4>, int_sub<T::Int4>, int_mul<T::Int4>, int_div<T::Int4>};
      default: return {int_add<T::Int8>, int_sub<T::Int8>, int_mul<T::Int8>, int_div<T::Int8>};
    }
  };
  for (const Pair& p : pairs) {
    auto f = fns(p.result);
    const char* names[] = {"+", "-", "*", "/"};
    for (int i = 0; i < 4; ++i) ops.push_back({names[i], p.left, p.right, p.result, f[i]});
  }
  ops.push_back({"%", T::Int2, T::Int2, T::Int2, int_mod<T::Int2>});
  ops.push_back({"%", T::Int4, T::Int4, T::Int4, int_mod<T::Int4>});
  ops.push_back({"%", T::Int8, T::Int8, T::Int8, int_mod<T::Int8>});
  ops.push_back({"&", T::Int2, T::Int2, T::Int2, int_and<T::Int2>});
  ops.push_back({"&", T::Int4, T::Int4, T::Int4, int_and<T::Int4>});
  ops.push_back({"&", T::Int8, T::Int8, T::Int8, int_and<T::Int8>});
  ops.push_back({"|", T::Int2, T::Int2, T::Int2, int_or<T::Int2>});
  ops.push_back({"|", T::Int4, T::Int4, T::Int4, int_or<T::Int4>});
  ops.push_back({"|", T::Int8, T::Int8, T::Int8, int_or<T::Int8>});
  ops.push_back({"#", T::Int2, T::Int2, T::Int2, int_xor<T::Int2>});
  ops.push_back({"#", T::Int4, T::Int4, T::Int4, int_xor<T::Int4>});
  ops.push_back({"#", T::Int8, T::Int8, T::Int8, int_xor<T::Int8>});
  ops.push_back({"<<", T::Int2, T::Int4, T::Int2, int_shift_left<T::Int2>});
  ops.push_back({"<<", T::Int4, T::Int4, T::Int4, int_shift_left<T::Int4>});
  ops.push_back({"<<", T::Int8, T::Int4, T::Int8, int_shift_left<T::Int8>});
  ops.push_back({">>", T::Int2, T::Int4, T::Int2, int_shift_right<T::Int2>});
  ops.push_back({">>", T::Int4, T::Int4, T::Int4, int_shift_right<T::Int4>});
  ops.push_back({">>", T::Int8, T::Int4, T::Int8, int_shift_right<T::Int8>});
}

void add_float_and_numeric_arithmetic(std::vector<BinaryEntry>& ops) {
  const std::pair<TypeId, TypeId> float8_pairs[] = {{T::Float4, T::Float8}, {T::Float8, T::Float4}, {T::Float8, T::Float8}};
  ops.push_back({"+", T::Float4, T::Float4, T::Float4, float_add<T::Float4>});
  ops.push_back({"-", T::Float4, T::Float4, T::Float4, float_sub<T::Float4>});
  ops.push_back({"*", T::Float4, T::Float4, T::Float4, float_mul<T::Float4>});
  ops.push_back({"/", T::Float4, T::Float4, T::Float4, float_div<T::Float4>});
  for (auto [left, right] : float8_pairs) {
    ops.push_back({"+", left, right, T::Float8, float_add<T::Float8>});
    ops.push_back({"-", left, right, T::Float8, float_sub<T::Float8>});
    ops.push_back({"*", left, right, T::Float8, float_mul<T::Float8>});
    ops.push_back({"/", left, right, T::Float8, float_div<T::Float8>});
  }
  ops.push_back({"^", T::Float8, T::Float8, T::Float8, float_pow});
  ops.push_back({"+", T::Numeric, T::Numeric, T::Numeric, numeric_add});
  ops.push_back({"-", T::Numeric, T::Numeric, T::Numeric, numeric_sub});
  ops.push_back({"*", T::Numeric, T::Numeric, T::Numeric, numeric_mul});
  ops.push_back({"/", T::Numeric, T::Numeric, T::Numeric, numeric_div});
  ops.push_back({"%", T::Numeric, T::Numeric, T::Numeric, numeric_mod});
  ops.push_back({"^", T::Numeric, T::Numeric, T::Numeric, numeric_pow});
}

void add_comparisons(std::vector<BinaryEntry>& ops) {
  const std::pair<TypeId, TypeId> pairs[] = {
      {T::Bool, T::Bool},        {T::Bytea, T::Bytea},      {T::Char, T::Char},
      {T::Name, T::Name},        {T::Name, T::Text},        {T::Text, T::Name},
      {T::Text, T::Text},        {T::Bpchar, T::Bpchar},    {T::Oid, T::Oid},
      {T::Tid, T::Tid},          {T::Int2, T::Int2},        {T::Int2, T::Int4},
      {T::Int2, T::Int8},        {T::Int4, T::Int2},        {T::Int4, T::Int4},
      {T::Int4, T::Int8},        {T::Int8, T::Int2},        {T::Int8, T::Int4},
      {T::Int8, T::Int8},        {T::Float4, T::Float4},    {T::Float4, T::Float8},
      {T::Float8, T::Float4},    {T::Float8, T::Float8},    {T::Numeric, T::Numeric},
      {T::Date, T::Date},        {T::Date, T::Timestamp},   {T::Date, T::TimestampTz},
      {T::Time, T::Time},        {T::Timestamp, T::Date},   {T::Timestamp, T::Timestamp},
      {T::Timestamp, T::TimestampTz}, {T::TimestampTz, T::Date}, {T::TimestampTz, T::Timestamp},
      {T::TimestampTz, T::TimestampTz}, {T::Interval, T::Interval}, {T::Uuid, T::Uuid},
  };
  const std::pair<const char*, BinaryFn> comparisons[] = {
      {"=", compare_op<Cmp::Eq>}, {"<>", compare_op<Cmp::Ne>}, {"<", compare_op<Cmp::Lt>},
      {">", compare_op<Cmp::Gt>}, {"<=", compare_op<Cmp::Le>}, {">=", compare_op<Cmp::Ge>}};
  for (auto [left, right] : pairs)
    for (auto [name, fn] : comparisons) ops.push_back({name, left, right, T::Bool, fn});
}

void add_string_and_date_operators(std::vector<BinaryEntry>& ops) {
  ops.push_back({"||", T::Text, T::Text, T::Text, text_concat});
  ops.push_back({"||", T::Text, kAnyNonArrayType, T::Text, text_concat});
  ops.push_back({"||", kAnyNonArrayType, T::Text, T::Text, text_concat});
  ops.push_back({"||", T::Bytea, T::Bytea, T::Bytea, bytea_concat});
  for (TypeId left : {T::Text, T::Bpchar, T::Name}) {
    ops.push_back({"~~", left, T::Text, T::Bool, like_op<false>});
    ops.push_back({"!~~", left, T::Text, T::Bool, like_op<true>});
    ops.push_back({"~~*", left, T::Text, T::Bool, ilike_op<false>});
    ops.push_back({"!~~*", left, T::Text, T::Bool, ilike_op<true>});
  }
  ops.push_back({"~~", T::Bytea, T::Bytea, T::Bool, like_op<false>});
  ops.push_back({"!~~", T::Bytea, T::Bytea, T::Bool, like_op<true>});
  ops.push_back({"+", T::Date, T::Int4, T::Date, date_plus_int});
  ops.push_back({"+", T::Int4, T::Date, T::Date, int_plus_date});
  ops.push_back({"-", T::Date, T::Int4, T::Date, date_minus_int});
  ops.push_back({"-", T::Date, T::Date, T::Int4, date_minus_date});
  ops.push_back({"+", T::Date, T::Time, T::Timestamp, date_plus_time});
  ops.push_back({"+", T::Time, T::Date, T::Timestamp, time_plus_date});
}

void add_interval_operators(std::vector<BinaryEntry>& ops) {
  ops.push_back({"+", T::Interval, T::Interval, T::Interval, interval_plus});
  ops.push_back({"-", T::Interval, T::Interval, T::Interval, interval_minus});
  ops.push_back({"*", T::Interval, T::Float8, T::Interval, interval_times});
  ops.push_back({"*", T::Float8, T::Interval, T::Interval, times_interval});
  ops.push_back({"/", T::Interval, T::Float8, T::Interval, interval_over});
  for (TypeId moment : {T::Date, T::Timestamp, T::TimestampTz}) {
    TypeId result = moment == T::Date ? T::Timestamp : moment;
    ops.push_back({"+", moment, T::Interval, result, moment_plus_interval});
    ops.push_back({"+", T::Interval, moment, result, interval_plus_moment});
    ops.push_back({"-", moment, T::Interval, result, moment_minus_interval});
  }
  ops.push_back({"-", T::Timestamp, T::Timestamp, T::Interval, timestamp_minus_timestamp});
  ops.push_back({"-", T::TimestampTz, T::TimestampTz, T::Interval, timestamp_minus_timestamp});
  ops.push_back({"+", T::Time, T::Interval, T::Time, time_plus});
  ops.push_back({"+", T::Interval, T::Time, T::Time, interval_plus_time});
  ops.push_back({"-", T::Time, T::Interval, T::Time, time_minus});
  ops.push_back({"-", T::Time, T::Time, T::Interval, time_minus_time});
}

std::vector<UnaryEntry> build_unary_operators() {
  std::vector<UnaryEntry> ops = {
      {"-", T::Int2, T::Int2, int_negate<T::Int2>},       {"-", T::Int4, T::Int4, int_negate<T::Int4>},
      {"-", T::Int8, T::Int8, int_negate<T::Int8>},       {"-", T::Float4, T::Float4, float_negate<T::Float4>},
      {"-", T::Float8, T::Float8, float_negate<T::Float8>}, {"-", T::Numeric, T::Numeric, numeric_negate},
      {"@", T::Int2, T::Int2, int_abs<T::Int2>},          {"@", T::Int4, T::Int4, int_abs<T::Int4>},
      {"@", T::Int8, T::Int8, int_abs<T::Int8>},          {"@", T::Float4, T::Float4, float_abs<T::Float4>},
      {"@", T::Float8, T::Float8, float_abs<T::Float8>},  {"@", T::Numeric, T::Numeric, numeric_abs},
      {"~", T::Int2, T::Int2, int_not<T::Int2>},          {"~", T::Int4, T::Int4, int_not<T::Int4>},
      {"~", T::Int8, T::Int8, int_not<T::Int8>},          {"|/", T::Float8, T::Float8, float_sqrt},
      {"||/", T::Float8, T::Float8, float_cbrt},  {"-", T::Interval, T::Interval, interval_negated},
  };
  for (TypeId t : {T::Int2, T::Int4, T::Int8, T::Float4, T::Float8, T::Numeric}) ops.push_back({"+", t, t, identity});
  return ops;
}

// Operators grouped by name with their argument lists, as select_overload wants them.
template <typename Entry>
struct Catalog {
  std::map<std::string, std::vector<const Entry*>, std::less<>> by_name;
  std::map<std::string, std::vector<std::vector<TypeId>>, std::less<>> signatures;
};

const std::vector<BinaryEntry>& binary_operators() {
  static const std::vector<BinaryEntry> ops = [] {
    std::vector<BinaryEntry> all;
    add_integer_arithmetic(all);
    add_float_and_numeric_arithmetic(all);
    add_comparisons(all);
    add_string_and_date_operators(all);
    add_interval_operators(all);
    add_array_operators(all);
    add_json_operators(all);
    add_regex_operators(all);
    return all;
  }();
  return ops;
}

const Catalog<BinaryEntry>& binary_catalog() {
  static const Catalog<BinaryEntry> catalog = [] {
    Catalog<BinaryEntry> c;
    for (const BinaryEntry& e : binary_operators()) {
      c.by_name[e.name].push_back(&e);
      c.signatures[e.name].push_back({e.left, e.right});
    }
    return c;
  }();
  return catalog;
}

const Catalog<UnaryEntry>& unary_catalog() {
  static const std::vector<UnaryEntry> ops = build_unary_operators();
  static const Catalog<UnaryEntry> catalog = [] {
    Catalog<UnaryEntry> c;
    for (const UnaryEntry& e : ops) {
      c.by_name[e.name].push_back(&e);
      c.signatures[e.name].push_back({e.arg});
    }
    return c;
  }();
  return catalog;
}

std::string type_name(TypeId id) { return format_type(DataType{id}); }

SqlError operator_error(OverloadChoice::Outcome outcome, const std::string& description, bool unary) {
  if (outcome == OverloadChoice::Outcome::Ambiguous) {
    return SqlError(sqlstate::kAmbiguousFunction, "operator is not unique: " + description)
        .with_hint("Could not choose a best candidate operator. You might need to add explicit "
                   "type casts.");
  }
  return SqlError(sqlstate::kUndefinedFunction, "operator does not exist: " + description)
      .with_hint(unary ? "No operator matches the given name and argument type. You might need "
                         "to add an explicit type cast."
                       : "No operator matches the given name and argument types. You might need "
                         "to add explicit type casts.");
}

std::string_view canonical_operator(std::string_view op) { return op == "!=" ? "<>" : op; }

bool is_polymorphic(TypeId t) { return t == T::AnyElement || t == T::AnyArray; }

// anyelement / anyarray arguments and result take the element type the inputs agree on (an
// unknown literal takes it from the other side).
ResolvedOperator resolve_polymorphic(const BinaryEntry& e, DataType left, DataType right) {
  const TypeId declared[] = {e.left, e.right};
  const TypeId inputs[] = {left.id, right.id};
  TypeId element = polymorphic_element_type(declared, inputs).value_or(T::Unknown);
  if (element == T::Unknown) element = T::Text;
  std::optional<TypeId> array = array_type_of(element);
  if (!array) {
    throw operator_error(OverloadChoice::Outcome::NotFound,
                         fmt::format("{} {} {}", type_name(left.id), e.name, type_name(right.id)), false);
  }
  auto concrete = [&](TypeId t, DataType input) {
    if (t == T::AnyElement) return DataType{element};
    if (t == T::AnyArray) return DataType{*array};
    return DataType{resolved_argument_type(t, input.id)};
  };
  return {concrete(e.left, left), concrete(e.right, right), concrete(e.result, DataType{e.result}), e.fn};
}

}  // namespace

ResolvedOperator resolve_binary_operator(std::string_view op_text, DataType left, DataType right) {
  std::string_view op = canonical_operator(op_text);
  const auto& catalog = binary_catalog();
  const TypeId inputs[] = {left.id, right.id};
  OverloadChoice choice;
  auto entries = catalog.by_name.find(op);
  if (entries != catalog.by_name.end())
    choice = select_overload(catalog.signatures.find(op)->second, inputs, true);
  if (choice.outcome != OverloadChoice::Outcome::Found) {
    throw operator_error(choice.outcome,
                         fmt::format("{} {} {}", type_name(left.id), op, type_name(right.id)), false);
  }
  const BinaryEntry& e = *entries->second[choice.index];
  if (is_polymorphic(e.left) || is_polymorphic(e.right)) return resolve_polymorphic(e, left, right);
  return {DataType{resolved_argument_type(e.left, left.id)},
          DataType{resolved_argument_type(e.right, right.id)}, DataType{e.result}, e.fn};
}

ResolvedUnaryOperator resolve_unary_operator(std::string_view op, DataType arg) {
  const auto& catalog = unary_catalog();
  const TypeId inputs[] = {arg.id};
  OverloadChoice choice;
  auto entries = catalog.by_name.find(op);
  if (entries != catalog.by_name.end())
    choice = select_overload(catalog.signatures.find(op)->second, inputs, false);
  if (choice.outcome != OverloadChoice::Outcome::Found)
    throw operator_error(choice.outcome, fmt::format("{} {}", op, type_name(arg.id)), true);
  const UnaryEntry& e = *entries->second[choice.index];
  return {DataType{e.arg}, DataType{e.result}, e.fn};
}

}  // namespace chalkdb
