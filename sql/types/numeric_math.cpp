#include <algorithm>
#include <climits>
#include <cmath>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/numeric_support.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;
using namespace numeric_support;

// ---- square root, logarithm, exponential and power -------------------------------------------
//
// These follow numeric.c's sqrt_var, ln_var, exp_var, power_var and power_var_int step by step
// (same working scales, same series), so the digits printed match PostgreSQL's.

Numeric Numeric::sqrt() const {
  if (is_nan()) return *this;
  if (is_negative()) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "cannot take square root of a negative number");
  }
  if (is_infinite()) return *this;
  int result_weight = (base_weight() + 1) * kBaseDigits / 2 - 1;
  return sqrt_to_scale(clamp_scale(kMinSignificantDigits - result_weight, scale_, 0));
}

Numeric Numeric::sqrt_to_scale(int result_scale) const {
  int shift = 2 * result_scale - scale_;
  if (shift < 0) return sqrt_to_scale((scale_ + 1) / 2).rounded_to(result_scale);
  // round(sqrt(N)) = floor((floor(2 * sqrt(N)) + 1) / 2) and floor(2 * sqrt(N)) = isqrt(4N).
  BigInt n = coefficient_;
  multiply_pow10(n, shift);
  BigInt root = boost::multiprecision::sqrt(BigInt(n * 4));
  return from_parts((root + 1) / 2, result_scale);
}

int Numeric::estimate_ln_exponent() const {
  if (sign() <= 0) return 0;
  static const Numeric kPointNine = from_parts(9, 1);
  static const Numeric kOnePointOne = from_parts(11, 1);
  if (compare(kPointNine) >= 0 && compare(kOnePointOne) <= 0) {
    // ln(1 + x) ~= x
    Numeric x = *this - from_int64(1);
    return x.is_zero() ? 0 : x.decimal_exponent();
  }
  // x ~= digits * 10^exponent from its leading two base-10000 digits.
  int exponent = (base_weight() - 1) * kBaseDigits;
  BigInt digits = coefficient_;
  int drop = scale_ + exponent;
  if (drop >= 0) digits /= pow10(drop);
  else multiply_pow10(digits, -drop);
  double ln_value = std::log(digits.convert_to<double>()) + exponent * 2.302585092994046;
  return static_cast<int>(std::log10(std::fabs(ln_value)));
}

Numeric Numeric::ln() const {
  if (is_nan()) return *this;
  if (is_zero()) throw SqlError(sqlstate::kInvalidArgumentForLog, "cannot take logarithm of zero");
  if (is_negative()) {
    throw SqlError(sqlstate::kInvalidArgumentForLog,
                   "cannot take logarithm of a negative number");
  }
  if (is_infinite()) return *this;
  return ln_to_scale(clamp_scale(kMinSignificantDigits - estimate_ln_exponent(), scale_, 0));
}

Numeric Numeric::ln_to_scale(int result_scale) const {
  static const Numeric kPointNine = from_parts(9, 1);
  static const Numeric kOnePointOne = from_parts(11, 1);
  const Numeric one = from_int64(1);
  Numeric x = *this;
  Numeric factor = from_int64(2);
  int square_roots = 0;
  // Reduce x into (0.9, 1.1) with square roots, keeping enough digits at each step.
  while (x.compare(kPointNine) <= 0 || x.compare(kOnePointOne) >= 0) {
    int local_scale = result_scale - x.base_weight() * kBaseDigits / 2 + 8;
    x = x.sqrt_to_scale(local_scale);
    factor = factor * from_int64(2);
    ++square_roots;
  }
  // ln(x) = 2 * (z + z^3/3 + z^5/5 + ...) with z = (x - 1) / (x + 1).
  int local_scale = result_scale + static_cast<int>((square_roots + 1) * 0.301029995663981) + 8;
  Numeric result = (x - one).divide_rounded(x + one, local_scale);
  Numeric power = result;
  Numeric z_squared = result.multiply_rounded(result, local_scale);
  for (int n = 3;; n += 2) {
    power = power.multiply_rounded(z_squared, local_scale);
    Numeric term = power.divide_rounded(from_int64(n), local_scale);
    if (term.is_zero()) break;
    result = result + term;
    if (term.base_weight() < result.base_weight() - local_scale * 2 / kBaseDigits) break;
  }
  return result.multiply_rounded(factor, result_scale);
}

