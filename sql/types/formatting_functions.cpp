#include "sql/types/formatting_functions.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"

namespace chalkdb {

namespace {

// 10^exponent, for the V (shift) pattern of to_char/to_number.
Numeric power_of_ten(int exponent) {
  std::string digits(static_cast<size_t>(exponent) + 1, '0');
  digits[0] = '1';
  return Numeric::parse(digits);
}

using T = TypeId;
using Args = std::span<const Value>;

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

// ---- date/time templates -------------------------------------------------------------------

enum class Field {
  HH24, HH12, HH, MI, SS, MS, US, AM, PM, AMDots, PMDots, YYYY, YYY, YY, Y, IYYY, Month, Mon,
  MM, Day, Dy, DDD, DD, D, ID, IW, WW, Q, CC, J, TZ, OF, SSSS,
};

struct Keyword {
  std::string_view text;
  Field field;
  bool case_sensitive;  // name fields take their output case from the template
};

// Longest first where one keyword is a prefix of another.
constexpr Keyword kKeywords[] = {
    {"HH24", Field::HH24, false}, {"HH12", Field::HH12, false}, {"HH", Field::HH, false},
    {"MI", Field::MI, false},     {"SSSS", Field::SSSS, false}, {"SS", Field::SS, false},
    {"MS", Field::MS, false},     {"US", Field::US, false},     {"A.M.", Field::AMDots, false},
    {"P.M.", Field::PMDots, false}, {"AM", Field::AM, false},   {"PM", Field::PM, false},
    {"IYYY", Field::IYYY, false}, {"YYYY", Field::YYYY, false}, {"YYY", Field::YYY, false},
    {"YY", Field::YY, false},     {"Y", Field::Y, false},       {"MONTH", Field::Month, true},
    {"MON", Field::Mon, true},    {"MM", Field::MM, false},     {"DAY", Field::Day, true},
    {"DY", Field::Dy, true},      {"DDD", Field::DDD, false},   {"DD", Field::DD, false},
    {"D", Field::D, false},       {"ID", Field::ID, false},     {"IW", Field::IW, false},
    {"WW", Field::WW, false},     {"Q", Field::Q, false},       {"CC", Field::CC, false},
    {"J", Field::J, false},       {"TZ", Field::TZ, true},      {"OF", Field::OF, false},
};

bool starts_with_ci(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

// Name keywords (Month, Mon, Day, Dy) need their first letter's case; MONTH vs Month vs month.
enum class Case { Upper, Capitalized, Lower };

Case case_of(std::string_view text, size_t at) {
  bool first_upper = std::isupper(static_cast<unsigned char>(text[at])) != 0;
  bool second_upper = at + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 1])) != 0;
  if (first_upper && second_upper) return Case::Upper;
  return first_upper ? Case::Capitalized : Case::Lower;
}

std::string with_case(std::string_view name, Case c) {
  std::string out(name);
  for (size_t i = 0; i < out.size(); ++i) {
    auto ch = static_cast<unsigned char>(out[i]);
    if (c == Case::Upper || (c == Case::Capitalized && i == 0)) out[i] = static_cast<char>(std::toupper(ch));
    else out[i] = static_cast<char>(std::tolower(ch));
  }
  return out;
}

const Keyword* keyword_at(std::string_view text, size_t at) {
  for (const Keyword& k : kKeywords)
    if (starts_with_ci(text, at, k.text)) return &k;
  return nullptr;
}

std::string ordinal_suffix(int64_t n, bool upper) {
  int64_t last_two = std::llabs(n) % 100;
  int64_t last = std::llabs(n) % 10;
  std::string_view s = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) s = "st";
    else if (last == 2) s = "nd";
    else if (last == 3) s = "rd";
  }
  return upper ? with_case(s, Case::Upper) : std::string(s);
}

// The broken-down moment a template prints.
struct Moment {
  int64_t year = 0;  // astronomical for dates (0 = 1 BC); plain count for intervals
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t micros = 0;  // fraction of the second
  int64_t days_since_2000 = 0;
  int64_t interval_days = 0;  // intervals: the day count
  bool is_interval = false;
  bool with_zone = false;
};

int day_of_week(int64_t days) { return static_cast<int>(((days % 7) + 7 + 6) % 7); }  // 0 = Sunday

