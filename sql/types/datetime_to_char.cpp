#include "sql/types/datetime_to_char.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "sql/types/datetime.h"
#include "sql/types/formatting_template.h"
#include "sql/types/interval.h"

namespace chalkdb::formatting {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

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

}  // namespace

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

}  // namespace chalkdb::formatting
