#include "sql/types/numeric_support.h"

#include <fmt/format.h>

namespace chalkdb::numeric_support {

namespace {

constexpr int kPow10Cached = 512;

int uint64_digits(uint64_t v) {
  int digits = 1;
  while (v >= 10) {
    v /= 10;
    ++digits;
  }
  return digits;
}

}  // namespace

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

// Decimal digits of a positive integer.
int digit_count(const BigInt& magnitude) {
  if (fits_one_limb(magnitude)) return uint64_digits(low_limb(magnitude));
  auto bits = static_cast<double>(boost::multiprecision::msb(magnitude));
  int digits = static_cast<int>(bits * 0.30102999566398120) + 1;
  if (magnitude >= pow10(digits)) ++digits;
  else if (magnitude < pow10(digits - 1)) --digits;
  return digits;
}

std::string decimal_string(const BigInt& magnitude) {
  if (fits_one_limb(magnitude)) return fmt::format("{}", low_limb(magnitude));
  // Base-10^18 chunks, least significant first.
  std::vector<uint64_t> chunks;
  BigInt rest = magnitude;
  BigInt quotient, remainder;
  while (!rest.is_zero()) {
    boost::multiprecision::divide_qr(rest, pow10_table()[18], quotient, remainder);
    chunks.push_back(remainder.convert_to<uint64_t>());
    rest = std::move(quotient);
  }
  std::string out = fmt::format("{}", chunks.back());
  for (auto chunk = chunks.rbegin() + 1; chunk != chunks.rend(); ++chunk) out += fmt::format("{:018}", *chunk);
  return out;
}

// Brings both coefficients to the larger scale.
int align(const Numeric& a, const Numeric& b, BigInt& x, BigInt& y) {
  int scale = std::max(a.scale(), b.scale());
  x = a.coefficient();
  y = b.coefficient();
  multiply_pow10(x, scale - a.scale());
  multiply_pow10(y, scale - b.scale());
  return scale;
}

SqlError overflow_error() {
  return SqlError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
}

}  // namespace chalkdb::numeric_support
