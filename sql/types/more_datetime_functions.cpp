#include "sql/types/more_datetime_functions.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <ctime>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/statement_clock.h"
#include "sql/types/time_zone.h"

namespace chalkdb {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerHour = 3600 * kMicrosPerSecond;
constexpr int64_t kUnixEpochMicros = int64_t{946684800} * kMicrosPerSecond;

Value now_fn(Args) { return Value::timestamp(statement_clock::transaction_start(), T::TimestampTz); }
Value now_precision_fn(Args a) {
  return Value::timestamp(round_to_precision(statement_clock::transaction_start(),
                                             static_cast<int32_t>(std::min<int64_t>(a[0].as_int(), 6))),
                          T::TimestampTz);
}
Value statement_timestamp_fn(Args) {
  return Value::timestamp(statement_clock::statement_start(), T::TimestampTz);
}
Value clock_timestamp_fn(Args) { return Value::timestamp(current_timestamp(), T::TimestampTz); }
Value current_date_fn(Args) { return Value::date(timestamp_to_date(statement_clock::transaction_start())); }
Value localtimestamp_fn(Args) { return Value::timestamp(statement_clock::transaction_start(), T::Timestamp); }
Value localtimestamp_precision_fn(Args a) {
  return Value::timestamp(round_to_precision(statement_clock::transaction_start(),
                                             static_cast<int32_t>(std::min<int64_t>(a[0].as_int(), 6))),
                          T::Timestamp);
}
Value localtime_fn(Args) {
  return Value::timestamp(timestamp_to_time(statement_clock::transaction_start()), T::Time);
}
Value current_time_fn(Args) {
  throw SqlError(sqlstate::kFeatureNotSupported, "type time with time zone is not supported");
}

// timeofday(): "Sat Nov 21 04:10:08.123456 2026 UTC".
Value timeofday_fn(Args) {
  int64_t micros = current_timestamp() + kUnixEpochMicros;
  std::time_t seconds = static_cast<std::time_t>(micros / kMicrosPerSecond);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char head[32];
  char year[16];
  std::strftime(head, sizeof head, "%a %b %d %H:%M:%S", &tm);
  std::strftime(year, sizeof year, "%Y", &tm);
  return Value::text(fmt::format("{}.{:06d} {} UTC", head, micros % kMicrosPerSecond, year));
}

int32_t checked_date(int64_t year, int64_t month, int64_t day) {
  // make_date: a negative year is BC (-44 is 44 BC, stored as year -43).
  int64_t stored_year = year < 0 ? year + 1 : year;
  bool valid = year != 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
               stored_year > -4713 && stored_year < 5874898;
  if (valid) {
    int32_t days = days_from_civil(static_cast<int>(stored_year), static_cast<int>(month), static_cast<int>(day));
    int y, m, d;
    civil_from_days(days, y, m, d);
    if (y == stored_year && m == month && d == day && is_valid_date(days)) return days;
  }
  throw SqlError(sqlstate::kDatetimeFieldOverflow,
                 fmt::format("date field value out of range: {}-{:02d}-{:02d}", year, month, day));
}

// make_time's rules: hours 0..24, minutes 0..59, seconds 0..60, at most 24:00:00.
int64_t checked_time(int64_t hour, int64_t minute, double seconds) {
  bool valid = hour >= 0 && minute >= 0 && minute <= 59 && seconds >= 0 && seconds <= 60 &&
               std::isfinite(seconds);
  int64_t micros = 0;
  if (valid) {
    micros = (hour * 60 + minute) * 60 * kMicrosPerSecond + std::llround(seconds * kMicrosPerSecond);
    valid = micros <= 24 * kMicrosPerHour;
  }
  if (!valid) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("time field value out of range: {}:{:02d}:{}", hour, minute,
                               fmt::format("{:02}", seconds)));
  }
  return micros;
}

Value make_date_fn(Args a) { return Value::date(checked_date(a[0].as_int(), a[1].as_int(), a[2].as_int())); }

Value make_time_fn(Args a) {
  return Value::timestamp(checked_time(a[0].as_int(), a[1].as_int(), a[2].as_float()), T::Time);
}

int64_t make_timestamp_micros(Args a) {
  int32_t days = checked_date(a[0].as_int(), a[1].as_int(), a[2].as_int());
  int64_t time = checked_time(a[3].as_int(), a[4].as_int(), a[5].as_float());
  int64_t result = date_to_timestamp(days) + time;
  if (!is_valid_timestamp(result)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("timestamp out of range: \"{}-{:02d}-{:02d}\"", a[0].as_int(),
                               a[1].as_int(), a[2].as_int()));
  }
  return result;
}

