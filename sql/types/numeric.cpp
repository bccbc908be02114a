#include "sql/types/numeric.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/float_io.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;

namespace {

constexpr int kPow10Cached = 512;

const std::vector<BigInt>& pow10_table() {
  static const std::vector<BigInt> table = [] {
    std::vector<BigInt> t(kPow10Cached);
    t[0] = 1;
    for (int i = 1; i < kPow10Cached; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  return table;
}

BigInt pow10(int n) {
  if (n < kPow10Cached) return pow10_table()[n];
  return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(n));
}

void multiply_pow10(BigInt& value, int n) {
  if (n <= 0) return;
  if (n < kPow10Cached) value *= pow10_table()[n];
  else value *= pow10(n);
}

bool fits_one_limb(const BigInt& value) { return value.backend().size() == 1; }
uint64_t low_limb(const BigInt& value) { return value.backend().limbs()[0]; }

int uint64_digits(uint64_t v) {
  int digits = 1;
  while (v >= 10) {
    v /= 10;
    ++digits;
  }
  return digits;
}

// Decimal digits of a positive integer.
int digit_count(const BigInt& magnitude) {
  if (fits_one_limb(magnitude)) return uint64_digits(low_limb(magnitude));
  auto bits = static_cast<double>(boost::multiprecision::msb(magnitude));
  int digits = static_cast<int>(bits * 0.30102999566398120) + 1;
  if (magnitude >= pow10(digits)) ++digits;
  else if (magnitude < pow10(digits - 1)) --digits;
  return digits;
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

SqlError syntax_error(std::string_view text) {
  return SqlError(sqlstate::kInvalidTextRepresentation,
                  fmt::format("invalid input syntax for type numeric: \"{}\"", text));
}

SqlError overflow_error() {
  return SqlError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}

bool only_spaces(std::string_view rest) {
  for (char c : rest)
    if (!is_space(c)) return false;
  return true;
}

}  // namespace

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

Numeric Numeric::from_double(double value) {
  if (std::isnan(value)) return nan();
  if (std::isinf(value)) return infinity(value < 0);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*g", std::numeric_limits<double>::digits10, value);
  return parse(buffer);
}

Numeric Numeric::from_float(float value) {
  if (std::isnan(value)) return nan();
  if (std::isinf(value)) return infinity(value < 0);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*g", std::numeric_limits<float>::digits10,
                static_cast<double>(value));
  return parse(buffer);
}

Numeric Numeric::parse(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  std::string_view rest = text.substr(pos);
  // numeric_in's special spellings, longest first.
  static constexpr std::array<std::pair<std::string_view, Kind>, 7> kSpecials{{
      {"nan", Kind::NaN},
      {"infinity", Kind::PositiveInfinity},
      {"+infinity", Kind::PositiveInfinity},
      {"-infinity", Kind::NegativeInfinity},
      {"inf", Kind::PositiveInfinity},
      {"+inf", Kind::PositiveInfinity},
      {"-inf", Kind::NegativeInfinity},
  }};
  for (const auto& [spelling, kind] : kSpecials) {
    if (starts_with_nocase(rest, spelling)) {
      if (!only_spaces(rest.substr(spelling.size()))) throw syntax_error(text);
      return Numeric(kind);
    }
  }

  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  BigInt digits;
  uint64_t chunk = 0;
  int chunk_length = 0;
  int digit_total = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c >= '0' && c <= '9') {
      chunk = chunk * 10 + static_cast<uint64_t>(c - '0');
      ++digit_total;
      if (seen_point) ++fraction_digits;
      if (++chunk_length == 18) {
        digits = digits * pow10_table()[18] + chunk;
        chunk = 0;
        chunk_length = 0;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (digit_total == 0) throw syntax_error(text);
  digits = digits * pow10_table()[chunk_length] + chunk;

  int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    // strtol semantics: optional spaces and sign, then at least one digit.
    size_t p = pos + 1;
    while (p < text.size() && is_space(text[p])) ++p;
    bool exponent_negative = false;
    if (p < text.size() && (text[p] == '+' || text[p] == '-')) exponent_negative = text[p++] == '-';
    size_t first_digit = p;
    while (p < text.size() && text[p] >= '0' && text[p] <= '9') {
      if (exponent < INT_MAX) exponent = exponent * 10 + (text[p] - '0');
      ++p;
    }
    if (p == first_digit) throw syntax_error(text);
    if (exponent >= INT_MAX / 2) throw overflow_error();
    if (exponent_negative) exponent = -exponent;
    pos = p;
  }
  if (!only_spaces(text.substr(pos))) throw syntax_error(text);

  int64_t scale = std::max<int64_t>(0, fraction_digits - exponent);
  // Refuse out-of-range values before building a huge coefficient for them.
  int significant = digits.is_zero() ? 0 : digit_count(digits);
  if (scale > kMaxStoredScale || significant - fraction_digits + exponent > kMaxIntegerDigits)
    throw overflow_error();
  multiply_pow10(digits, static_cast<int>(exponent - fraction_digits + scale));
  return from_parts(negative ? BigInt(-digits) : std::move(digits), static_cast<int>(scale));
}

void Numeric::check_limits() const {
  if (!is_finite()) return;
  if (scale_ > kMaxStoredScale) throw overflow_error();
  // Only a coefficient of more than ~131072 digits can exceed the integer-digit limit.
  if (coefficient_.backend().size() > 6000 &&
      decimal_exponent() + 1 > kMaxIntegerDigits)
    throw overflow_error();
}

// ---- text output ---------------------------------------------------------------------------

std::string Numeric::to_string() const {
  std::string out;
  append_to(out);
  return out;
}

void Numeric::append_to(std::string& out) const {
  switch (kind_) {
    case Kind::NaN: out.append("NaN"); return;
    case Kind::PositiveInfinity: out.append("Infinity"); return;
    case Kind::NegativeInfinity: out.append("-Infinity"); return;
    case Kind::Finite: break;
  }
  char small[24];
  std::string large;
  std::string_view digits;
  if (fits_one_limb(coefficient_)) {
    auto end = std::to_chars(small, small + sizeof(small), low_limb(coefficient_)).ptr;
    digits = std::string_view(small, static_cast<size_t>(end - small));
  } else {
    large = BigInt(boost::multiprecision::abs(coefficient_)).str();
    digits = large;
  }
  if (coefficient_.sign() < 0) out.push_back('-');
  auto scale = static_cast<size_t>(scale_);
  if (scale == 0) {
    out.append(digits);
  } else if (digits.size() > scale) {
    out.append(digits.substr(0, digits.size() - scale));
    out.push_back('.');
    out.append(digits.substr(digits.size() - scale));
  } else {
    out.append("0.");
    out.append(scale - digits.size(), '0');
    out.append(digits);
  }
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

double Numeric::approximate_double() const {
  if (is_finite() && !coefficient_.is_zero()) {
    int exponent = decimal_exponent();
    if (exponent > 308) return is_negative() ? -HUGE_VAL : HUGE_VAL;
    if (exponent < -330) return 0.0;
  }
  return to_double();
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

namespace {

// Brings both coefficients to the larger scale.
int align(const Numeric& a, const Numeric& b, BigInt& x, BigInt& y) {
  int scale = std::max(a.scale(), b.scale());
  x = a.coefficient();
  y = b.coefficient();
  multiply_pow10(x, scale - a.scale());
  multiply_pow10(y, scale - b.scale());
  return scale;
}

}  // namespace

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