int day_of_year(const Moment& m) {
  return static_cast<int>(m.days_since_2000 - days_from_civil(static_cast<int>(m.year), 1, 1)) + 1;
}

// ISO 8601 week-numbering year and week.
std::pair<int64_t, int> iso_week(const Moment& m) {
  auto week_one_monday = [](int64_t year) {
    int32_t jan4 = days_from_civil(static_cast<int>(year), 1, 4);
    return jan4 - (day_of_week(jan4) + 6) % 7;
  };
  int64_t year = m.year;
  int64_t start = week_one_monday(year);
  if (m.days_since_2000 < start) {
    --year;
    start = week_one_monday(year);
  } else if (m.days_since_2000 >= week_one_monday(year + 1)) {
    ++year;
    start = week_one_monday(year);
  }
  return {year, static_cast<int>((m.days_since_2000 - start) / 7) + 1};
}

// printf's %0*d: the width includes a minus sign.
std::string padded(int64_t value, int width, bool fill_mode) {
  if (fill_mode) return std::to_string(value);
  return fmt::format("{:0{}d}", value, width);
}

std::string format_field(const Keyword& k, Case name_case, const Moment& m, bool fm, int64_t& number) {
  int hour12 = m.hour % 12 == 0 ? 12 : m.hour % 12;
  int64_t display_year = m.is_interval || m.year > 0 ? m.year : 1 - m.year;  // BC years count up
  auto name = [&](std::string_view full, bool abbreviated) {
    std::string text = with_case(abbreviated ? full.substr(0, 3) : full, name_case);
    if (!abbreviated && !fm) text.resize(9, ' ');
    return text;
  };
  number = -1;
  auto num = [&](int64_t v, int width) {
    number = v;
    return padded(v, width, fm);
  };
  switch (k.field) {
    case Field::HH24: return num(m.is_interval ? m.hour : m.hour, 2);
    case Field::HH12:
    case Field::HH: return num(hour12, 2);
    case Field::MI: return num(m.minute, 2);
    case Field::SS: return num(m.second, 2);
    case Field::SSSS: return num(m.hour * 3600 + m.minute * 60 + m.second, 1);
    case Field::MS: return num(m.micros / 1000, 3);
    case Field::US: return num(m.micros, 6);
    case Field::AM:
    case Field::PM: return with_case(m.hour >= 12 ? "PM" : "AM", name_case == Case::Lower ? Case::Lower : Case::Upper);
    case Field::AMDots:
    case Field::PMDots:
      return with_case(m.hour >= 12 ? "P.M." : "A.M.", name_case == Case::Lower ? Case::Lower : Case::Upper);
    case Field::YYYY: return num(display_year, 4);
    case Field::YYY: return num(display_year % 1000, 3);
    case Field::YY: return num(display_year % 100, 2);
    case Field::Y: return num(display_year % 10, 1);
    case Field::IYYY: return num(iso_week(m).first, 4);
    case Field::Month: return m.is_interval && m.month == 0 ? "" : name(kMonths[static_cast<size_t>(m.month - 1)], false);
    case Field::Mon: return m.is_interval && m.month == 0 ? "" : name(kMonths[static_cast<size_t>(m.month - 1)], true);
    case Field::MM: return num(m.month, 2);
    case Field::Day: return name(kDays[static_cast<size_t>(day_of_week(m.days_since_2000))], false);
    case Field::Dy: return name(kDays[static_cast<size_t>(day_of_week(m.days_since_2000))], true);
    case Field::DDD: return num(m.is_interval ? m.interval_days : day_of_year(m), 3);
    case Field::DD: return num(m.is_interval ? m.interval_days : m.day, 2);
    case Field::D: return num(day_of_week(m.days_since_2000) + 1, 1);
    case Field::ID: return num(day_of_week(m.days_since_2000) == 0 ? 7 : day_of_week(m.days_since_2000), 1);
    case Field::IW: return num(iso_week(m).second, 2);
    case Field::WW: return num((day_of_year(m) - 1) / 7 + 1, 2);
    case Field::Q: return m.is_interval ? std::string() : num((m.month - 1) / 3 + 1, 1);
    case Field::CC: {
      int64_t century = m.year > 0 ? (m.year + 99) / 100 : -((99 - (m.year - 1)) / 100);
      return num(century, 2);
    }
    case Field::J: return num(m.days_since_2000 + 2451545, 1);
    case Field::TZ: return m.with_zone ? with_case("UTC", name_case == Case::Lower ? Case::Lower : Case::Upper) : "";
    case Field::OF: return m.with_zone ? "+00" : "";
  }
  return "";
}