// numeric_log / log_var: the scales of both logarithms are chosen so that their quotient has
// at least 16 significant digits.
Numeric Numeric::log(const Numeric& value) const {
  if (is_nan() || value.is_nan()) return nan();
  if (is_negative() || value.is_negative()) {
    throw SqlError(sqlstate::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
  }
  if (is_zero() || value.is_zero()) {
    throw SqlError(sqlstate::kInvalidArgumentForLog, "cannot take logarithm of zero");
  }
  if (is_infinite()) return value.is_infinite() ? nan() : Numeric();
  if (value.is_infinite()) return value;
  int base_exponent = estimate_ln_exponent();
  int value_exponent = value.estimate_ln_exponent();
  int result_exponent = value_exponent - base_exponent;
  int result_scale = clamp_scale(kMinSignificantDigits - result_exponent, scale_, value.scale_);
  int base_scale = std::max(result_scale + result_exponent - base_exponent + 8, 0);
  int value_scale = std::max(result_scale + result_exponent - value_exponent + 8, 0);
  Numeric ln_base = ln_to_scale(base_scale);
  Numeric ln_value = value.ln_to_scale(value_scale);
  return ln_value.divide_rounded(ln_base, result_scale);
}

Numeric Numeric::exp() const {
  if (is_nan()) return *this;
  if (is_infinite()) return is_negative() ? Numeric() : *this;
  double weight = std::clamp(approximate_double() * 0.434294481903252,
                             static_cast<double>(-kMaxResultScale),
                             static_cast<double>(kMaxResultScale));
  return exp_to_scale(clamp_scale(kMinSignificantDigits - static_cast<int>(weight), scale_, 0));
}

Numeric Numeric::exp_to_scale(int result_scale) const {
  double value = approximate_double();
  if (std::fabs(value) >= kMaxResultScale * 3) {
    if (value > 0) throw overflow_error();
    return from_parts(0, result_scale);
  }
  int result_weight = static_cast<int>(value * 0.434294481903252);
  // Reduce |x| to about 0.01 by halving, then square the series' result back.
  Numeric x = *this;
  int halvings = 0;
  if (std::fabs(value) > 0.01) {
    do {
      ++halvings;
      value /= 2;
    } while (std::fabs(value) > 0.01);
    x = x.divide_rounded(from_int64(int64_t{1} << halvings), x.scale_ + halvings);
  }
  int significant = 1 + result_weight + result_scale + static_cast<int>(halvings * 0.301029995663981);
  significant = std::max(significant, 0) + 8;
  int local_scale = significant - 1;
  Numeric result = from_int64(1) + x;
  Numeric term = x.multiply_rounded(x, local_scale).divide_rounded(from_int64(2), local_scale);
  for (int n = 3; !term.is_zero(); ++n) {
    result = result + term;
    term = term.multiply_rounded(x, local_scale).divide_rounded(from_int64(n), local_scale);
  }
  while (halvings-- > 0) {
    local_scale = std::max(significant - result.base_weight() * 2 * kBaseDigits, 0);
    result = result.multiply_rounded(result, local_scale);
  }
  return result.rounded_to(result_scale);
}

// numeric_power's rules for NaN and infinite inputs (POSIX pow semantics).
Numeric Numeric::power_special(const Numeric& exponent) const {
  const Numeric one = from_int64(1);
  if (is_nan()) return exponent.is_zero() ? one : nan();
  if (exponent.is_nan()) return compare(one) == 0 ? one : nan();
  int base_sign = sign();
  int exponent_sign = exponent.sign();
  if (base_sign == 0 && exponent_sign < 0) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "zero raised to a negative power is undefined");
  }
  if (base_sign < 0 && exponent.is_finite() && !exponent.is_integral()) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "a negative number raised to a non-integer power yields a complex result");
  }
  if (is_finite() && compare(one) == 0) return one;
  if (exponent_sign == 0) return one;
  if (base_sign == 0 && exponent_sign > 0) return Numeric();
  if (exponent.is_infinite()) {
    if (is_finite() && compare(-one) == 0) return one;
    bool magnitude_above_one = !is_finite() || abs().compare(one) > 0;
    return magnitude_above_one == (exponent_sign > 0) ? infinity() : Numeric();
  }
  if (!is_negative()) return exponent_sign > 0 ? infinity() : Numeric();
  if (exponent_sign < 0) return Numeric();
  bool odd = (exponent.rounded_to(0).coefficient_ % 2) != 0;
  return infinity(odd);
}