Value make_timestamp_fn(Args a) { return Value::timestamp(make_timestamp_micros(a), T::Timestamp); }
Value make_timestamptz_fn(Args a) { return Value::timestamp(make_timestamp_micros(a), T::TimestampTz); }

SqlError interval_out_of_range() { return SqlError(sqlstate::kDatetimeFieldOverflow, "interval out of range"); }

int32_t checked_int32(int64_t v) {
  if (v < INT32_MIN || v > INT32_MAX) throw interval_out_of_range();
  return static_cast<int32_t>(v);
}

// make_interval(years, months, weeks, days, hours, mins, secs), trailing arguments optional.
Value make_interval_fn(Args a) {
  auto arg = [&](size_t i) { return i < a.size() ? a[i].as_int() : 0; };
  double seconds = a.size() > 6 ? a[6].as_float() : 0.0;
  if (!std::isfinite(seconds)) throw interval_out_of_range();
  Interval result;
  result.months = checked_int32(arg(0) * 12 + arg(1));
  result.days = checked_int32(arg(2) * 7 + arg(3));
  double micros = (static_cast<double>(arg(4)) * 3600 + static_cast<double>(arg(5)) * 60 + seconds) *
                  static_cast<double>(kMicrosPerSecond);
  if (std::fabs(micros) >= 9.2e18) throw interval_out_of_range();
  result.micros = std::llround(micros);
  return interval_value(result);
}

// Moves whole days of the microseconds into the day field (justify_hours' first step).
void carry_hours_into_days(Interval& v) {
  int64_t whole_days = v.micros / (24 * kMicrosPerHour);
  v.micros -= whole_days * 24 * kMicrosPerHour;
  v.days = checked_int32(int64_t{v.days} + whole_days);
}

void carry_days_into_months(Interval& v) {
  int32_t whole_months = v.days / 30;
  v.days -= whole_months * 30;
  v.months = checked_int32(int64_t{v.months} + whole_months);
}

// Borrows one unit of `larger` (worth `size` of `smaller`) when their signs differ.
template <typename Big, typename Small>
void align_signs(Big& larger, Small& smaller, Small size, bool smaller_negative, bool smaller_positive) {
  if (larger > 0 && smaller_negative) {
    smaller += size;
    larger--;
  } else if (larger < 0 && smaller_positive) {
    smaller -= size;
    larger++;
  }
}

Interval justify_days(Interval v) {
  carry_days_into_months(v);
  align_signs(v.months, v.days, 30, v.days < 0, v.days > 0);
  return v;
}

Interval justify_hours(Interval v) {
  carry_hours_into_days(v);
  align_signs(v.days, v.micros, 24 * kMicrosPerHour, v.micros < 0, v.micros > 0);
  return v;
}

// justify_interval: hours into days first, then days into months, signs made consistent.
Interval justify_interval(Interval v) {
  carry_hours_into_days(v);
  carry_days_into_months(v);
  align_signs(v.months, v.days, 30, v.days < 0 || (v.days == 0 && v.micros < 0),
              v.days > 0 || (v.days == 0 && v.micros > 0));
  align_signs(v.days, v.micros, 24 * kMicrosPerHour, v.micros < 0, v.micros > 0);
  return v;
}

Value justify_days_fn(Args a) { return interval_value(justify_days(interval_of(a[0]))); }
Value justify_hours_fn(Args a) { return interval_value(justify_hours(interval_of(a[0]))); }
Value justify_interval_fn(Args a) { return interval_value(justify_interval(interval_of(a[0]))); }

// to_timestamp(double precision): seconds since the Unix epoch.
Value to_timestamp_fn(Args a) {
  double seconds = a[0].as_float();
  if (std::isnan(seconds)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
  }
  if (std::isinf(seconds)) {
    return Value::timestamp(seconds > 0 ? kTimestampInfinity : kTimestampMinusInfinity, T::TimestampTz);
  }
  double micros = std::rint(seconds * static_cast<double>(kMicrosPerSecond)) -
                  static_cast<double>(kUnixEpochMicros);
  if (!(micros > -9.2e18 && micros < 9.2e18) || !is_valid_timestamp(static_cast<int64_t>(micros))) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("timestamp out of range: \"{}\"", seconds));
  }
  return Value::timestamp(static_cast<int64_t>(micros), T::TimestampTz);
}

