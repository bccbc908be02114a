#include <fmt/format.h>

#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <limits>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/numeric_support.h"

namespace chalkdb {

using BigInt = Numeric::BigInt;
using namespace numeric_support;

namespace {

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

bool only_spaces(std::string_view rest) {
  for (char c : rest)
    if (!is_space(c)) return false;
  return true;
}

}  // namespace

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
    large = decimal_string(boost::multiprecision::abs(coefficient_));
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

}  // namespace chalkdb
