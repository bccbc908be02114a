#include "sql/types/number_template.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/formatting_template.h"
#include "sql/types/numeric.h"

namespace chalkdb::formatting {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

// 10^exponent, for the V (shift) pattern of to_char/to_number.
Numeric power_of_ten(int exponent) {
  std::string digits(static_cast<size_t>(exponent) + 1, '0');
  digits[0] = '1';
  return Numeric::parse(digits);
}

struct NumberFormat {
  std::string_view pattern;
  int integer_digits = 0;  // 9/0 positions before the decimal point (and before V)
  int fraction_digits = 0;
  int shift = 0;           // V: digits multiplied in
  int zero_from = -1;      // first integer position printed as 0 when empty
  bool fill_mode = false, has_decimal = false, eeee = false, roman = false;
  bool explicit_sign = false;  // S, MI, PR, SG, PL decide where the sign goes
  bool bracket = false;
};

NumberFormat analyse(std::string_view pattern) {
  NumberFormat f;
  f.pattern = pattern;
  bool after_decimal = false, after_v = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(pattern[i])));
    if (starts_with_ci(pattern, i, "FM")) {
      f.fill_mode = true;
      ++i;
    } else if (starts_with_ci(pattern, i, "EEEE")) {
      f.eeee = true;
      i += 3;
    } else if (starts_with_ci(pattern, i, "RN")) {
      f.roman = true;
      ++i;
    } else if (starts_with_ci(pattern, i, "PR")) {
      f.explicit_sign = f.bracket = true;
      ++i;
    } else if (starts_with_ci(pattern, i, "MI") || starts_with_ci(pattern, i, "SG")) {
      f.explicit_sign = true;
      ++i;
    } else if (starts_with_ci(pattern, i, "PL") || starts_with_ci(pattern, i, "TH")) {
      ++i;
    } else if (c == 'S') {
      f.explicit_sign = true;
    } else if (c == '9' || c == '0') {
      if (after_v) ++f.shift;
      if (after_decimal) {
        ++f.fraction_digits;
      } else {
        if (c == '0' && f.zero_from < 0) f.zero_from = f.integer_digits;
        ++f.integer_digits;
      }
    } else if (c == '.' || c == 'D') {
      if (after_decimal) throw SqlError(sqlstate::kSyntaxError, "multiple decimal points");
      after_decimal = f.has_decimal = true;
    } else if (c == 'V') {
      after_v = true;
    }
  }
  return f;
}

