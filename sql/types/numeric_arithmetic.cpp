#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/numeric_support.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;
using namespace numeric_support;

// ---- arithmetic ----------------------------------------------------------------------------

Numeric Numeric::with_scale(int scale) const {
  Numeric result = *this;
  multiply_pow10(result.coefficient_, scale - scale_);
  result.scale_ = scale;
  return result;
}

Numeric Numeric::multiply_rounded(const Numeric& other, int result_scale) const {
  return from_parts(coefficient_ * other.coefficient_, scale_ + other.scale_).rounded_to(result_scale);
}

Numeric Numeric::operator-() const {
  switch (kind_) {
    case Kind::NaN: return *this;
    case Kind::PositiveInfinity: return infinity(true);
    case Kind::NegativeInfinity: return infinity(false);
    case Kind::Finite: break;
  }
  Numeric result = *this;
  result.coefficient_ = -result.coefficient_;
  return result;
}

Numeric Numeric::abs() const { return is_negative() ? -*this : *this; }

// NaN and infinity rules of numeric_add/sub/mul/div/mod/div_trunc in PostgreSQL 14+.
Numeric Numeric::special_arithmetic(char op, const Numeric& other) const {
  if (is_nan() || other.is_nan()) return nan();
  int a = sign();
  int b = other.sign();
  switch (op) {
    case '+':
      if (is_infinite() && other.is_infinite()) return a == b ? *this : nan();
      return is_infinite() ? *this : other;
    case '-':
      if (is_infinite() && other.is_infinite()) return a != b ? *this : nan();
      return is_infinite() ? *this : -other;
    case '*':
      if (a == 0 || b == 0) return nan();
      return infinity(a != b);
    case '/':
    case 'd':
      if (is_infinite()) {
        if (other.is_infinite()) return nan();
        if (b == 0) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
        return infinity(a != b);
      }
      return Numeric();  // finite / infinity
    case '%':
      if (is_infinite()) {
        if (b == 0) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
        return nan();
      }
      return *this;  // finite % infinity
  }
  return nan();
}

Numeric Numeric::operator+(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('+', other);
  Numeric result;
  if (scale_ == other.scale_) {
    result.coefficient_ = coefficient_ + other.coefficient_;
    result.scale_ = scale_;
  } else {
    BigInt x, y;
    result.scale_ = align(*this, other, x, y);
    result.coefficient_ = x + y;
  }
  result.check_limits();
  return result;
}

Numeric Numeric::operator-(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('-', other);
  return *this + -other;
}

Numeric& Numeric::operator+=(const Numeric& other) {
  if (!is_finite() || !other.is_finite()) {
    *this = *this + other;
    return *this;
  }
  if (other.scale_ > scale_) {
    multiply_pow10(coefficient_, other.scale_ - scale_);
    scale_ = other.scale_;
  }
  if (other.scale_ == scale_) {
    coefficient_ += other.coefficient_;
  } else {
    BigInt addend = other.coefficient_;
    multiply_pow10(addend, scale_ - other.scale_);
    coefficient_ += addend;
  }
  return *this;
}

void Numeric::add_int64(int64_t value) {
  if (!is_finite()) return;
  if (scale_ == 0) {
    coefficient_ += value;
    return;
  }
  BigInt addend = value;
  multiply_pow10(addend, scale_);
  coefficient_ += addend;
}

Numeric Numeric::operator*(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('*', other);
  Numeric result = from_parts(coefficient_ * other.coefficient_, scale_ + other.scale_);
  if (result.scale_ > kMaxStoredScale) result = result.rounded_to(kMaxStoredScale);
  result.check_limits();
  return result;
}

// PostgreSQL's select_div_scale: enough digits for NUMERIC_MIN_SIG_DIGITS significant digits
// of the quotient, estimated from the base-10000 weights and first digits of the operands.
int Numeric::division_scale(const Numeric& divisor) const {
  auto weight_and_first_digit = [](const Numeric& n) -> std::pair<int, int> {
    if (n.coefficient_.is_zero()) return {0, 0};
    int exponent = n.decimal_exponent();
    int weight = floor_div(exponent, kBaseDigits);
    int wanted = exponent - weight * kBaseDigits + 1;  // digits in the first base-10000 digit
    BigInt magnitude = boost::multiprecision::abs(n.coefficient_);
    int digits = digit_count(magnitude);
    if (digits >= wanted) magnitude /= pow10(digits - wanted);
    else multiply_pow10(magnitude, wanted - digits);
    return {weight, magnitude.convert_to<int>()};
  };
  auto [weight1, first1] = weight_and_first_digit(*this);
  auto [weight2, first2] = weight_and_first_digit(divisor);
  int quotient_weight = weight1 - weight2;
  if (first1 <= first2) --quotient_weight;
  return clamp_scale(kMinSignificantDigits - quotient_weight * kBaseDigits, scale_,
                            divisor.scale_);
}

// The exact quotient rounded half away from zero to `result_scale` digits (div_var, round).
Numeric Numeric::divide_rounded(const Numeric& divisor, int result_scale) const {
  if (divisor.coefficient_.is_zero()) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
  BigInt numerator = boost::multiprecision::abs(coefficient_);
  BigInt denominator = boost::multiprecision::abs(divisor.coefficient_);
  int shift = result_scale + divisor.scale_ - scale_;
  if (shift >= 0) multiply_pow10(numerator, shift);
  else multiply_pow10(denominator, -shift);
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(numerator, denominator, quotient, remainder);
  if (remainder * 2 >= denominator) ++quotient;
  if (coefficient_.sign() * divisor.coefficient_.sign() < 0) quotient = -quotient;
  Numeric result = from_parts(std::move(quotient), std::max(result_scale, 0));
  if (result_scale < 0) multiply_pow10(result.coefficient_, -result_scale);
  return result;
}

Numeric Numeric::divide_to_scale(const Numeric& divisor, int result_scale) const {
  if (!is_finite() || !divisor.is_finite()) return special_arithmetic('/', divisor);
  Numeric result = divide_rounded(divisor, result_scale);
  result.check_limits();
  return result;
}

Numeric Numeric::operator/(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('/', other);
  if (other.coefficient_.is_zero()) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
  return divide_to_scale(other, division_scale(other));
}

Numeric Numeric::divide_truncated(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('d', other);
  if (other.coefficient_.is_zero()) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
  BigInt x, y;
  align(*this, other, x, y);
  return from_parts(x / y, 0);
}

Numeric Numeric::operator%(const Numeric& other) const {
  if (!is_finite() || !other.is_finite()) return special_arithmetic('%', other);
  if (other.coefficient_.is_zero()) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
  BigInt x, y;
  int scale = align(*this, other, x, y);
  return from_parts(x % y, scale);  // C++ remainder keeps the dividend's sign, like mod_var
}

}  // namespace chalkdb
