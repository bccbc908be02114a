#include "sql/types/interval.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"

namespace chalkdb {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerHour = 3600 * kMicrosPerSecond;
constexpr int kDaysPerMonth = 30;
constexpr int kSecondsPerDay = 86400;

[[noreturn]] void interval_out_of_range() {
  throw SqlError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
}

int32_t checked_int32(int64_t value) {
  if (value < INT32_MIN || value > INT32_MAX) interval_out_of_range();
  return static_cast<int32_t>(value);
}

// ---- input -----------------------------------------------------------------------------------

enum class Unit { Micro, Milli, Second, Minute, Hour, Day, Week, Month, Year, Decade, Century, Millennium };

std::optional<Unit> unit_named(std::string_view word) {
  struct Name {
    std::string_view name;
    Unit unit;
  };
  static constexpr Name kNames[] = {
      {"microsecond", Unit::Micro}, {"microseconds", Unit::Micro}, {"us", Unit::Micro},
      {"usec", Unit::Micro},        {"usecs", Unit::Micro},        {"useconds", Unit::Micro},
      {"millisecond", Unit::Milli}, {"milliseconds", Unit::Milli}, {"ms", Unit::Milli},
      {"msec", Unit::Milli},        {"msecs", Unit::Milli},        {"mseconds", Unit::Milli},
      {"second", Unit::Second},     {"seconds", Unit::Second},     {"s", Unit::Second},
      {"sec", Unit::Second},        {"secs", Unit::Second},        {"minute", Unit::Minute},
      {"minutes", Unit::Minute},    {"m", Unit::Minute},           {"min", Unit::Minute},
      {"mins", Unit::Minute},       {"hour", Unit::Hour},          {"hours", Unit::Hour},
      {"h", Unit::Hour},            {"hr", Unit::Hour},            {"hrs", Unit::Hour},
      {"day", Unit::Day},           {"days", Unit::Day},           {"d", Unit::Day},
      {"week", Unit::Week},         {"weeks", Unit::Week},         {"w", Unit::Week},
      {"month", Unit::Month},       {"months", Unit::Month},       {"mon", Unit::Month},
      {"mons", Unit::Month},        {"year", Unit::Year},          {"years", Unit::Year},
      {"y", Unit::Year},            {"yr", Unit::Year},            {"yrs", Unit::Year},
      {"decade", Unit::Decade},     {"decades", Unit::Decade},     {"dec", Unit::Decade},
      {"decs", Unit::Decade},       {"century", Unit::Century},    {"centuries", Unit::Century},
      {"c", Unit::Century},         {"cent", Unit::Century},       {"millennium", Unit::Millennium},
      {"millennia", Unit::Millennium}, {"mil", Unit::Millennium},  {"mils", Unit::Millennium},
  };
  for (const Name& n : kNames)
    if (n.name == word) return n.unit;
  return std::nullopt;
}

struct SyntaxError {};

// Sums the fields of an interval being parsed; each unit may appear once (DecodeInterval's
// field mask), fractions cascade to smaller units as AdjustFractDays/AdjustFractSeconds do.
class IntervalBuilder {
 public:
  void add(Unit unit, double value) {
    claim(1u << static_cast<int>(unit));
    double whole = std::trunc(value);
    double fraction = value - whole;
    switch (unit) {
      case Unit::Micro: micros_ += std::rint(value); break;
      case Unit::Milli: micros_ += std::rint(value * 1000); break;
      case Unit::Second: micros_ += std::rint(value * kMicrosPerSecond); break;
      case Unit::Minute: add_seconds(whole * 60, fraction * 60); break;
      case Unit::Hour: add_seconds(whole * 3600, fraction * 3600); break;
      case Unit::Day: days_ += whole; add_fraction_seconds(fraction * kSecondsPerDay); break;
      case Unit::Week: add_days(value * 7); break;
      case Unit::Month: months_ += whole; add_days(fraction * kDaysPerMonth); break;
      case Unit::Year: months_ += whole * 12 + std::rint(fraction * 12); break;
      case Unit::Decade: months_ += whole * 120 + std::rint(fraction * 120); break;
      case Unit::Century: months_ += whole * 1200 + std::rint(fraction * 1200); break;
      case Unit::Millennium: months_ += whole * 12000 + std::rint(fraction * 12000); break;
    }
  }