std::string roman(int64_t n) {
  static constexpr std::pair<int, std::string_view> kNumerals[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
      {50, "L"},   {40, "XL"},  {10, "X"},  {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string out;
  for (auto [value, text] : kNumerals) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  return out;
}

// RN / rn: roman numerals in a 15-character field (#s outside 1..3999).
std::string format_roman(const Numeric& value, std::string_view pattern, const NumberFormat& f) {
  int64_t n = value.round(0).to_int64();
  std::string text = n >= 1 && n <= 3999 ? roman(n) : std::string(15, '#');
  if (std::islower(static_cast<unsigned char>(pattern[pattern.find_first_of("Rr")]))) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return f.fill_mode ? text : std::string(15 - std::min<size_t>(15, text.size()), ' ') + text;
}

// EEEE: scientific notation with the template's fraction digits.
std::string format_scientific(const Numeric& value, const NumberFormat& f) {
  double d = std::fabs(value.to_double());
  std::string text = fmt::format("{:.{}e}", d, f.fraction_digits);
  return std::string(value.is_negative() ? "-" : " ") + text;
}

std::string format_number(const Numeric& value, std::string_view pattern) {
  NumberFormat f = analyse(pattern);
  bool negative = value.is_negative();
  if (f.roman) return format_roman(value, pattern, f);
  if (f.eeee) return format_scientific(value, f);
  Numeric magnitude = value.abs();
  if (f.shift > 0) magnitude = magnitude * power_of_ten(f.shift);
  std::string digits = magnitude.round(f.fraction_digits).to_string();
  size_t dot = digits.find('.');
  std::string integer = dot == std::string::npos ? digits : digits.substr(0, dot);
  std::string fraction = dot == std::string::npos ? std::string() : digits.substr(dot + 1);
  fraction.resize(static_cast<size_t>(f.fraction_digits), '0');
  if (integer == "0" && (f.has_decimal || f.integer_digits == 0)) integer.clear();
  bool overflow = static_cast<int>(integer.size()) > f.integer_digits;
  int leading = f.integer_digits - static_cast<int>(integer.size());

  std::string out;
  bool started = false, seen_decimal = false;
  int int_position = 0, frac_position = 0;
  const bool leading_s = !pattern.empty() && (pattern[0] == 'S' || pattern[0] == 's') &&
                         !starts_with_ci(pattern, 0, "SG");
  auto put_sign = [&] {
    if (started) return;
    started = true;
    if (f.explicit_sign) return;
    if (negative) out.push_back('-');
    else if (!f.fill_mode) out.push_back(' ');
  };
  auto placeholder = [&] {
    if (!f.fill_mode) out.push_back(' ');
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    char raw = pattern[i];
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (starts_with_ci(pattern, i, "FM") || starts_with_ci(pattern, i, "TH")) {
      ++i;
      continue;
    }
    if (starts_with_ci(pattern, i, "PR")) {
      out.push_back(negative ? '>' : ' ');
      ++i;
      continue;
    }
    if (starts_with_ci(pattern, i, "MI")) {
      out.push_back(negative ? '-' : (f.fill_mode ? '\0' : ' '));
      if (out.back() == '\0') out.pop_back();
      ++i;
      continue;
    }
    if (starts_with_ci(pattern, i, "SG") || starts_with_ci(pattern, i, "PL")) {
      bool pl = c == 'P';
      out.push_back(negative ? (pl ? ' ' : '-') : '+');
      ++i;
      continue;
    }
    if (c == 'S') {
      if (!started && i == 0) {
        // A leading S sits right before the first digit, as the default sign does.
        continue;
      }
      out.push_back(negative ? '-' : '+');
      continue;
    }
    if (c == 'V') continue;
    if ((c == '9' || c == '0') && !seen_decimal && int_position < f.integer_digits) {
      int position = int_position++;
      if (overflow) {
        put_sign();
        out.push_back('#');
      } else if (position < leading) {
        if (f.zero_from >= 0 && position >= f.zero_from) {
          if (leading_s && !started) out.push_back(negative ? '-' : '+');
          put_sign();
          out.push_back('0');
        } else {
          placeholder();
        }
      } else {
        if (!started && leading_s) out.push_back(negative ? '-' : '+');
        put_sign();
        out.push_back(integer[static_cast<size_t>(position - leading)]);
      }
      continue;
    }
    if (c == '9' || c == '0') {
      size_t position = static_cast<size_t>(frac_position++);
      if (overflow) {
        out.push_back('#');
        continue;
      }
      bool trailing_zeros = fraction.find_first_not_of('0', position) == std::string::npos;
      if (f.fill_mode && c == '9' && trailing_zeros) continue;
      out.push_back(fraction[position]);
      continue;
    }
    if (c == '.' || c == 'D') {
      if (!started && leading_s) out.push_back(negative ? '-' : '+');
      put_sign();
      seen_decimal = true;
      bool any_fraction = f.fraction_digits > 0 &&
                          !(f.fill_mode && fraction.find_first_not_of('0') == std::string::npos &&
                            pattern.find('0', i) == std::string::npos);
      if (!f.fill_mode || any_fraction) out.push_back('.');
      continue;
    }
    if (c == ',' || c == 'G') {
      if (started || overflow) out.push_back(',');
      else placeholder();
      continue;
    }
    if (c == '"') {
      for (++i; i < pattern.size() && pattern[i] != '"'; ++i) out.push_back(pattern[i]);
      continue;
    }
    out.push_back(raw);
  }
  if (f.bracket) out.insert(out.begin(), negative ? '<' : ' ');
  if (!started && !overflow) {
    // Nothing printed a digit (e.g. zero with only fraction positions trimmed by FM).
    put_sign();
  }
  size_t th = std::string_view(pattern).find("TH");
  if (th == std::string::npos) th = std::string_view(pattern).find("th");
  if (th != std::string::npos && !overflow && !integer.empty()) {
    out += ordinal_suffix(std::stoll(integer), pattern[th] == 'T');
  }
  return out;
}

Numeric numeric_of(const Value& v) {
  switch (v.type()) {
    case T::Numeric: return v.as_numeric();
    case T::Float4:
    case T::Float8: return Numeric::from_double(v.as_float());
    default: return Numeric::from_int64(v.as_int());
  }
}

}  // namespace

Value to_char_number_fn(Args a) {
  const Numeric n = numeric_of(a[0]);
  if (n.is_nan() || n.is_infinite()) {
    NumberFormat f = analyse(a[1].as_text());
    return Value::text(std::string(static_cast<size_t>(f.integer_digits + f.fraction_digits + (f.has_decimal ? 1 : 0) + 1), '#'));
  }
  return Value::text(format_number(n, a[1].as_text()));
}

// to_number: the digits, sign and decimal point the template's positions take from the input.
Value to_number_fn(Args a) {
  const std::string& input = a[0].as_text();
  NumberFormat f = analyse(a[1].as_text());
  std::string digits;
  bool negative = false, seen_point = false;
  for (char c : input) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c == '.' && f.has_decimal && !seen_point) {
      digits.push_back('.');
      seen_point = true;
    } else if (c == '-' || c == '<' || c == '(') {
      negative = true;
    }
  }
  if (digits.empty() || digits == ".") {
    throw SqlError(sqlstate::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type numeric: \" \""));
  }
  Numeric n = Numeric::parse(digits);
  if (negative) n = -n;
  if (f.shift > 0) n = n / power_of_ten(f.shift);
  return Value::numeric(n.trunc(f.fraction_digits));
}

}  // namespace chalkdb::formatting
