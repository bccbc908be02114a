#include "sql/types/datetime_functions.h"

#include <fmt/format.h>

#include <optional>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"

namespace chalkdb::datetime_functions {

namespace {

using T = TypeId;

enum class Field {
  Microseconds, Milliseconds, Second, Minute, Hour, Day, Week, Month, Quarter, Year, Decade,
  Century, Millennium, Dow, Isodow, Doy, Isoyear, Epoch, Julian, Timezone, TimezoneHour,
  TimezoneMinute,
};

std::optional<Field> field_named(std::string_view name) {
  struct Alias {
    std::string_view name;
    Field field;
  };
  static constexpr Alias kAliases[] = {
      {"microsecond", Field::Microseconds}, {"microseconds", Field::Microseconds},
      {"microsecon", Field::Microseconds},  {"us", Field::Microseconds},
      {"usec", Field::Microseconds},        {"usecs", Field::Microseconds},
      {"useconds", Field::Microseconds},    {"millisecond", Field::Milliseconds},
      {"milliseconds", Field::Milliseconds}, {"millisecon", Field::Milliseconds},
      {"ms", Field::Milliseconds},          {"msec", Field::Milliseconds},
      {"msecs", Field::Milliseconds},       {"mseconds", Field::Milliseconds},
      {"second", Field::Second},            {"seconds", Field::Second},
      {"s", Field::Second},                 {"sec", Field::Second},
      {"secs", Field::Second},              {"minute", Field::Minute},
      {"minutes", Field::Minute},           {"m", Field::Minute},
      {"min", Field::Minute},               {"mins", Field::Minute},
      {"hour", Field::Hour},                {"hours", Field::Hour},
      {"h", Field::Hour},                   {"hr", Field::Hour},
      {"hrs", Field::Hour},                 {"day", Field::Day},
      {"days", Field::Day},                 {"d", Field::Day},
      {"week", Field::Week},                {"weeks", Field::Week},
      {"w", Field::Week},                   {"month", Field::Month},
      {"months", Field::Month},             {"mon", Field::Month},
      {"mons", Field::Month},               {"quarter", Field::Quarter},
      {"qtr", Field::Quarter},              {"year", Field::Year},
      {"years", Field::Year},               {"y", Field::Year},
      {"yr", Field::Year},                  {"yrs", Field::Year},
      {"decade", Field::Decade},            {"decades", Field::Decade},
      {"dec", Field::Decade},               {"decs", Field::Decade},
      {"century", Field::Century},          {"centuries", Field::Century},
      {"c", Field::Century},                {"cent", Field::Century},
      {"millennium", Field::Millennium},    {"millennia", Field::Millennium},
      {"mil", Field::Millennium},           {"mils", Field::Millennium},
      {"dow", Field::Dow},                  {"isodow", Field::Isodow},
      {"doy", Field::Doy},                  {"isoyear", Field::Isoyear},
      {"epoch", Field::Epoch},              {"julian", Field::Julian},
      {"j", Field::Julian},                 {"timezone", Field::Timezone},
      {"timezone_h", Field::TimezoneHour},  {"timezone_hour", Field::TimezoneHour},
      {"timezone_m", Field::TimezoneMinute}, {"timezone_minute", Field::TimezoneMinute},
  };
  for (const Alias& a : kAliases)
    if (a.name == name) return a.field;
  return std::nullopt;
}

std::string lowercase(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The unit argument with the errors of DecodeUnits/DecodeSpecial.
struct Unit {
  std::string name;
  Field field;
};

Unit unit_of(const Value& text, TypeId type) {
  std::string name = lowercase(text.as_text());
  auto field = field_named(name);
  if (!field) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("unit \"{}\" not recognized for type {}", name, format_type(DataType{type})));
  }
  return {name, *field};
}

[[noreturn]] void unsupported(const Unit& unit, TypeId type) {
  throw SqlError(sqlstate::kFeatureNotSupported,
                 fmt::format("unit \"{}\" not supported for type {}", unit.name, format_type(DataType{type})));
}

int positive_mod(int64_t a, int b) { return static_cast<int>(((a % b) + b) % b); }

// 0 = Sunday, as j2day.
int day_of_week(int32_t days) { return positive_mod(int64_t{days} + 6, 7); }

// date2isoweek / date2isoyear: weeks start on Monday; week 1 holds January 4th.
int32_t iso_week_start(int year) {
  int32_t jan4 = days_from_civil(year, 1, 4);
  return jan4 - positive_mod(day_of_week(jan4) - 1, 7);
}

std::pair<int, int> iso_year_and_week(int32_t days, int year) {
  int iso_year = year;
  if (days < iso_week_start(year)) --iso_year;
  else if (days >= iso_week_start(year + 1)) ++iso_year;
  return {iso_year, (days - iso_week_start(iso_year)) / 7 + 1};
}

struct Moment {
  int32_t days;
  int year, month, day;  // year 0 is 1 BC
  int64_t clock;         // microseconds into the day
};

Moment split(int64_t timestamp) {
  Moment m;
  m.days = timestamp_to_date(timestamp);
  m.clock = timestamp - int64_t{m.days} * kMicrosPerDay;
  civil_from_days(m.days, m.year, m.month, m.day);
  return m;
}

Numeric integer(int64_t v) { return Numeric::from_int64(v); }

int display_year(int year) { return year > 0 ? year : year - 1; }

std::optional<Numeric> calendar_field(Field field, int32_t days, int year, int month, int day) {
  switch (field) {
    case Field::Day: return integer(day);
    case Field::Month: return integer(month);
    case Field::Quarter: return integer((month - 1) / 3 + 1);
    case Field::Year: return integer(display_year(year));
    case Field::Week: return integer(iso_year_and_week(days, year).second);
    case Field::Isoyear: return integer(display_year(iso_year_and_week(days, year).first));
    case Field::Decade: return integer(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
    case Field::Century: return integer(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
    case Field::Millennium: return integer(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
    case Field::Dow: return integer(day_of_week(days));
    case Field::Isodow: return integer(day_of_week(days) == 0 ? 7 : day_of_week(days));
    case Field::Doy: return integer(days - days_from_civil(year, 1, 1) + 1);
    default: return std::nullopt;
  }
}

std::optional<Numeric> clock_field(Field field, int64_t clock) {
  int64_t second_micros = clock % 60000000;
  switch (field) {
    case Field::Microseconds: return integer(second_micros);
    case Field::Milliseconds: return Numeric::from_parts(second_micros, 3);
    case Field::Second: return Numeric::from_parts(second_micros, 6);
    case Field::Minute: return integer(clock / 60000000 % 60);
    case Field::Hour: return integer(clock / 3600000000LL);
    default: return std::nullopt;
  }
}

constexpr int64_t kUnixEpochDays = -10957;  // 1970-01-01 relative to 2000-01-01

bool is_monotonic(Field field) {
  return field == Field::Year || field == Field::Decade || field == Field::Century ||
         field == Field::Millennium || field == Field::Julian || field == Field::Isoyear ||
         field == Field::Epoch;
}

// Infinite dates and timestamps: +/-Infinity for fields that grow with time, else NULL.
std::optional<Numeric> infinite_field(const Unit& unit, bool negative) {
  if (is_monotonic(unit.field)) return Numeric::infinity(negative);
  return std::nullopt;
}

std::optional<Numeric> timestamp_field(const Unit& unit, int64_t timestamp, TypeId type) {
  if (timestamp == kTimestampInfinity || timestamp == kTimestampMinusInfinity)
    return infinite_field(unit, timestamp == kTimestampMinusInfinity);
  Moment m = split(timestamp);
  if (auto v = calendar_field(unit.field, m.days, m.year, m.month, m.day)) return v;
  if (auto v = clock_field(unit.field, m.clock)) return v;
  switch (unit.field) {
    case Field::Epoch:
      return Numeric::from_parts(Numeric::BigInt(timestamp) - kUnixEpochDays * kMicrosPerDay, 6);
    case Field::Julian:
      return integer(int64_t{m.days} + 2451545) + integer(m.clock) / integer(kMicrosPerDay);
    case Field::Timezone:
    case Field::TimezoneHour:
    case Field::TimezoneMinute:
      if (type == T::TimestampTz) return integer(0);
      break;
    default: break;
  }
  unsupported(unit, type);
}

bool is_date_field(Field field) {
  switch (field) {
    case Field::Day: case Field::Month: case Field::Quarter: case Field::Year: case Field::Week:
    case Field::Isoyear: case Field::Decade: case Field::Century: case Field::Millennium:
    case Field::Dow: case Field::Isodow: case Field::Doy: case Field::Epoch: case Field::Julian:
      return true;
    default: return false;
  }
}

std::optional<Numeric> date_field(const Unit& unit, int32_t days) {
  if (!is_date_field(unit.field)) unsupported(unit, T::Date);
  if (days == kDateInfinity || days == kDateMinusInfinity)
    return infinite_field(unit, days == kDateMinusInfinity);
  int year, month, day;
  civil_from_days(days, year, month, day);
  if (auto v = calendar_field(unit.field, days, year, month, day)) return v;
  if (unit.field == Field::Epoch) return integer((int64_t{days} - kUnixEpochDays) * 86400);
  if (unit.field == Field::Julian) return integer(int64_t{days} + 2451545);
  unsupported(unit, T::Date);
}

std::optional<Numeric> time_field(const Unit& unit, int64_t clock) {
  if (auto v = clock_field(unit.field, clock)) return v;
  if (unit.field == Field::Epoch) return Numeric::from_parts(clock, 6);
  unsupported(unit, T::Time);
}

std::optional<Numeric> interval_field(const Unit& unit, const Interval& i) {
  int64_t years = i.months / 12;
  int64_t months = i.months % 12;
  switch (unit.field) {
    case Field::Microseconds:
    case Field::Milliseconds:
    case Field::Second: return clock_field(unit.field, i.micros % 60000000);
    case Field::Minute: return integer(i.micros / 60000000 % 60);
    case Field::Hour: return integer(i.micros / 3600000000LL);
    case Field::Day: return integer(i.days);
    case Field::Month: return integer(months);
    case Field::Quarter: return integer(months / 3 + 1);
    case Field::Year: return integer(years);
    case Field::Decade: return integer(years / 10);
    case Field::Century: return integer(years / 100);
    case Field::Millennium: return integer(years / 1000);
    case Field::Epoch: {
      // 365.25 days a year and 30 a month, computed in quarter days to stay integral.
      int64_t seconds = (1461 * years + 120 * months + int64_t{4} * i.days) * (86400 / 4);
      return Numeric::from_parts(seconds, 0) + Numeric::from_parts(i.micros, 6);
    }
    default: unsupported(unit, T::Interval);
  }
}

std::optional<Numeric> field_of(Args args) {
  const Value& source = args[1];
  Unit unit = unit_of(args[0], source.type());
  switch (source.type()) {
    case T::Timestamp:
    case T::TimestampTz: return timestamp_field(unit, source.as_int(), source.type());
    case T::Date: return date_field(unit, static_cast<int32_t>(source.as_int()));
    case T::Time: return time_field(unit, source.as_int());
    default: return interval_field(unit, interval_of(source));
  }
}

// timestamp_trunc: clears every field below the unit.
int64_t truncate_timestamp(const Unit& unit, int64_t timestamp, TypeId type) {
  if (timestamp == kTimestampInfinity || timestamp == kTimestampMinusInfinity) return timestamp;
  Moment m = split(timestamp);
  int year = m.year;
  int month = m.month;
  int day = m.day;
  int64_t clock = m.clock;
  switch (unit.field) {
    case Field::Millennium:
      year = year > 0 ? ((year + 999) / 1000) * 1000 - 999 : -((999 - (year - 1)) / 1000) * 1000 + 1;
      month = day = 1;
      clock = 0;
      break;
    case Field::Century:
      year = year > 0 ? ((year + 99) / 100) * 100 - 99 : -((99 - (year - 1)) / 100) * 100 + 1;
      month = day = 1;
      clock = 0;
      break;
    case Field::Decade:
      year = year > 0 ? (year / 10) * 10 : -((8 - (year - 1)) / 10) * 10;
      month = day = 1;
      clock = 0;
      break;
    case Field::Year: month = day = 1; clock = 0; break;
    case Field::Quarter: month = 3 * ((month - 1) / 3) + 1; day = 1; clock = 0; break;
    case Field::Month: day = 1; clock = 0; break;
    case Field::Week: {
      int32_t monday = m.days - positive_mod(day_of_week(m.days) - 1, 7);
      return int64_t{monday} * kMicrosPerDay;
    }
    case Field::Day: clock = 0; break;
    case Field::Hour: clock -= clock % 3600000000LL; break;
    case Field::Minute: clock -= clock % 60000000; break;
    case Field::Second: clock -= clock % 1000000; break;
    case Field::Milliseconds: clock -= clock % 1000; break;
    case Field::Microseconds: break;
    default: unsupported(unit, type);
  }
  return int64_t{days_from_civil(year, month, day)} * kMicrosPerDay + clock;
}

// interval_trunc: the same, on the interval's own fields.
Interval truncate_interval(const Unit& unit, Interval i) {
  int64_t years = i.months / 12;
  int64_t months = i.months % 12;
  switch (unit.field) {
    case Field::Millennium: years = years / 1000 * 1000; months = 0; i.days = 0; i.micros = 0; break;
    case Field::Century: years = years / 100 * 100; months = 0; i.days = 0; i.micros = 0; break;
    case Field::Decade: years = years / 10 * 10; months = 0; i.days = 0; i.micros = 0; break;
    case Field::Year: months = 0; i.days = 0; i.micros = 0; break;
    case Field::Quarter: months = 3 * (months / 3); i.days = 0; i.micros = 0; break;
    case Field::Month: i.days = 0; i.micros = 0; break;
    case Field::Day: i.micros = 0; break;
    case Field::Hour: i.micros -= i.micros % 3600000000LL; break;
    case Field::Minute: i.micros -= i.micros % 60000000; break;
    case Field::Second: i.micros -= i.micros % 1000000; break;
    case Field::Milliseconds: i.micros -= i.micros % 1000; break;
    case Field::Microseconds: break;
    default: unsupported(unit, T::Interval);
  }
  i.months = static_cast<int32_t>(years * 12 + months);
  return i;
}

// timestamp_age: field-wise difference, borrowing from the next larger field.
Interval symbolic_difference(int64_t later, int64_t earlier) {
  if (later == kTimestampInfinity || later == kTimestampMinusInfinity ||
      earlier == kTimestampInfinity || earlier == kTimestampMinusInfinity)
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  Moment a = split(later);
  Moment b = split(earlier);
  bool negative = later < earlier;
  int sign = negative ? -1 : 1;
  int64_t micros = sign * (a.clock - b.clock);
  int64_t day = sign * (a.day - b.day);
  int64_t month = sign * (a.month - b.month);
  int64_t year = sign * (a.year - b.year);
  while (micros < 0) {
    micros += kMicrosPerDay;
    --day;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const Moment& borrow_from = negative ? a : b;
  bool leap = borrow_from.year % 4 == 0 && (borrow_from.year % 100 != 0 || borrow_from.year % 400 == 0);
  int borrow_days = borrow_from.month == 2 && leap ? 29 : kDays[borrow_from.month - 1];
  while (day < 0) {
    day += borrow_days;
    --month;
  }
  while (month < 0) {
    month += 12;
    --year;
  }
  return Interval{static_cast<int32_t>(sign * (year * 12 + month)), static_cast<int32_t>(sign * day), sign * micros};
}

// date_part computes a few fields in double precision with its own formulas; their last
// digit can differ from the numeric field converted to double, so they are reproduced here.
std::optional<double> float_field(Args args) {
  const Value& source = args[1];
  Unit unit = unit_of(args[0], source.type());
  bool timestamp = source.type() == T::Timestamp || source.type() == T::TimestampTz;
  if (timestamp && (source.as_int() == kTimestampInfinity || source.as_int() == kTimestampMinusInfinity))
    return std::nullopt;
  int64_t second_micros = 0;
  if (timestamp) second_micros = split(source.as_int()).clock % 60000000;
  else if (source.type() == T::Time) second_micros = source.as_int() % 60000000;
  else if (source.type() == T::Interval) second_micros = interval_of(source).micros % 60000000;
  else return std::nullopt;
  double seconds = static_cast<double>(second_micros / 1000000);
  double fraction = static_cast<double>(second_micros % 1000000);
  switch (unit.field) {
    case Field::Milliseconds: return seconds * 1000.0 + fraction / 1000.0;
    case Field::Second: return seconds + fraction / 1000000.0;
    case Field::Julian:
      if (!timestamp) return std::nullopt;
      {
        Moment m = split(source.as_int());
        int64_t whole_seconds = m.clock / 1000000;
        return (int64_t{m.days} + 2451545) +
               (static_cast<double>(whole_seconds) + static_cast<double>(m.clock % 1000000) / 1000000.0) / 86400.0;
      }
    case Field::Epoch:
      if (source.type() != T::Interval) return std::nullopt;
      {
        Interval i = interval_of(source);
        double result = static_cast<double>(i.micros) / 1000000.0;
        result += (365.25 * 86400) * (i.months / 12);
        result += (30.0 * 86400) * (i.months % 12);
        result += 86400.0 * i.days;
        return result;
      }
    default: return std::nullopt;
  }
}

}  // namespace

Value extract(Args args) {
  auto result = field_of(args);
  return result ? Value::numeric(std::move(*result)) : Value::null(T::Numeric);
}

Value date_part(Args args) {
  if (args[1].type() == T::Date) {
    Value as_timestamp = Value::timestamp(date_to_timestamp(static_cast<int32_t>(args[1].as_int())));
    const Value converted[] = {args[0], as_timestamp};
    return date_part(converted);
  }
  if (auto exact = float_field(args)) return Value::float8(*exact);
  auto result = field_of(args);
  return result ? Value::float8(result->to_double()) : Value::null(T::Float8);
}

// date_trunc accepts only the plain units (not dow, epoch, ...), as DecodeUnits' UNITS class.
bool is_truncation_unit(Field field) {
  return field <= Field::Millennium;
}

Value date_trunc(Args args) {
  const Value& source = args[1];
  if (source.type() != T::Interval &&
      (source.as_int() == kTimestampInfinity || source.as_int() == kTimestampMinusInfinity))
    return source;
  Unit unit = unit_of(args[0], source.type());
  if (!is_truncation_unit(unit.field)) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("unit \"{}\" not recognized for type {}", unit.name,
                               format_type(DataType{source.type()})));
  }
  if (source.type() == T::Interval) return interval_value(truncate_interval(unit, interval_of(source)));
  return Value::timestamp(truncate_timestamp(unit, source.as_int(), source.type()), source.type());
}

Value age(Args args) {
  if (args.size() == 1) {
    int64_t today = int64_t{timestamp_to_date(current_timestamp())} * kMicrosPerDay;
    return interval_value(symbolic_difference(today, args[0].as_int()));
  }
  return interval_value(symbolic_difference(args[0].as_int(), args[1].as_int()));
}

}  // namespace chalkdb::datetime_functions
