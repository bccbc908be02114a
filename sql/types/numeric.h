// Numeric: the exact decimal type `numeric` with PostgreSQL's semantics.
//
// A finite value is coefficient * 10^-scale, where `scale` is PostgreSQL's display scale
// (dscale): 1.50 keeps scale 2 and prints "1.50". NaN and +/-Infinity are supported as in
// PostgreSQL 14+. Every operation picks its result scale with PostgreSQL's rules (add/sub: the
// larger input scale; mul: the sum; div: select_div_scale, at least 16 significant digits),
// rounds half away from zero like round_var, and raises PostgreSQL's errors.
//
// sqrt, exp, ln, log and power follow numeric.c's algorithms step by step (same working
// scales and series), so they print the digits PostgreSQL 15 prints.
//
// Differences from PostgreSQL: the coefficient is a binary big integer (boost cpp_int) rather
// than base-10000 digits, which is invisible to users except in speed.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace chalkdb {

class Numeric {
 public:
  using BigInt = boost::multiprecision::cpp_int;

  // PostgreSQL's limits (numeric.h): typmod precision, display scales and digit counts.
  static constexpr int kMaxPrecision = 1000;
  static constexpr int kMinScale = -1000;
  static constexpr int kMaxDisplayScale = 1000;
  static constexpr int kMaxResultScale = 2000;
  static constexpr int kMaxStoredScale = 16383;
  static constexpr int kMaxIntegerDigits = 131072;
  static constexpr int kMinSignificantDigits = 16;

  Numeric() = default;  // 0
  static Numeric from_int64(int64_t value);
  // PostgreSQL's float8_numeric: the value printed with 15 significant digits, then parsed.
  static Numeric from_double(double value);
  // float4_numeric: the same with 6 significant digits.
  static Numeric from_float(float value);
  static Numeric nan();
  static Numeric infinity(bool negative = false);
  // coefficient * 10^-scale, scale >= 0.
  static Numeric from_parts(BigInt coefficient, int scale);

  // numeric_in: leading/trailing spaces, sign, digits with optional point and exponent,
  // NaN / Infinity / inf in any case. Throws 22P02 on bad syntax, 22003 on overflow.
  static Numeric parse(std::string_view text);

  std::string to_string() const;
  void append_to(std::string& out) const;

  bool is_nan() const { return kind_ == Kind::NaN; }
  bool is_infinite() const { return kind_ == Kind::PositiveInfinity || kind_ == Kind::NegativeInfinity; }
  bool is_finite() const { return kind_ == Kind::Finite; }
  bool is_zero() const { return is_finite() && coefficient_.is_zero(); }
  bool is_negative() const;
  int sign() const;  // -1, 0, 1 (NaN: 0)
  int scale() const { return scale_; }
  const BigInt& coefficient() const { return coefficient_; }
  bool is_integral() const;

  // Conversions round half away from zero and fail like numeric_int2/4/8 (22003 "smallint out
  // of range" etc., 0A000 "cannot convert NaN to integer").
  int16_t to_int16() const;
  int32_t to_int32() const;
  int64_t to_int64() const;
  double to_double() const;  // NaN and infinities map to their float counterparts
  float to_float() const;    // 22003 "value out of range: overflow" / "underflow" like float4

  Numeric operator-() const;
  Numeric abs() const;
  Numeric operator+(const Numeric& other) const;
  Numeric operator-(const Numeric& other) const;
  Numeric operator*(const Numeric& other) const;
  Numeric operator/(const Numeric& other) const;  // 22012 on zero divisor
  Numeric operator%(const Numeric& other) const;  // sign of the dividend, like mod_var
  // In-place sum for aggregates: no temporary when the scales agree.
  Numeric& operator+=(const Numeric& other);
  void add_int64(int64_t value);
  // numeric_div_trunc (div()): the integral part of the quotient.
  Numeric divide_truncated(const Numeric& other) const;
  // The quotient rounded half away from zero to `scale` digits (avg uses the division scale
  // of its own choosing this way).
  Numeric divide_to_scale(const Numeric& divisor, int scale) const;

  // round(x, s) / trunc(x, s): s may be negative (round(1234.5, -2) = 1200); the result's
  // display scale is max(s, 0), s being clamped to what a numeric can hold.
  Numeric round(int scale) const;
  Numeric trunc(int scale) const;
  Numeric ceil() const;
  Numeric floor() const;
  Numeric sqrt() const;                         // 2201F on a negative input
  Numeric sqrt_to_scale(int result_scale) const;  // sqrt_var: rounded to result_scale digits
  Numeric power(const Numeric& exponent) const; // numeric ^ numeric, power()
  Numeric exp() const;
  Numeric ln() const;                           // 2201E on zero or a negative input
  Numeric log(const Numeric& value) const;      // logarithm of `value` in base *this
  Numeric sign_value() const;                   // sign(): -1, 0 or 1 as numeric

  // numeric(p,s) typmod: rounds to s and fails with 22003 "numeric field overflow" and
  // PostgreSQL's DETAIL when the value needs more than p - s integer digits.
  Numeric apply_typmod(int32_t typmod) const;

  // Total order as PostgreSQL sorts numerics: -Infinity < finite < Infinity < NaN, and NaN
  // equals NaN. Values differing only in trailing zeros (1.0, 1.00) compare equal.
  int compare(const Numeric& other) const;
  friend bool operator==(const Numeric& a, const Numeric& b) { return a.compare(b) == 0; }
  friend std::strong_ordering operator<=>(const Numeric& a, const Numeric& b) {
    return a.compare(b) <=> 0;
  }
  // Same value and same display scale.
  bool identical(const Numeric& other) const;
  // Equal for values that compare equal (trailing zeros do not matter).
  size_t hash() const;

 private:
  enum class Kind : uint8_t { Finite, NaN, PositiveInfinity, NegativeInfinity };

  Numeric(Kind kind) : kind_(kind) {}

  // The scale rules below come from PostgreSQL's numeric.c, which works in base-10000 digits;
  // base_weight() is the weight of the leading base-10000 digit (0 for zero).
  static constexpr int kBaseDigits = 4;  // decimal digits per base-10000 digit
  static int clamp_scale(int rscale, int scale1, int scale2);
  Numeric with_scale(int scale) const;   // exact rescale to a larger scale
  Numeric rounded_to(int scale) const;   // round half away from zero, scale may be < 0
  Numeric truncated_to(int scale) const;
  int decimal_exponent() const;          // floor(log10(|x|)), x finite and non-zero
  int base_weight() const;
  double approximate_double() const;     // +/-HUGE_VAL instead of an overflow error
  int division_scale(const Numeric& divisor) const;
  Numeric divide_rounded(const Numeric& divisor, int result_scale) const;
  Numeric multiply_rounded(const Numeric& other, int result_scale) const;
  Numeric ln_to_scale(int result_scale) const;
  Numeric exp_to_scale(int result_scale) const;
  int estimate_ln_exponent() const;
  Numeric power_special(const Numeric& exponent) const;
  Numeric power_integer(int exponent) const;
  Numeric power_fractional(const Numeric& exponent) const;
  Numeric special_arithmetic(char op, const Numeric& other) const;
  void check_limits() const;

  BigInt coefficient_;
  int32_t scale_ = 0;
  Kind kind_ = Kind::Finite;
};

}  // namespace chalkdb