  // hh:mm[:ss[.frac]] or mm:ss.frac, optionally signed.
  void add_time(std::string_view text) {
    claim(kTimeMask);
    bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    std::vector<std::string_view> parts = split_at_colons(text);
    if (parts.size() < 2 || parts.size() > 3) throw SyntaxError{};
    double hours = 0, minutes = 0, seconds = 0;
    if (parts.size() == 2 && parts[1].find('.') != std::string_view::npos) {
      minutes = number(parts[0], false);
      seconds = number(parts[1], true);
    } else {
      hours = number(parts[0], false);
      minutes = number(parts[1], false);
      if (parts.size() == 3) seconds = number(parts[2], true);
    }
    if (minutes >= 60 || seconds > 60) throw FieldOverflow{};
    double total = (hours * 3600 + minutes * 60) * kMicrosPerSecond + std::rint(seconds * kMicrosPerSecond);
    micros_ += negative ? -total : total;
  }

  // y-m (SQL standard year-month literal).
  void add_year_month(std::string_view text) {
    claim((1u << static_cast<int>(Unit::Year)) | (1u << static_cast<int>(Unit::Month)));
    bool negative = text[0] == '-';
    if (text[0] == '-' || text[0] == '+') text.remove_prefix(1);
    size_t dash = text.find('-');
    double months = number(text.substr(0, dash), false) * 12 + number(text.substr(dash + 1), false);
    months_ += negative ? -months : months;
  }

  void negate() {
    months_ = -months_;
    days_ = -days_;
    micros_ = -micros_;
  }

  bool claimed(unsigned mask) const { return (mask_ & mask) != 0; }

  Interval build() const {
    if (std::fabs(micros_) > 9.2e18 || std::fabs(months_) > INT32_MAX || std::fabs(days_) > INT32_MAX)
      throw FieldOverflow{};
    return Interval{static_cast<int32_t>(months_), static_cast<int32_t>(days_), static_cast<int64_t>(micros_)};
  }

  struct FieldOverflow {};
  static constexpr unsigned kTimeMask = 1u << 20;

  static double number(std::string_view text, bool allow_fraction) {
    if (text.empty()) return 0;
    std::string copy(text);
    char* end = nullptr;
    double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || (!allow_fraction && copy.find('.') != std::string::npos) ||
        copy.find_first_of("eEnNiIxX") != std::string::npos)
      throw SyntaxError{};
    return value;
  }

 private:
  void claim(unsigned mask) {
    if (mask_ & mask) throw SyntaxError{};
    mask_ |= mask;
  }
  void add_seconds(double whole_seconds, double fraction_seconds) {
    micros_ += whole_seconds * kMicrosPerSecond;
    add_fraction_seconds(fraction_seconds);
  }
  void add_fraction_seconds(double seconds) {
    double whole = std::trunc(seconds);
    micros_ += whole * kMicrosPerSecond + std::rint((seconds - whole) * kMicrosPerSecond);
  }
  void add_days(double days) {
    double whole = std::trunc(days);
    days_ += whole;
    add_fraction_seconds((days - whole) * kSecondsPerDay);
  }

  double months_ = 0, days_ = 0, micros_ = 0;
  unsigned mask_ = 0;
};

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.push_back(lower(text.substr(start, i - start)));
  }
  return out;
}

bool is_number(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.') return false;
  }
  return digit;
}

bool is_year_month(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != dash && !(s[i] >= '0' && s[i] <= '9')) return false;
  return true;
}