Numeric Numeric::power(const Numeric& exponent) const {
  if (!is_finite() || !exponent.is_finite()) return power_special(exponent);
  if (is_zero() && exponent.is_negative()) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "zero raised to a negative power is undefined");
  }
  if (exponent.is_integral()) {
    BigInt value = exponent.rounded_to(0).coefficient_;
    if (value >= INT32_MIN && value <= INT32_MAX)
      return power_integer(value.convert_to<int>());
  }
  if (is_zero()) return from_parts(0, kMinSignificantDigits);
  if (is_negative() && !exponent.is_integral()) {
    throw SqlError(sqlstate::kInvalidArgumentForPowerFunction,
                   "a negative number raised to a non-integer power yields a complex result");
  }
  return power_fractional(exponent);
}

// PostgreSQL 15's power_var_int: the result scale is max(16, scale of the base) whatever the
// exponent (later releases changed this rule).
Numeric Numeric::power_integer(int exponent) const {
  int result_scale = clamp_scale(kMinSignificantDigits, scale_, 0);
  const Numeric one = from_int64(1);
  switch (exponent) {
    case 0: return from_parts(1, 0).with_scale(result_scale);
    case 1: return rounded_to(result_scale);
    case -1: return one.divide_rounded(*this, result_scale);
    case 2: return multiply_rounded(*this, result_scale);
    default: break;
  }
  if (is_zero()) {
    if (exponent < 0) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
    return from_parts(0, result_scale);
  }
  // Estimated decimal weight of the result from the leading digits of the base.
  BigInt magnitude = boost::multiprecision::abs(coefficient_);
  int digits = digit_count(magnitude);
  int kept = std::min(digits, 17);
  double leading = BigInt(magnitude / pow10(digits - kept)).convert_to<double>();
  double weight = exponent * (std::log10(leading) + (digits - kept) - scale_);
  if (weight > 3 * 32767 * kBaseDigits) throw overflow_error();
  if (weight + 1 < -result_scale || weight + 1 < -kMaxDisplayScale)
    return from_parts(0, result_scale);

  int significant = 1 + result_scale + static_cast<int>(weight);
  significant += static_cast<int>(std::log(std::fabs(static_cast<double>(exponent)))) + 8;
  bool negative_exponent = exponent < 0;
  auto mask = static_cast<unsigned>(negative_exponent ? -static_cast<int64_t>(exponent) : exponent);
  Numeric base_power = *this;
  Numeric result = (mask & 1) ? *this : one;
  while ((mask >>= 1) > 0) {
    int local = significant - 2 * base_power.base_weight() * kBaseDigits;
    local = std::max(std::min(local, 2 * base_power.scale_), 0);
    base_power = base_power.multiply_rounded(base_power, local);
    if (mask & 1) {
      local = significant - (base_power.base_weight() + result.base_weight()) * kBaseDigits;
      local = std::max(std::min(local, base_power.scale_ + result.scale_), 0);
      result = base_power.multiply_rounded(result, local);
    }
    if (base_power.base_weight() > 32767 || result.base_weight() > 32767) {
      if (!negative_exponent) throw overflow_error();
      return from_parts(0, result_scale);
    }
  }
  if (negative_exponent) return one.divide_rounded(result, result_scale);
  return result.rounded_to(result_scale);
}

Numeric Numeric::power_fractional(const Numeric& exponent) const {
  bool negative_result = false;
  Numeric base = *this;
  if (is_negative()) {  // only integral exponents too large for int32 get here
    negative_result = (exponent.rounded_to(0).coefficient_ % 2) != 0;
    base = abs();
  }
  int ln_exponent = base.estimate_ln_exponent();
  int local_scale = std::max(8 - ln_exponent, 0);
  Numeric ln_result = base.ln_to_scale(local_scale).multiply_rounded(exponent, local_scale);
  double value = ln_result.approximate_double();
  if (std::fabs(value) > kMaxResultScale * 3.01) {
    if (value > 0) throw overflow_error();
    return from_parts(0, kMaxDisplayScale);
  }
  value *= 0.434294481903252;
  int result_scale = clamp_scale(kMinSignificantDigits - static_cast<int>(value), base.scale_,
                                 exponent.scale_);
  int significant = std::max(result_scale + static_cast<int>(value), 0);
  local_scale = std::max(significant - ln_exponent + 8, 0);
  ln_result = base.ln_to_scale(local_scale).multiply_rounded(exponent, local_scale);
  Numeric result = ln_result.exp_to_scale(result_scale);
  return negative_result ? -result : result;
}

}  // namespace chalkdb
