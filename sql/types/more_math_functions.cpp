#include "sql/types/more_math_functions.h"

#include <fmt/format.h>

#include <cmath>
#include <random>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

std::mt19937_64& generator() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

// random(): uniformly in [0, 1) with 52 random bits, as pg_prng_double.
Value random_fn(Args) {
  return Value::float8(static_cast<double>(generator()() >> 12) * 0x1.0p-52);
}

Value setseed_fn(Args a) {
  double seed = a[0].as_float();
  if (seed < -1 || seed > 1 || std::isnan(seed)) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("setseed parameter {} is out of allowed range [-1,1]", seed));
  }
  generator().seed(static_cast<uint64_t>(std::llround(seed * 9007199254740991.0)));
  return Value::text("", T::Void);
}

void check_bucket_count(int64_t count) {
  if (count <= 0) {
    throw SqlError(sqlstate::kInvalidArgumentForWidthBucket, "count must be greater than zero");
  }
}

[[noreturn]] void equal_bounds() {
  throw SqlError(sqlstate::kInvalidArgumentForWidthBucket, "lower bound cannot equal upper bound");
}

int32_t checked_bucket(int64_t bucket) {
  if (bucket > INT32_MAX) throw SqlError(sqlstate::kNumericValueOutOfRange, "integer out of range");
  return static_cast<int32_t>(bucket);
}

Value width_bucket_float_fn(Args a) {
  double operand = a[0].as_float(), low = a[1].as_float(), high = a[2].as_float();
  int64_t count = a[3].as_int();
  check_bucket_count(count);
  if (std::isnan(operand) || std::isnan(low) || std::isnan(high)) {
    throw SqlError(sqlstate::kInvalidArgumentForWidthBucket,
                   "operand, lower bound, and upper bound cannot be NaN");
  }
  if (!std::isfinite(low) || !std::isfinite(high)) {
    throw SqlError(sqlstate::kInvalidArgumentForWidthBucket, "lower and upper bounds must be finite");
  }
  if (low == high) equal_bounds();
  int64_t bucket;
  if (low < high) {
    if (operand < low) bucket = 0;
    else if (operand >= high) bucket = count + 1;
    else bucket = static_cast<int64_t>(static_cast<double>(count) * ((operand - low) / (high - low))) + 1;
  } else {
    if (operand > low) bucket = 0;
    else if (operand <= high) bucket = count + 1;
    else bucket = static_cast<int64_t>(static_cast<double>(count) * ((low - operand) / (low - high))) + 1;
  }
  return Value::int4(checked_bucket(bucket));
}

Value width_bucket_numeric_fn(Args a) {
  const Numeric& operand = a[0].as_numeric();
  const Numeric& low = a[1].as_numeric();
  const Numeric& high = a[2].as_numeric();
  int64_t count = a[3].as_int();
  check_bucket_count(count);
  if (operand.is_nan() || low.is_nan() || high.is_nan()) {
    throw SqlError(sqlstate::kInvalidArgumentForWidthBucket,
                   "operand, lower bound, and upper bound cannot be NaN");
  }
  if (low.is_infinite() || high.is_infinite()) {
    throw SqlError(sqlstate::kInvalidArgumentForWidthBucket, "lower and upper bounds must be finite");
  }
  int c = low.compare(high);
  if (c == 0) equal_bounds();
  Numeric n = Numeric::from_int64(count);
  int64_t bucket;
  if (c < 0) {
    if (operand < low) bucket = 0;
    else if (operand >= high) bucket = count + 1;
    else bucket = ((operand - low) * n).divide_truncated(high - low).to_int64() + 1;
  } else {
    if (operand > low) bucket = 0;
    else if (operand <= high) bucket = count + 1;
    else bucket = ((low - operand) * n).divide_truncated(low - high).to_int64() + 1;
  }
  return Value::int4(checked_bucket(bucket));
}

template <double (*F)(double)>
Value float_fn(Args a) {
  double x = a[0].as_float();
  double r = F(x);
  if (std::isnan(r) && !std::isnan(x)) {
    throw SqlError(sqlstate::kNumericValueOutOfRange, "input is out of range");
  }
  return Value::float8(r);
}

double sin_of(double x) { return std::sin(x); }
double cos_of(double x) { return std::cos(x); }
double tan_of(double x) { return std::tan(x); }
double cot_of(double x) { return 1.0 / std::tan(x); }
double asin_of(double x) { return std::asin(x); }
double acos_of(double x) { return std::acos(x); }
double atan_of(double x) { return std::atan(x); }

Value atan2_fn(Args a) { return Value::float8(std::atan2(a[0].as_float(), a[1].as_float())); }

Value factorial_fn(Args a) {
  int64_t n = a[0].as_int();
  if (n < 0) {
    throw SqlError(sqlstate::kInvalidParameterValue, "factorial of a negative number is undefined");
  }
  if (n > 32177) throw SqlError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
  Numeric result = Numeric::from_int64(1);
  for (int64_t i = 2; i <= n; ++i) result = result * Numeric::from_int64(i);
  return Value::numeric(result);
}

// The smallest scale that represents the value exactly.
int minimal_scale(const Numeric& value) {
  std::string text = value.to_string();
  size_t dot = text.find('.');
  if (dot == std::string::npos) return 0;
  size_t last = text.find_last_not_of('0');
  return last <= dot ? 0 : static_cast<int>(last - dot);
}

Value min_scale_fn(Args a) {
  if (a[0].as_numeric().is_nan() || a[0].as_numeric().is_infinite()) return Value::null(T::Int4);
  return Value::int4(minimal_scale(a[0].as_numeric()));
}

Value trim_scale_fn(Args a) {
  const Numeric& v = a[0].as_numeric();
  if (v.is_nan() || v.is_infinite()) return a[0];
  return Value::numeric(v.round(minimal_scale(v)));
}

}  // namespace

void add_more_math_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"random", {}, T::Float8, random_fn});
  f.push_back({"setseed", {T::Float8}, T::Void, setseed_fn});
  f.push_back({"width_bucket", {T::Float8, T::Float8, T::Float8, T::Int4}, T::Int4, width_bucket_float_fn});
  f.push_back({"width_bucket", {T::Numeric, T::Numeric, T::Numeric, T::Int4}, T::Int4, width_bucket_numeric_fn});
  f.push_back({"sin", {T::Float8}, T::Float8, float_fn<sin_of>});
  f.push_back({"cos", {T::Float8}, T::Float8, float_fn<cos_of>});
  f.push_back({"tan", {T::Float8}, T::Float8, float_fn<tan_of>});
  f.push_back({"cot", {T::Float8}, T::Float8, float_fn<cot_of>});
  f.push_back({"asin", {T::Float8}, T::Float8, float_fn<asin_of>});
  f.push_back({"acos", {T::Float8}, T::Float8, float_fn<acos_of>});
  f.push_back({"atan", {T::Float8}, T::Float8, float_fn<atan_of>});
  f.push_back({"atan2", {T::Float8, T::Float8}, T::Float8, atan2_fn});
  f.push_back({"factorial", {T::Int8}, T::Numeric, factorial_fn});
  f.push_back({"min_scale", {T::Numeric}, T::Int4, min_scale_fn});
  f.push_back({"trim_scale", {T::Numeric}, T::Numeric, trim_scale_fn});
}

}  // namespace chalkdb