// "P1Y2M3DT4H5M6S" with optional fractions.
Interval parse_iso8601(std::string_view text) {
  IntervalBuilder builder;
  bool in_time = false;
  size_t i = 1;
  if (i >= text.size()) throw SyntaxError{};
  while (i < text.size()) {
    if (text[i] == 't') {
      in_time = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                               text[i] == '-' || text[i] == '+'))
      ++i;
    if (i == start || i >= text.size()) throw SyntaxError{};
    double value = IntervalBuilder::number(text.substr(start, i - start), true);
    char designator = text[i++];
    std::optional<Unit> unit;
    if (!in_time) {
      if (designator == 'y') unit = Unit::Year;
      else if (designator == 'm') unit = Unit::Month;
      else if (designator == 'w') unit = Unit::Week;
      else if (designator == 'd') unit = Unit::Day;
    } else {
      if (designator == 'h') unit = Unit::Hour;
      else if (designator == 'm') unit = Unit::Minute;
      else if (designator == 's') unit = Unit::Second;
    }
    if (!unit) throw SyntaxError{};
    builder.add(*unit, value);
  }
  return builder.build();
}

Interval parse_words(const std::vector<std::string>& tokens) {
  IntervalBuilder builder;
  // A number waiting for its unit (a plain flag and value: GCC warns about optional<double>).
  bool has_pending = false;
  double pending = 0;
  std::string detached_sign;
  bool ago = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    if (token == "@" && i == 0) continue;
    if (token == "ago") {
      ago = true;
      continue;
    }
    if (ago) throw SyntaxError{};
    // "- 1 day": a sign standing apart from its number.
    if ((token == "-" || token == "+") && i + 1 < tokens.size() && is_number(tokens[i + 1])) {
      detached_sign = token;
      continue;
    }
    if (!detached_sign.empty()) {
      token = detached_sign + token;
      detached_sign.clear();
    }
    // "10days": a number glued to its unit.
    size_t alpha = token.find_first_of("abcdefghijklmnopqrstuvwxyz");
    if (alpha != std::string::npos && alpha > 0 && is_number(token.substr(0, alpha))) {
      if (has_pending) throw SyntaxError{};
      pending = IntervalBuilder::number(token.substr(0, alpha), true);
      has_pending = true;
      token = token.substr(alpha);
    }
    if (auto unit = unit_named(token)) {
      if (!has_pending) throw SyntaxError{};
      builder.add(*unit, pending);
      has_pending = false;
    } else if (token.find(':') != std::string::npos) {
      if (has_pending) {  // "-1 02:03": a number before a time is a count of days
        builder.add(Unit::Day, pending);
        has_pending = false;
      }
      builder.add_time(token);
    } else if (is_year_month(token)) {
      if (has_pending) throw SyntaxError{};
      builder.add_year_month(token);
    } else if (is_number(token)) {
      if (has_pending) throw SyntaxError{};
      pending = IntervalBuilder::number(token, true);
      has_pending = true;
    } else {
      throw SyntaxError{};
    }
  }
  if (has_pending) builder.add(Unit::Second, pending);  // a trailing bare number is seconds
  if (ago) builder.negate();
  return builder.build();
}

// ---- output ----------------------------------------------------------------------------------

// AddPostgresIntPart: each non-zero field; a field after a negative one shows an explicit '+'.
void append_part(std::string& out, int64_t value, const char* unit, bool& is_zero, bool& is_before) {
  if (value == 0) return;
  if (!is_zero) out.push_back(' ');
  if (is_before && value > 0) out.push_back('+');
  out += fmt::format("{} {}{}", value, unit, value != 1 ? "s" : "");
  is_before = value < 0;
  is_zero = false;
}

void append_two_digits(std::string& out, int64_t value) {
  if (value < 10) out.push_back('0');
  out += std::to_string(value);
}

__int128 span_of(const Interval& i) {
  return static_cast<__int128>(i.micros) +
         (static_cast<__int128>(i.days) + static_cast<__int128>(i.months) * kDaysPerMonth) *
             (static_cast<__int128>(kSecondsPerDay) * kMicrosPerSecond);
}

double tsround(double value) { return std::rint(value * 1000000.0) / 1000000.0; }

