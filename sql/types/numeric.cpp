#include "sql/types/numeric.h"

#include <fmt/format.h>

#include <climits>
#include <cmath>
#include <limits>

#include "sql/error/sql_error.h"
#include "sql/types/float_io.h"
#include "sql/types/numeric_support.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;
using namespace numeric_support;

int Numeric::clamp_scale(int rscale, int scale1, int scale2) {
  rscale = std::max({rscale, scale1, scale2, 0});
  return std::min(rscale, kMaxDisplayScale);
}

// ---- construction --------------------------------------------------------------------------

Numeric Numeric::from_int64(int64_t value) {
  Numeric n;
  n.coefficient_ = value;
  return n;
}

Numeric Numeric::from_parts(BigInt coefficient, int scale) {
  Numeric n;
  n.coefficient_ = std::move(coefficient);
  n.scale_ = scale;
  return n;
}

Numeric Numeric::nan() { return Numeric(Kind::NaN); }

Numeric Numeric::infinity(bool negative) {
  return Numeric(negative ? Kind::NegativeInfinity : Kind::PositiveInfinity);
}

void Numeric::check_limits() const {
  if (!is_finite()) return;
  if (scale_ > kMaxStoredScale) throw overflow_error();
  // Only a coefficient of more than ~131072 digits can exceed the integer-digit limit.
  if (coefficient_.backend().size() > 6000 &&
      decimal_exponent() + 1 > kMaxIntegerDigits)
    throw overflow_error();
}

// ---- properties ----------------------------------------------------------------------------

bool Numeric::is_negative() const {
  return kind_ == Kind::NegativeInfinity || (is_finite() && coefficient_.sign() < 0);
}

int Numeric::sign() const {
  switch (kind_) {
    case Kind::NaN: return 0;
    case Kind::PositiveInfinity: return 1;
    case Kind::NegativeInfinity: return -1;
    case Kind::Finite: break;
  }
  return coefficient_.sign();
}

bool Numeric::is_integral() const {
  if (!is_finite()) return false;
  if (scale_ == 0 || coefficient_.is_zero()) return true;
  return coefficient_ % pow10(scale_) == 0;
}

int Numeric::decimal_exponent() const {
  return digit_count(boost::multiprecision::abs(coefficient_)) - 1 - scale_;
}

int Numeric::base_weight() const {
  return coefficient_.is_zero() ? 0 : floor_div(decimal_exponent(), kBaseDigits);
}

// ---- conversions ---------------------------------------------------------------------------

namespace {

int64_t checked_integer(const Numeric& n, const char* type_name, const char* range_message,
                        int64_t min, int64_t max) {
  if (n.is_nan()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("cannot convert NaN to {}", type_name));
  }
  if (n.is_infinite()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("cannot convert infinity to {}", type_name));
  }
  Numeric rounded = n.round(0);
  const BigInt& value = rounded.coefficient();
  if (value < min || value > max) throw SqlError(sqlstate::kNumericValueOutOfRange, range_message);
  return value.convert_to<int64_t>();
}

}  // namespace

int16_t Numeric::to_int16() const {
  return static_cast<int16_t>(
      checked_integer(*this, "smallint", "smallint out of range", INT16_MIN, INT16_MAX));
}

int32_t Numeric::to_int32() const {
  return static_cast<int32_t>(
      checked_integer(*this, "integer", "integer out of range", INT32_MIN, INT32_MAX));
}

int64_t Numeric::to_int64() const {
  return checked_integer(*this, "bigint", "bigint out of range", INT64_MIN, INT64_MAX);
}

double Numeric::to_double() const {
  switch (kind_) {
    case Kind::NaN: return std::numeric_limits<double>::quiet_NaN();
    case Kind::PositiveInfinity: return std::numeric_limits<double>::infinity();
    case Kind::NegativeInfinity: return -std::numeric_limits<double>::infinity();
    case Kind::Finite: break;
  }
  // An integer below 2^53 divided by an exactly representable power of ten is correctly
  // rounded, so it equals what strtod makes of the text form (PostgreSQL's way).
  static constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (fits_one_limb(coefficient_) && low_limb(coefficient_) < (uint64_t{1} << 53) && scale_ <= 22) {
    double magnitude = static_cast<double>(low_limb(coefficient_)) / kExactPowers[scale_];
    return coefficient_.sign() < 0 ? -magnitude : magnitude;
  }
  return parse_float8(to_string());
}

float Numeric::to_float() const {
  switch (kind_) {
    case Kind::NaN: return std::numeric_limits<float>::quiet_NaN();
    case Kind::PositiveInfinity: return std::numeric_limits<float>::infinity();
    case Kind::NegativeInfinity: return -std::numeric_limits<float>::infinity();
    case Kind::Finite: break;
  }
  return parse_float4(to_string());
}

double Numeric::approximate_double() const {
  if (is_finite() && !coefficient_.is_zero()) {
    int exponent = decimal_exponent();
    if (exponent > 308) return is_negative() ? -HUGE_VAL : HUGE_VAL;
    if (exponent < -330) return 0.0;
  }
  return to_double();
}

// ---- comparison ----------------------------------------------------------------------------

int Numeric::compare(const Numeric& other) const {
  auto rank = [](Kind kind) {
    switch (kind) {
      case Kind::NegativeInfinity: return 0;
      case Kind::Finite: return 1;
      case Kind::PositiveInfinity: return 2;
      case Kind::NaN: return 3;
    }
    return 3;
  };
  int rank_a = rank(kind_);
  int rank_b = rank(other.kind_);
  if (rank_a != rank_b) return rank_a < rank_b ? -1 : 1;
  if (!is_finite()) return 0;
  int sign_a = coefficient_.sign();
  int sign_b = other.coefficient_.sign();
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  int c;
  if (scale_ == other.scale_) {
    c = coefficient_.compare(other.coefficient_);
  } else {
    BigInt x, y;
    align(*this, other, x, y);
    c = x.compare(y);
  }
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool Numeric::identical(const Numeric& other) const {
  return kind_ == other.kind_ && scale_ == other.scale_ && coefficient_ == other.coefficient_;
}

size_t Numeric::hash() const {
  if (!is_finite()) return 0x9e3779b97f4a7c15ULL * (static_cast<size_t>(kind_) + 1);
  // Strip trailing zeros so that 1.0, 1.00 and 1 hash alike.
  BigInt value = coefficient_;
  int scale = scale_;
  while (scale > 0 && !value.is_zero()) {
    BigInt quotient, remainder;
    boost::multiprecision::divide_qr(value, BigInt(10), quotient, remainder);
    if (!remainder.is_zero()) break;
    value = std::move(quotient);
    --scale;
  }
  if (value.is_zero()) scale = 0;
  size_t h = std::hash<int>{}(scale) ^ (static_cast<size_t>(value.sign() + 1) << 1);
  const auto& backend = value.backend();
  for (unsigned i = 0; i < backend.size(); ++i)
    h = (h ^ std::hash<uint64_t>{}(backend.limbs()[i])) * 0x100000001b3ULL;
  return h;
}

}  // namespace chalkdb
