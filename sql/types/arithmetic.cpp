#include "sql/types/arithmetic.h"

#include <cerrno>
#include <cmath>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

bool fits(TypeId type, int64_t value) {
  switch (type) {
    case TypeId::Int2: return value >= INT16_MIN && value <= INT16_MAX;
    case TypeId::Int4: return value >= INT32_MIN && value <= INT32_MAX;
    default: return true;
  }
}

int64_t checked(bool overflow, int64_t value, TypeId type) {
  if (overflow || !fits(type, value)) throw_integer_out_of_range(type);
  return value;
}

[[noreturn]] void throw_float_overflow() {
  throw SqlError(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
}

[[noreturn]] void throw_float_underflow() {
  throw SqlError(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
}

[[noreturn]] void throw_division_by_zero() {
  throw SqlError(sqlstate::kDivisionByZero, "division by zero");
}

}  // namespace

void throw_integer_out_of_range(TypeId type) {
  const char* message = type == TypeId::Int2   ? "smallint out of range"
                        : type == TypeId::Int8 ? "bigint out of range"
                                               : "integer out of range";
  throw SqlError(sqlstate::kNumericValueOutOfRange, message);
}

Value make_integer(TypeId type, int64_t value) {
  if (!fits(type, value)) throw_integer_out_of_range(type);
  switch (type) {
    case TypeId::Int2: return Value::int2(static_cast<int16_t>(value));
    case TypeId::Int4: return Value::int4(static_cast<int32_t>(value));
    default: return Value::int8(value);
  }
}

int64_t integer_add(int64_t a, int64_t b, TypeId result) {
  int64_t r;
  bool overflow = __builtin_add_overflow(a, b, &r);
  return checked(overflow, r, result);
}

int64_t integer_subtract(int64_t a, int64_t b, TypeId result) {
  int64_t r;
  bool overflow = __builtin_sub_overflow(a, b, &r);
  return checked(overflow, r, result);
}

int64_t integer_multiply(int64_t a, int64_t b, TypeId result) {
  int64_t r;
  bool overflow = __builtin_mul_overflow(a, b, &r);
  return checked(overflow, r, result);
}

int64_t integer_divide(int64_t a, int64_t b, TypeId result) {
  if (b == 0) throw_division_by_zero();
  if (b == -1) return integer_negate(a, result);  // INT_MIN / -1 overflows
  return a / b;
}

int64_t integer_modulo(int64_t a, int64_t b) {
  if (b == 0) throw_division_by_zero();
  if (b == -1) return 0;  // INT_MIN % -1 would trap; the answer is 0
  return a % b;
}

int64_t integer_negate(int64_t a, TypeId result) {
  if (a == INT64_MIN) throw_integer_out_of_range(result);
  return checked(false, -a, result);
}

double check_float8(double result, bool infinite_input, bool zero_expected) {
  if (std::isinf(result) && !infinite_input) throw_float_overflow();
  if (result == 0.0 && !zero_expected) throw_float_underflow();
  return result;
}

float check_float4(float result, bool infinite_input, bool zero_expected) {
  if (std::isinf(result) && !infinite_input) throw_float_overflow();
  if (result == 0.0f && !zero_expected) throw_float_underflow();
  return result;
}

double float8_divide(double a, double b) {
  if (b == 0.0 && !std::isnan(a)) throw_division_by_zero();
  return check_float8(a / b, std::isinf(a), a == 0.0 || std::isinf(b));
}

float float4_divide(float a, float b) {
  if (b == 0.0f && !std::isnan(a)) throw_division_by_zero();
  return check_float4(a / b, std::isinf(a), a == 0.0f || std::isinf(b));
}

double float8_power(double x, double y) {
  // POSIX: NaN ^ 0 = 1 and 1 ^ NaN = 1; other NaN inputs give NaN without error.
  if (std::isnan(x)) return std::isnan(y) || y != 0.0 ? x : 1.0;
  if (std::isnan(y)) return x != 1.0 ? y : 1.0;
  if (x == 0 && y < 0) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "zero raised to a negative power is undefined");
  }
  if (x < 0 && std::floor(y) != y) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "a negative number raised to a non-integer power yields a complex result");
  }
  if (std::isinf(y)) {
    double magnitude = std::fabs(x);
    if (magnitude == 1.0) return 1.0;
    if (y > 0) return magnitude > 1.0 ? y : 0.0;
    return magnitude > 1.0 ? 0.0 : -y;
  }
  if (std::isinf(x)) {
    if (y == 0.0) return 1.0;
    if (x > 0) return y > 0 ? x : 0.0;
    double half = y / 2;
    bool odd_integer = std::floor(half) != half;
    if (y > 0) return odd_integer ? x : -x;
    return odd_integer ? -0.0 : 0.0;
  }
  errno = 0;
  double result = std::pow(x, y);
  if (errno == ERANGE) {
    if (result != 0.0) throw_float_overflow();
    throw_float_underflow();
  }
  if (std::isinf(result)) throw_float_overflow();
  if (result == 0.0 && x != 0.0) throw_float_underflow();
  return result;
}

double float8_sqrt(double value) {
  if (value < 0) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "cannot take square root of a negative number");
  }
  return std::sqrt(value);
}

}  // namespace chalkdb