bool fits_int32(double value) { return !std::isnan(value) && value >= -2147483648.0 && value < 2147483648.0; }
bool fits_int64(double value) {
  return !std::isnan(value) && value >= -9223372036854775808.0 && value < 9223372036854775808.0;
}

// interval_mul / interval_div: whole months and days scale directly, their fractions cascade
// down to days and seconds (never up).
Interval scale_interval(double months, double days, double micros) {
  if (!fits_int32(months) || !fits_int32(days)) interval_out_of_range();
  Interval result{static_cast<int32_t>(months), static_cast<int32_t>(days), 0};
  double month_remainder_days = tsround((months - result.months) * kDaysPerMonth);
  double second_remainder = tsround((days - result.days + month_remainder_days -
                                     static_cast<int>(month_remainder_days)) * kSecondsPerDay);
  if (std::fabs(second_remainder) >= kSecondsPerDay) {
    result.days += static_cast<int>(second_remainder / kSecondsPerDay);
    second_remainder -= static_cast<int>(second_remainder / kSecondsPerDay) * kSecondsPerDay;
  }
  result.days += static_cast<int32_t>(month_remainder_days);
  double time = std::rint(micros + second_remainder * kMicrosPerSecond);
  if (!fits_int64(time)) interval_out_of_range();
  result.micros = static_cast<int64_t>(time);
  return result;
}

}  // namespace

Value interval_value(const Interval& interval) {
  std::string bytes(16, '\0');
  std::memcpy(bytes.data(), &interval.months, 4);
  std::memcpy(bytes.data() + 4, &interval.days, 4);
  std::memcpy(bytes.data() + 8, &interval.micros, 8);
  return Value::text(std::move(bytes), TypeId::Interval);
}

Interval interval_of(const Value& value) {
  Interval interval;
  const std::string& bytes = value.as_text();
  std::memcpy(&interval.months, bytes.data(), 4);
  std::memcpy(&interval.days, bytes.data() + 4, 4);
  std::memcpy(&interval.micros, bytes.data() + 8, 8);
  return interval;
}

Interval parse_interval(std::string_view text) {
  std::vector<std::string> tokens = words(text);
  try {
    if (tokens.empty()) throw SyntaxError{};
    if (tokens.size() == 1 && tokens[0][0] == 'p') return parse_iso8601(tokens[0]);
    return parse_words(tokens);
  } catch (const SyntaxError&) {
    throw SqlError(sqlstate::kInvalidDatetimeFormat,
                   fmt::format("invalid input syntax for type interval: \"{}\"", text));
  } catch (const IntervalBuilder::FieldOverflow&) {
    throw SqlError(sqlstate::kIntervalFieldOverflow,
                   fmt::format("interval field value out of range: \"{}\"", text));
  }
}

void append_interval(std::string& out, const Interval& interval) {
  bool is_zero = true;
  bool is_before = false;
  append_part(out, interval.months / 12, "year", is_zero, is_before);
  append_part(out, interval.months % 12, "mon", is_zero, is_before);
  append_part(out, interval.days, "day", is_zero, is_before);
  int64_t micros = interval.micros;
  if (!is_zero && micros == 0) return;
  if (!is_zero) out.push_back(' ');
  if (micros < 0) out.push_back('-');
  else if (is_before) out.push_back('+');
  uint64_t magnitude = micros < 0 ? 0 - static_cast<uint64_t>(micros) : static_cast<uint64_t>(micros);
  append_two_digits(out, static_cast<int64_t>(magnitude / kMicrosPerHour));
  out.push_back(':');
  // Minutes, seconds and the trimmed fraction print like a time of day.
  std::string clock;
  append_time(clock, static_cast<int64_t>(magnitude % kMicrosPerHour));
  out.append(clock.substr(3));
}

