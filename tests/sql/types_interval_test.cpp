// Interval representation, ordering and calendar arithmetic. Outputs are PostgreSQL 15's.
#include <gtest/gtest.h>

#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/datetime.h"
#include "sql/types/interval.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

std::string text_of(const Interval& i) {
  std::string out;
  append_interval(out, i);
  return out;
}

int64_t ts(const char* text) { return parse_timestamp(text, false); }

TEST(Interval, RoundTripsThroughValue) {
  Interval i{14, -3, -7200000001};
  Value v = interval_value(i);
  EXPECT_EQ(v.type(), TypeId::Interval);
  EXPECT_EQ(interval_of(v), i);
  EXPECT_EQ(format_value(v), "1 year 2 mons -3 days -02:00:00.000001");
  EXPECT_EQ(format_value(parse_value("1 day -1 hour", DataType{TypeId::Interval})), "1 day -01:00:00");
}

TEST(Interval, OrdersByLinearSpan) {
  EXPECT_EQ(compare_intervals(parse_interval("1 day"), parse_interval("24 hours")), 0);
  EXPECT_EQ(compare_intervals(parse_interval("1 mon"), parse_interval("30 days")), 0);
  EXPECT_EQ(compare_intervals(parse_interval("1 year"), parse_interval("360 days")), 0);
  EXPECT_LT(compare_intervals(parse_interval("-1 day"), parse_interval("1 second")), 0);
  Value day = interval_value(parse_interval("1 day"));
  Value hours = interval_value(parse_interval("24 hours"));
  EXPECT_EQ(compare_values(day, hours), 0);
  EXPECT_EQ(hash_value(day), hash_value(hours));
  EXPECT_NE(hash_value(day), hash_value(interval_value(parse_interval("25 hours"))));
}

TEST(Interval, CalendarArithmetic) {
  std::string out;
  append_timestamp(out, timestamp_plus_interval(ts("2024-01-31"), parse_interval("1 month")), false);
  EXPECT_EQ(out, "2024-02-29 00:00:00");
  EXPECT_EQ(text_of(timestamp_difference(ts("2024-03-01"), ts("2024-01-01 12:00"))), "59 days 12:00:00");
  EXPECT_EQ(text_of(timestamp_difference(ts("2024-01-01"), ts("2024-03-01 12:00"))), "-60 days -12:00:00");
  EXPECT_EQ(text_of(interval_multiply(parse_interval("1 mon"), 0.5)), "15 days");
  EXPECT_EQ(text_of(interval_divide(parse_interval("1 mon 3 days"), 2)), "16 days 12:00:00");
  EXPECT_EQ(text_of(interval_multiply(parse_interval("1 month"), 1.1)), "1 mon 3 days");
  std::string time;
  append_time(time, time_plus_interval(23 * 3600000000LL, parse_interval("2 hours")));
  EXPECT_EQ(time, "01:00:00");
}

TEST(Interval, Errors) {
  auto message_of = [](auto f) {
    try {
      f();
    } catch (const SqlError& e) {
      return std::string(e.state.code) + " " + e.message;
    }
    return std::string("no error");
  };
  EXPECT_EQ(message_of([] { parse_interval("1 day 1 day"); }),
            "22007 invalid input syntax for type interval: \"1 day 1 day\"");
  EXPECT_EQ(message_of([] { parse_interval("10:60"); }),
            "22015 interval field value out of range: \"10:60\"");
  EXPECT_EQ(message_of([] { interval_add(parse_interval("2147483647 days"), parse_interval("1 day")); }),
            "22008 interval out of range");
  EXPECT_EQ(message_of([] { interval_divide(parse_interval("1 day"), 0); }), "22012 division by zero");
  EXPECT_EQ(message_of([] { timestamp_difference(kTimestampInfinity, 0); }),
            "22008 cannot subtract infinite timestamps");
  EXPECT_EQ(message_of([] { timestamp_plus_interval(ts("294276-12-31"), parse_interval("1 year")); }),
            "22008 timestamp out of range");
}

}  // namespace
}  // namespace chalkdb