Value isfinite_date_fn(Args a) {
  return Value::boolean(a[0].as_int() != kDateInfinity && a[0].as_int() != kDateMinusInfinity);
}
Value isfinite_timestamp_fn(Args a) {
  return Value::boolean(a[0].as_int() != kTimestampInfinity && a[0].as_int() != kTimestampMinusInfinity);
}
Value isfinite_interval_fn(Args) { return Value::boolean(true); }

int zone_seconds(const Value& zone) {
  std::optional<int> offset = time_zone_offset(zone.as_text());
  if (!offset) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("time zone \"{}\" not recognized", zone.as_text()));
  }
  return *offset;
}

bool is_infinite(int64_t micros) { return micros == kTimestampInfinity || micros == kTimestampMinusInfinity; }

// timestamp AT TIME ZONE zone: the local time in that zone, as a moment (timestamptz).
Value timezone_of_timestamp_fn(Args a) {
  int64_t local = a[1].as_int();
  if (is_infinite(local)) return Value::timestamp(local, T::TimestampTz);
  return Value::timestamp(local - int64_t{zone_seconds(a[0])} * kMicrosPerSecond, T::TimestampTz);
}

// timestamptz AT TIME ZONE zone: the wall-clock time in that zone (timestamp).
Value timezone_of_timestamptz_fn(Args a) {
  int64_t moment = a[1].as_int();
  if (is_infinite(moment)) return Value::timestamp(moment, T::Timestamp);
  return Value::timestamp(moment + int64_t{zone_seconds(a[0])} * kMicrosPerSecond, T::Timestamp);
}

}  // namespace

void add_more_datetime_functions(std::vector<FunctionEntry>& f) {
  f.push_back({"now", {}, T::TimestampTz, now_fn});
  f.push_back({"transaction_timestamp", {}, T::TimestampTz, now_fn});
  f.push_back({"current_timestamp", {}, T::TimestampTz, now_fn});
  f.push_back({"current_timestamp", {T::Int4}, T::TimestampTz, now_precision_fn});
  f.push_back({"statement_timestamp", {}, T::TimestampTz, statement_timestamp_fn});
  f.push_back({"clock_timestamp", {}, T::TimestampTz, clock_timestamp_fn});
  f.push_back({"current_date", {}, T::Date, current_date_fn});
  f.push_back({"localtimestamp", {}, T::Timestamp, localtimestamp_fn});
  f.push_back({"localtimestamp", {T::Int4}, T::Timestamp, localtimestamp_precision_fn});
  f.push_back({"localtime", {}, T::Time, localtime_fn});
  f.push_back({"current_time", {}, T::Time, current_time_fn});
  f.push_back({"current_time", {T::Int4}, T::Time, current_time_fn});
  f.push_back({"timeofday", {}, T::Text, timeofday_fn});
  f.push_back({"make_date", {T::Int4, T::Int4, T::Int4}, T::Date, make_date_fn});
  f.push_back({"make_time", {T::Int4, T::Int4, T::Float8}, T::Time, make_time_fn});
  f.push_back({"make_timestamp", {T::Int4, T::Int4, T::Int4, T::Int4, T::Int4, T::Float8},
               T::Timestamp, make_timestamp_fn});
  f.push_back({"make_timestamptz", {T::Int4, T::Int4, T::Int4, T::Int4, T::Int4, T::Float8},
               T::TimestampTz, make_timestamptz_fn});
  std::vector<TypeId> interval_args;
  for (int n = 0; n <= 7; ++n) {
    f.push_back({"make_interval", interval_args, T::Interval, make_interval_fn});
    interval_args.push_back(n < 6 ? T::Int4 : T::Float8);
  }
  f.push_back({"justify_days", {T::Interval}, T::Interval, justify_days_fn});
  f.push_back({"justify_hours", {T::Interval}, T::Interval, justify_hours_fn});
  f.push_back({"justify_interval", {T::Interval}, T::Interval, justify_interval_fn});
  f.push_back({"to_timestamp", {T::Float8}, T::TimestampTz, to_timestamp_fn});
  f.push_back({"timezone", {T::Text, T::Timestamp}, T::TimestampTz, timezone_of_timestamp_fn});
  f.push_back({"timezone", {T::Text, T::TimestampTz}, T::Timestamp, timezone_of_timestamptz_fn});
  f.push_back({"isfinite", {T::Date}, T::Bool, isfinite_date_fn});
  f.push_back({"isfinite", {T::Timestamp}, T::Bool, isfinite_timestamp_fn});
  f.push_back({"isfinite", {T::TimestampTz}, T::Bool, isfinite_timestamp_fn});
  f.push_back({"isfinite", {T::Interval}, T::Bool, isfinite_interval_fn});
}

}  // namespace chalkdb