std::string format_moment(std::string_view pattern, const Moment& m) {
  std::string out;
  bool fm = false;
  for (size_t i = 0; i < pattern.size();) {
    if (starts_with_ci(pattern, i, "FM")) {
      fm = true;
      i += 2;
      continue;
    }
    if (pattern[i] == '"') {
      for (++i; i < pattern.size() && pattern[i] != '"'; ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
        out.push_back(pattern[i]);
      }
      ++i;
      continue;
    }
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out.push_back(pattern[i + 1]);
      i += 2;
      continue;
    }
    const Keyword* k = keyword_at(pattern, i);
    if (k == nullptr) {
      out.push_back(pattern[i++]);
      fm = false;
      continue;
    }
    Case name_case = case_of(pattern, i);
    i += k->text.size();
    int64_t number;
    out += format_field(*k, name_case, m, fm, number);
    if (number >= 0 && (starts_with_ci(pattern, i, "TH"))) {
      out += ordinal_suffix(number, pattern[i] == 'T');
      i += 2;
    }
    fm = false;
  }
  return out;
}

Moment moment_of_timestamp(int64_t micros, bool with_zone) {
  Moment m;
  int64_t days = micros / (86400 * kMicrosPerSecond);
  int64_t time = micros % (86400 * kMicrosPerSecond);
  if (time < 0) {
    time += 86400 * kMicrosPerSecond;
    --days;
  }
  int y, mo, d;
  civil_from_days(static_cast<int32_t>(days), y, mo, d);
  m.year = y;
  m.month = mo;
  m.day = d;
  m.days_since_2000 = days;
  m.hour = static_cast<int>(time / (3600 * kMicrosPerSecond));
  m.minute = static_cast<int>(time / (60 * kMicrosPerSecond) % 60);
  m.second = static_cast<int>(time / kMicrosPerSecond % 60);
  m.micros = time % kMicrosPerSecond;
  m.with_zone = with_zone;
  return m;
}

Value to_char_timestamp_fn(Args a) {
  int64_t micros = a[0].as_int();
  if (micros == kTimestampInfinity || micros == kTimestampMinusInfinity) return Value::null(T::Text);
  if (a[1].as_text().empty()) return Value::null(T::Text);
  return Value::text(format_moment(a[1].as_text(), moment_of_timestamp(micros, a[0].type() == T::TimestampTz)));
}

Value to_char_interval_fn(Args a) {
  if (a[1].as_text().empty()) return Value::null(T::Text);
  Interval v = interval_of(a[0]);
  Moment m;
  m.is_interval = true;
  m.year = v.months / 12;
  m.month = v.months % 12;
  m.interval_days = v.days;
  m.day = v.days;
  int64_t micros = v.micros;
  m.hour = static_cast<int>(micros / (3600 * kMicrosPerSecond));
  m.minute = static_cast<int>(micros / (60 * kMicrosPerSecond) % 60);
  m.second = static_cast<int>(micros / kMicrosPerSecond % 60);
  m.micros = micros % kMicrosPerSecond;
  return Value::text(format_moment(a[1].as_text(), m));
}

// ---- to_date / to_timestamp ------------------------------------------------------------------

struct ParsedMoment {
  int64_t year = 2000;
  bool year_set = false;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t micros = 0;
  std::optional<bool> pm;
  bool hour12 = false;
  std::optional<int> day_of_year;
};

SqlError bad_field(std::string_view value, std::string_view keyword, std::string detail) {
  return SqlError(sqlstate::kInvalidDatetimeFormat,
                  fmt::format("invalid value \"{}\" for \"{}\"", value, keyword))
      .with_detail(std::move(detail));
}

class MomentParser {
 public:
  MomentParser(std::string_view input, std::string_view pattern) : input_(input), pattern_(pattern) {}

