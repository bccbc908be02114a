// The interval type: months, days and microseconds kept apart, as PostgreSQL keeps them (a
// month is not a fixed number of days, nor a day a fixed number of hours across DST changes).
//
// Text I/O follows IntervalStyle postgres: output "1 year 2 mons 3 days 04:05:06.5",
// "-1 days +01:00:00"; input accepts "<number> <unit>" lists (microseconds .. millennia, with
// fractions cascading down: '1.5 months' is 1 mon 15 days), "hh:mm[:ss]" times, "y-m",
// a leading "@", a trailing "ago" and ISO 8601 "P1Y2M3DT4H5M6S". Comparison uses PostgreSQL's
// linear span (a month is 30 days, a day 24 hours), so '1 day' = '24 hours'.
// Arithmetic with timestamps, dates and times follows timestamp_pl_interval, timestamp_mi,
// time_pl_interval, interval_mul and interval_div, with their errors (22008 "interval out of
// range", "timestamp out of range", "cannot subtract infinite timestamps", 22012).
//
// Differences from PostgreSQL: no interval typmods (INTERVAL DAY TO SECOND ...), no
// IntervalStyle other than postgres, and the ISO 8601 alternative format (P0001-02-03T...) is
// not accepted. A Value holds an interval as 16 bytes of text-like payload (see interval_value).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sql/value/value.h"

namespace chalkdb {

struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;

  friend bool operator==(const Interval&, const Interval&) = default;
};

Value interval_value(const Interval& interval);
Interval interval_of(const Value& value);

// 22007 invalid input syntax for type interval: "..."; 22008 interval out of range.
Interval parse_interval(std::string_view text);
void append_interval(std::string& out, const Interval& interval);

// <0, 0, >0 by the linear span; the same span hashes alike.
int compare_intervals(const Interval& a, const Interval& b);
size_t hash_interval(const Interval& interval);

Interval interval_add(const Interval& a, const Interval& b);
Interval interval_subtract(const Interval& a, const Interval& b);
Interval interval_negate(const Interval& a);
Interval interval_multiply(const Interval& a, double factor);
Interval interval_divide(const Interval& a, double divisor);

int64_t timestamp_plus_interval(int64_t timestamp, const Interval& interval);
Interval timestamp_difference(int64_t later, int64_t earlier);
int64_t time_plus_interval(int64_t time, const Interval& interval);
int64_t interval_to_time(const Interval& interval);

}  // namespace chalkdb