int compare_intervals(const Interval& a, const Interval& b) {
  __int128 x = span_of(a), y = span_of(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

size_t hash_interval(const Interval& interval) {
  __int128 span = span_of(interval);
  auto low = static_cast<uint64_t>(span);
  auto high = static_cast<uint64_t>(span >> 64);
  return std::hash<uint64_t>{}(low ^ (high * 0x9e3779b97f4a7c15ULL));
}

Interval interval_add(const Interval& a, const Interval& b) {
  Interval r;
  if (__builtin_add_overflow(a.months, b.months, &r.months) ||
      __builtin_add_overflow(a.days, b.days, &r.days) ||
      __builtin_add_overflow(a.micros, b.micros, &r.micros))
    interval_out_of_range();
  return r;
}

Interval interval_subtract(const Interval& a, const Interval& b) {
  Interval r;
  if (__builtin_sub_overflow(a.months, b.months, &r.months) ||
      __builtin_sub_overflow(a.days, b.days, &r.days) ||
      __builtin_sub_overflow(a.micros, b.micros, &r.micros))
    interval_out_of_range();
  return r;
}

Interval interval_negate(const Interval& a) { return interval_subtract(Interval{}, a); }

Interval interval_multiply(const Interval& a, double factor) {
  return scale_interval(a.months * factor, a.days * factor, static_cast<double>(a.micros) * factor);
}

Interval interval_divide(const Interval& a, double divisor) {
  if (divisor == 0.0) throw SqlError(sqlstate::kDivisionByZero, "division by zero");
  return scale_interval(a.months / divisor, a.days / divisor, static_cast<double>(a.micros) / divisor);
}

int64_t timestamp_plus_interval(int64_t timestamp, const Interval& interval) {
  if (timestamp == kTimestampInfinity || timestamp == kTimestampMinusInfinity) return timestamp;
  auto out_of_range = [] {
    return SqlError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  };
  int32_t days = timestamp_to_date(timestamp);
  int64_t clock = timestamp - int64_t{days} * kMicrosPerDay;
  if (interval.months != 0) {
    int year, month, day;
    civil_from_days(days, year, month, day);
    int64_t month_index = int64_t{year} * 12 + (month - 1) + interval.months;
    year = static_cast<int>(month_index >= 0 ? month_index / 12 : -((-month_index + 11) / 12));
    month = static_cast<int>(month_index - int64_t{year} * 12) + 1;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int last_day = month == 2 && leap ? 29 : kDays[month - 1];
    day = std::min(day, last_day);
    if (year < -4713 || year > 294277) throw out_of_range();
    days = days_from_civil(year, month, day);
  }
  int64_t result = 0;
  if (__builtin_mul_overflow(int64_t{days} + interval.days, kMicrosPerDay, &result) ||
      __builtin_add_overflow(result, clock, &result) ||
      __builtin_add_overflow(result, interval.micros, &result) || !is_valid_timestamp(result))
    throw out_of_range();
  return result;
}

Interval timestamp_difference(int64_t later, int64_t earlier) {
  auto infinite = [](int64_t t) { return t == kTimestampInfinity || t == kTimestampMinusInfinity; };
  if (infinite(later) || infinite(earlier))
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
  int64_t micros = 0;
  if (__builtin_sub_overflow(later, earlier, &micros)) interval_out_of_range();
  // interval_justify_hours: whole days out of the time part, both with the same sign.
  int64_t days = micros / kMicrosPerDay;
  micros -= days * kMicrosPerDay;
  if (days > 0 && micros < 0) {
    micros += kMicrosPerDay;
    --days;
  } else if (days < 0 && micros > 0) {
    micros -= kMicrosPerDay;
    ++days;
  }
  return Interval{0, checked_int32(days), micros};
}

int64_t time_plus_interval(int64_t time, const Interval& interval) {
  int64_t result = (time + interval.micros % kMicrosPerDay) % kMicrosPerDay;
  return result < 0 ? result + kMicrosPerDay : result;
}

int64_t interval_to_time(const Interval& interval) {
  int64_t result = interval.micros % kMicrosPerDay;
  return result < 0 ? result + kMicrosPerDay : result;
}

}  // namespace chalkdb