  ParsedMoment parse() {
    ParsedMoment p;
    for (size_t i = 0; i < pattern_.size();) {
      if (starts_with_ci(pattern_, i, "FM") || starts_with_ci(pattern_, i, "FX")) {
        i += 2;
        continue;
      }
      if (pattern_[i] == '"') {
        for (++i; i < pattern_.size() && pattern_[i] != '"'; ++i) skip_one();
        ++i;
        continue;
      }
      const Keyword* k = keyword_at(pattern_, i);
      if (k == nullptr) {
        if (std::isspace(static_cast<unsigned char>(pattern_[i]))) {
          skip_spaces();
        } else {
          skip_spaces();
          if (pos_ < input_.size() && !std::isalnum(static_cast<unsigned char>(input_[pos_]))) ++pos_;
        }
        ++i;
        continue;
      }
      std::string_view text = pattern_.substr(i, k->text.size());
      i += k->text.size();
      if (starts_with_ci(pattern_, i, "TH")) i += 2;
      skip_spaces();
      read_field(*k, text, p);
    }
    return p;
  }

 private:
  void skip_spaces() {
    while (pos_ < input_.size() && std::isspace(static_cast<unsigned char>(input_[pos_]))) ++pos_;
  }
  void skip_one() {
    if (pos_ < input_.size()) ++pos_;
  }

  int64_t read_number(std::string_view keyword, size_t max_digits) {
    size_t start = pos_;
    if (pos_ < input_.size() && (input_[pos_] == '-' || input_[pos_] == '+')) ++pos_;
    while (pos_ < input_.size() && pos_ - start < max_digits && std::isdigit(static_cast<unsigned char>(input_[pos_]))) ++pos_;
    std::string_view digits = input_.substr(start, pos_ - start);
    if (digits.empty() || digits == "-" || digits == "+") {
      size_t end = start;
      while (end < input_.size() && !std::isspace(static_cast<unsigned char>(input_[end]))) ++end;
      throw bad_field(input_.substr(start, std::min<size_t>(end - start, max_digits)), keyword,
                      "Value must be an integer.");
    }
    return std::stoll(std::string(digits));
  }

  int read_name(std::string_view keyword, bool days, bool abbreviated) {
    size_t count = days ? kDays.size() : kMonths.size();
    for (size_t n = 0; n < count; ++n) {
      std::string_view full = days ? kDays[n] : kMonths[n];
      std::string_view candidate = abbreviated ? full.substr(0, 3) : full;
      if (starts_with_ci(input_, pos_, with_case(candidate, Case::Upper))) {
        pos_ += candidate.size();
        return static_cast<int>(n);
      }
    }
    throw bad_field(input_.substr(pos_, 9), keyword, "The given value did not match any of the allowed values for this field.");
  }

  void read_field(const Keyword& k, std::string_view text, ParsedMoment& p) {
    switch (k.field) {
      case Field::YYYY: p.year = read_number(text, 4); p.year_set = true; break;
      case Field::YYY: p.year = 2000 + read_number(text, 3) % 1000; p.year_set = true; break;
      case Field::YY: {
        int64_t yy = read_number(text, 2);
        p.year = yy < 70 ? 2000 + yy : 1900 + yy;
        p.year_set = true;
        break;
      }
      case Field::Y: p.year = 2000 + read_number(text, 1); p.year_set = true; break;
      case Field::MM: p.month = static_cast<int>(read_number(text, 2)); break;
      case Field::DD: p.day = static_cast<int>(read_number(text, 2)); break;
      case Field::DDD: p.day_of_year = static_cast<int>(read_number(text, 3)); break;
      case Field::HH24: p.hour = static_cast<int>(read_number(text, 2)); break;
      case Field::HH12:
      case Field::HH: p.hour = static_cast<int>(read_number(text, 2)); p.hour12 = true; break;
      case Field::MI: p.minute = static_cast<int>(read_number(text, 2)); break;
      case Field::SS: p.second = static_cast<int>(read_number(text, 2)); break;
      case Field::MS: p.micros = read_number(text, 3) * 1000; break;
      case Field::US: p.micros = read_number(text, 6); break;
      case Field::Month: p.month = read_name(text, false, false) + 1; break;
      case Field::Mon: p.month = read_name(text, false, true) + 1; break;
      case Field::Day: read_name(text, true, false); break;
      case Field::Dy: read_name(text, true, true); break;
      case Field::D:
      case Field::ID: read_number(text, 1); break;
      case Field::AM:
      case Field::PM:
      case Field::AMDots:
      case Field::PMDots: {
        bool dots = k.field == Field::AMDots || k.field == Field::PMDots;
        if (starts_with_ci(input_, pos_, dots ? "P.M." : "PM")) p.pm = true;
        else if (starts_with_ci(input_, pos_, dots ? "A.M." : "AM")) p.pm = false;
        else throw bad_field(input_.substr(pos_, dots ? 4 : 2), text, "The given value did not match any of the allowed values for this field.");
        pos_ += dots ? 4 : 2;
        break;
      }
      default:
        throw SqlError(sqlstate::kFeatureNotSupported,
                       fmt::format("formatting field \"{}\" is only supported in to_char", text));
    }
  }

