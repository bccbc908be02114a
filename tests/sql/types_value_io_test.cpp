// Text output and input of values (value_io.h, float_io.h, datetime.h). Expected strings are
// PostgreSQL 15's output for the same values.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/float_io.h"
#include "sql/types/numeric.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

std::string f8(double v) { return format_value(Value::float8(v)); }
std::string f4(float v) { return format_value(Value::float4(v)); }

template <typename F>
SqlError error_of(F&& f) {
  try {
    f();
  } catch (const SqlError& e) {
    return e;
  }
  ADD_FAILURE() << "no error raised";
  return SqlError(sqlstate::kInternalError, "none");
}

TEST(FloatOutput, ShortestRoundTripLikePostgres12) {
  EXPECT_EQ(f8(0.1), "0.1");
  EXPECT_EQ(f8(1e20), "1e+20");
  EXPECT_EQ(f8(1.5e-7), "1.5e-07");
  EXPECT_EQ(f8(-1.5e-7), "-1.5e-07");
  EXPECT_EQ(f8(1e15), "1e+15");
  EXPECT_EQ(f8(1e14), "100000000000000");
  EXPECT_EQ(f8(9.999999e14), "999999900000000");
  EXPECT_EQ(f8(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(f8(0.0001), "0.0001");
  EXPECT_EQ(f8(0.00001), "1e-05");
  EXPECT_EQ(f8(2.5e-5), "2.5e-05");
  EXPECT_EQ(f8(1500), "1500");
  EXPECT_EQ(f8(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(f8(std::pow(2.0, 62)), "4.611686018427388e+18");
  EXPECT_EQ(f8(1e-310), "1e-310");
  EXPECT_EQ(f8(5e-324), "5e-324");
  EXPECT_EQ(f8(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(f8(static_cast<double>(0.1f)), "0.10000000149011612");
  EXPECT_EQ(f8(-0.0), "-0");
  EXPECT_EQ(f8(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(f8(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(f8(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(FloatOutput, Float4UsesSinglePrecision) {
  EXPECT_EQ(f4(0.1f), "0.1");
  EXPECT_EQ(f4(1e10f), "1e+10");
  EXPECT_EQ(f4(16777217.0f), "1.6777216e+07");
  EXPECT_EQ(f4(123456.0f), "123456");
  EXPECT_EQ(f4(1234567.0f), "1.234567e+06");
  EXPECT_EQ(f4(123456789.0f), "1.2345679e+08");
  EXPECT_EQ(f4(3.4e38f), "3.4e+38");
  EXPECT_EQ(f4(1e-5f), "1e-05");
  EXPECT_EQ(f4(123456.7f), "123456.7");
  EXPECT_EQ(f4(-0.0001f), "-0.0001");
  EXPECT_EQ(f4(1.0f / 3), "0.33333334");
}

TEST(FloatInput, AcceptsAndRejectsLikeFloat8in) {
  EXPECT_EQ(parse_float8(" 1.5e3 "), 1500.0);
  EXPECT_EQ(parse_float8("0x10"), 16.0);  // strtod accepts hex, so PostgreSQL does too
  EXPECT_TRUE(std::isinf(parse_float8("-inf")));
  EXPECT_TRUE(std::isnan(parse_float8("nan")));
  EXPECT_EQ(parse_float8("1e-320"), 1e-320);  // a denormal is not an underflow
  SqlError e = error_of([] { parse_float8("1e400"); });
  EXPECT_EQ(e.state, sqlstate::kNumericValueOutOfRange);
  EXPECT_EQ(e.message, "\"1e400\" is out of range for type double precision");
  e = error_of([] { parse_float8(" abc"); });
  EXPECT_EQ(e.state, sqlstate::kInvalidTextRepresentation);
  EXPECT_EQ(e.message, "invalid input syntax for type double precision: \" abc\"");
  EXPECT_EQ(error_of([] { parse_float4("3.5e38"); }).message, "\"3.5e38\" is out of range for type real");
  EXPECT_EQ(error_of([] { parse_float4("1e-46"); }).message, "\"1e-46\" is out of range for type real");
  EXPECT_EQ(error_of([] { parse_float4(""); }).message, "invalid input syntax for type real: \"\"");
}

TEST(ValueOutput, ScalarsAndStrings) {
  EXPECT_EQ(format_value(Value::boolean(true)), "t");
  EXPECT_EQ(format_value(Value::boolean(false)), "f");
  EXPECT_EQ(format_value(Value::int2(-32768)), "-32768");
  EXPECT_EQ(format_value(Value::int8(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(format_value(Value::oid(4294967295u)), "4294967295");
  EXPECT_EQ(format_value(Value::numeric(Numeric::parse("1.50"))), "1.50");
  EXPECT_EQ(format_value(Value::text("ab  ", TypeId::Bpchar)), "ab  ");
  EXPECT_EQ(format_value(Value::text("\xc3", TypeId::Char)), "\\303");
  EXPECT_EQ(format_value(Value::text("", TypeId::Char)), "");
  EXPECT_EQ(format_value(Value::text(std::string("\x00\x01\xff", 3), TypeId::Bytea)), "\\x0001ff");
  EXPECT_EQ(format_value(Value::text("", TypeId::Bytea)), "\\x");
  EXPECT_EQ(format_value(Value::null(TypeId::Int4)), "");
}

TEST(ValueOutput, AppendsToABuffer) {
  std::string out = "row: ";
  append_value(out, Value::int4(42));
  out += ',';
  append_value(out, Value::date(days_from_civil(2024, 1, 2)));
  out += ',';
  append_value(out, Value::float8(0.5));
  EXPECT_EQ(out, "row: 42,2024-01-02,0.5");
}

TEST(ValueOutput, DatesAndTimestamps) {
  auto ts = [](const char* text, TypeId type) {
    return format_value(parse_value(text, DataType{type}));
  };
  EXPECT_EQ(ts("2024-01-02 03:04:05.123456", TypeId::Timestamp), "2024-01-02 03:04:05.123456");
  EXPECT_EQ(ts("2024-01-02 03:04:05.5", TypeId::Timestamp), "2024-01-02 03:04:05.5");
  EXPECT_EQ(ts("2024-01-02", TypeId::Timestamp), "2024-01-02 00:00:00");
  EXPECT_EQ(ts("2024-01-02 03:04:05+02", TypeId::TimestampTz), "2024-01-02 01:04:05+00");
  EXPECT_EQ(ts("2000-01-01 BC", TypeId::Timestamp), "2000-01-01 00:00:00 BC");
  EXPECT_EQ(ts("infinity", TypeId::Timestamp), "infinity");
  EXPECT_EQ(ts("-infinity", TypeId::TimestampTz), "-infinity");
  EXPECT_EQ(ts("1999-12-31 23:59:59.999999", TypeId::Timestamp), "1999-12-31 23:59:59.999999");
  EXPECT_EQ(ts("0001-01-01 BC", TypeId::Date), "0001-01-01 BC");
  EXPECT_EQ(ts("12345-01-01", TypeId::Date), "12345-01-01");
  EXPECT_EQ(ts("10:30:15.5", TypeId::Time), "10:30:15.5");
  EXPECT_EQ(ts("24:00", TypeId::Time), "24:00:00");
  EXPECT_EQ(format_value(Value::date(0)), "2000-01-01");
  EXPECT_EQ(format_value(Value::date(kDateInfinity)), "infinity");
  EXPECT_EQ(format_value(Value::timestamp(-1, TypeId::Timestamp)), "1999-12-31 23:59:59.999999");
}

TEST(ValueInput, IntegersAndErrors) {
  EXPECT_EQ(parse_value(" 12 ", DataType{TypeId::Int4}).as_int(), 12);
  EXPECT_EQ(parse_value("-2147483648", DataType{TypeId::Int4}).as_int(), INT32_MIN);
  EXPECT_EQ(parse_value("-1", DataType{TypeId::Oid}).as_int(), 4294967295);
  SqlError e = error_of([] { parse_value("abc", DataType{TypeId::Int4}); });
  EXPECT_EQ(e.state, sqlstate::kInvalidTextRepresentation);
  EXPECT_EQ(e.message, "invalid input syntax for type integer: \"abc\"");
  e = error_of([] { parse_value("99999999999", DataType{TypeId::Int4}); });
  EXPECT_EQ(e.state, sqlstate::kNumericValueOutOfRange);
  EXPECT_EQ(e.message, "value \"99999999999\" is out of range for type integer");
  EXPECT_EQ(error_of([] { parse_value("99999", DataType{TypeId::Int2}); }).message,
            "value \"99999\" is out of range for type smallint");
  EXPECT_EQ(error_of([] { parse_value("x", DataType{TypeId::Int8}); }).message,
            "invalid input syntax for type bigint: \"x\"");
}

TEST(ValueInput, Booleans) {
  for (const char* yes : {"t", "true", " TRUE ", "yes", "y", "on", "1", "tr"})
    EXPECT_TRUE(parse_bool(yes)) << yes;
  for (const char* no : {"f", "false", "no", "n", "off", "of", "0", "fal"})
    EXPECT_FALSE(parse_bool(no)) << no;
  for (const char* bad : {"o", "x", "", "10", "yess"}) {
    SqlError e = error_of([&] { parse_bool(bad); });
    EXPECT_EQ(e.message, std::string("invalid input syntax for type boolean: \"") + bad + "\"");
  }
}

TEST(ValueInput, DatesAcceptIsoMdyAndMonthNames) {
  int32_t jan2 = days_from_civil(2024, 1, 2);
  for (const char* text : {"2024-01-02", " 2024-1-2 ", "20240102", "01/02/2024", "1/2/24",
                           "Jan 2, 2024", "2 January 2024", "January 2 2024", "2024 Jan 2",
                           "Jan-02-2024", "02-Jan-2024", "Tuesday, January 2, 2024",
                           "2024-01-02 10:00", "240102", "2024.01.02", "2024/01/02"})
    EXPECT_EQ(parse_date(text), jan2) << text;
  EXPECT_EQ(parse_date("epoch"), days_from_civil(1970, 1, 1));
  EXPECT_EQ(parse_date("1/2/70"), days_from_civil(1970, 1, 2));
  EXPECT_EQ(parse_date("2024-001"), days_from_civil(2024, 1, 1));
}

TEST(ValueInput, DateErrors) {
  SqlError e = error_of([] { parse_date("2024-13-01"); });
  EXPECT_EQ(e.state, sqlstate::kDatetimeFieldOverflow);
  EXPECT_EQ(e.message, "date/time field value out of range: \"2024-13-01\"");
  EXPECT_EQ(e.hint.value_or(""), "Perhaps you need a different \"datestyle\" setting.");
  e = error_of([] { parse_date("2024-02-30"); });
  EXPECT_EQ(e.message, "date/time field value out of range: \"2024-02-30\"");
  EXPECT_FALSE(e.hint.has_value());
  e = error_of([] { parse_date("abc"); });
  EXPECT_EQ(e.state, sqlstate::kInvalidDatetimeFormat);
  EXPECT_EQ(e.message, "invalid input syntax for type date: \"abc\"");
  EXPECT_EQ(error_of([] { parse_date("4714-01-01 BC"); }).message, "date out of range: \"4714-01-01 BC\"");
  EXPECT_EQ(error_of([] { parse_timestamp("294277-01-01", false); }).message,
            "timestamp out of range: \"294277-01-01\"");
  EXPECT_EQ(error_of([] { parse_timestamp("xyz", true); }).message,
            "invalid input syntax for type timestamp with time zone: \"xyz\"");
  e = error_of([] { parse_timestamp("2024-01-02 10:11:12 +25", true); });
  EXPECT_EQ(e.state, sqlstate::kInvalidTimeZoneDisplacementValue);
  EXPECT_EQ(e.message, "time zone displacement out of range: \"2024-01-02 10:11:12 +25\"");
}

TEST(ValueInput, RelativeWordsUseTheClock) {
  int32_t today = parse_date("today");
  EXPECT_EQ(parse_date("tomorrow"), today + 1);
  EXPECT_EQ(parse_date("yesterday"), today - 1);
  EXPECT_EQ(parse_timestamp("today", false), int64_t{today} * kMicrosPerDay);
  EXPECT_LE(std::llabs(parse_timestamp("now", true) - current_timestamp()), 60'000'000);
}

TEST(ValueInput, ByteaFormats) {
  EXPECT_EQ(parse_bytea("\\x0001ff"), std::string("\x00\x01\xff", 3));
  EXPECT_EQ(parse_bytea("\\x 01 ff"), std::string("\x01\xff", 2));
  EXPECT_EQ(parse_bytea("a\\\\b"), "a\\b");
  EXPECT_EQ(parse_bytea("\\001"), std::string("\x01", 1));
  SqlError e = error_of([] { parse_bytea("\\xzz"); });
  EXPECT_EQ(e.state, sqlstate::kInvalidParameterValue);
  EXPECT_EQ(e.message, "invalid hexadecimal digit: \"z\"");
  EXPECT_EQ(error_of([] { parse_bytea("\\x0"); }).message, "invalid hexadecimal data: odd number of digits");
  e = error_of([] { parse_bytea("a\\9"); });
  EXPECT_EQ(e.state, sqlstate::kInvalidTextRepresentation);
  EXPECT_EQ(e.message, "invalid input syntax for type bytea");
}

TEST(ValueInput, StringTypesApplyTheirTypmod) {
  DataType varchar3{TypeId::Varchar, 3 + 4};
  DataType char4{TypeId::Bpchar, 4 + 4};
  EXPECT_EQ(parse_value("abc   ", varchar3).as_text(), "abc");
  EXPECT_EQ(parse_value("ab", char4).as_text(), "ab  ");
  EXPECT_EQ(error_of([&] { parse_value("abcd", varchar3); }).message,
            "value too long for type character varying(3)");
  EXPECT_EQ(parse_value(std::string(70, 'x'), DataType{TypeId::Name}).as_text(), std::string(63, 'x'));
  EXPECT_EQ(parse_value("\\101", DataType{TypeId::Char}).as_text(), "A");
}

}  // namespace
}  // namespace chalkdb
