#include <fmt/format.h>

#include <algorithm>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/numeric_support.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;
using namespace numeric_support;

// ---- rounding ------------------------------------------------------------------------------

Numeric Numeric::rounded_to(int target) const {
  if (target >= scale_) return with_scale(target);
  BigInt divisor = pow10(scale_ - target);
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(coefficient_, divisor, quotient, remainder);
  if (boost::multiprecision::abs(remainder) * 2 >= divisor) quotient += coefficient_.sign();
  Numeric result = from_parts(std::move(quotient), std::max(target, 0));
  if (target < 0) multiply_pow10(result.coefficient_, -target);
  return result;
}

Numeric Numeric::truncated_to(int target) const {
  if (target >= scale_) return with_scale(target);
  Numeric result = from_parts(coefficient_ / pow10(scale_ - target), std::max(target, 0));
  if (target < 0) multiply_pow10(result.coefficient_, -target);
  return result;
}

Numeric Numeric::round(int scale) const {
  if (!is_finite()) return *this;
  scale = std::clamp(scale, -kMaxIntegerDigits - 1, kMaxStoredScale);
  return rounded_to(scale);
}

Numeric Numeric::trunc(int scale) const {
  if (!is_finite()) return *this;
  scale = std::clamp(scale, -kMaxIntegerDigits - 1, kMaxStoredScale);
  return truncated_to(scale);
}

Numeric Numeric::ceil() const {
  if (!is_finite()) return *this;
  Numeric result = truncated_to(0);
  if (coefficient_.sign() > 0 && result.with_scale(scale_).coefficient_ != coefficient_)
    ++result.coefficient_;
  return result;
}

Numeric Numeric::floor() const {
  if (!is_finite()) return *this;
  Numeric result = truncated_to(0);
  if (coefficient_.sign() < 0 && result.with_scale(scale_).coefficient_ != coefficient_)
    --result.coefficient_;
  return result;
}

Numeric Numeric::sign_value() const {
  if (is_nan()) return *this;
  return from_int64(sign());
}

Numeric Numeric::apply_typmod(int32_t typmod) const {
  if (typmod < 4 || is_nan()) return *this;
  int precision = numeric_typmod_precision(typmod);
  int scale = numeric_typmod_scale(typmod);
  if (is_infinite()) {
    throw SqlError(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
        .with_detail(fmt::format("A field with precision {}, scale {} cannot hold an infinite value.",
                                 precision, scale));
  }
  Numeric result = rounded_to(scale);
  int max_digits = precision - scale;
  if (!result.coefficient_.is_zero() && result.decimal_exponent() + 1 > max_digits) {
    throw SqlError(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
        .with_detail(fmt::format(
            "A field with precision {}, scale {} must round to an absolute value less than {}{}.",
            precision, scale, max_digits != 0 ? "10^" : "", max_digits != 0 ? max_digits : 1));
  }
  return result;
}

}  // namespace chalkdb