  std::string_view input_, pattern_;
  size_t pos_ = 0;
};

int64_t parsed_timestamp(std::string_view input, std::string_view pattern, bool date_only) {
  ParsedMoment p = MomentParser(input, pattern).parse();
  if (p.hour12) {
    if (p.hour < 1 || p.hour > 12) {
      throw SqlError(sqlstate::kInvalidDatetimeFormat,
                     fmt::format("hour \"{}\" is invalid for the 12-hour clock", p.hour))
          .with_hint("Use the 24-hour clock, or give an hour between 1 and 12.");
    }
  }
  if (p.pm) {
    if (*p.pm && p.hour < 12) p.hour += 12;
    if (!*p.pm && p.hour == 12) p.hour = 0;
  }
  int64_t year = p.year <= 0 ? p.year + 1 : p.year;
  bool valid = p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 && year > -4713 && year < 294277;
  int32_t days = 0;
  if (valid) {
    if (p.day_of_year) {
      days = days_from_civil(static_cast<int>(year), 1, 1) + *p.day_of_year - 1;
    } else {
      days = days_from_civil(static_cast<int>(year), p.month, p.day);
      int y, m, d;
      civil_from_days(days, y, m, d);
      valid = y == year && m == p.month && d == p.day;
    }
  }
  bool time_valid = p.hour >= 0 && p.hour <= 24 && p.minute >= 0 && p.minute < 60 && p.second >= 0 && p.second < 60;
  if (!valid || (!date_only && !time_valid)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("date/time field value out of range: \"{}\"", input));
  }
  if (date_only) return days;
  return int64_t{days} * 86400 * kMicrosPerSecond +
         ((int64_t{p.hour} * 60 + p.minute) * 60 + p.second) * kMicrosPerSecond + p.micros;
}

Value to_date_fn(Args a) {
  return Value::date(static_cast<int32_t>(parsed_timestamp(a[0].as_text(), a[1].as_text(), true)));
}

Value to_timestamp_text_fn(Args a) {
  return Value::timestamp(parsed_timestamp(a[0].as_text(), a[1].as_text(), false), T::TimestampTz);
}

// ---- numbers ----------------------------------------------------------------------------------

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

std::string format_number(const Numeric& value, std::string_view pattern) {
  NumberFormat f = analyse(pattern);
  bool negative = value.is_negative();
  if (f.roman) {
    int64_t n = value.round(0).to_int64();
    std::string text = n >= 1 && n <= 3999 ? roman(n) : std::string(15, '#');
    if (std::islower(static_cast<unsigned char>(pattern[pattern.find_first_of("Rr")]))) {
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return f.fill_mode ? text : std::string(15 - std::min<size_t>(15, text.size()), ' ') + text;
  }
  if (f.eeee) {
    double d = std::fabs(value.to_double());
    std::string text = fmt::format("{:.{}e}", d, f.fraction_digits);
    return std::string(negative ? "-" : " ") + text;
  }
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

}  // namespace

void add_formatting_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"to_char", {T::Timestamp, T::Text}, T::Text, to_char_timestamp_fn});
  f.push_back({"to_char", {T::TimestampTz, T::Text}, T::Text, to_char_timestamp_fn});
  f.push_back({"to_char", {T::Interval, T::Text}, T::Text, to_char_interval_fn});
  for (TypeId t : {T::Int4, T::Int8, T::Float4, T::Float8, T::Numeric})
    f.push_back({"to_char", {t, T::Text}, T::Text, to_char_number_fn});
  f.push_back({"to_date", {T::Text, T::Text}, T::Date, to_date_fn});
  f.push_back({"to_timestamp", {T::Text, T::Text}, T::TimestampTz, to_timestamp_text_fn});
  f.push_back({"to_number", {T::Text, T::Text}, T::Numeric, to_number_fn});
}

}  // namespace chalkdb
