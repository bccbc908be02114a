// Cast contexts (pg_cast) and conversions. Results and messages are PostgreSQL 15's.
#include <gtest/gtest.h>

#include <cmath>

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/numeric.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using C = CastContext;
using T = TypeId;

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

std::string cast_text(const Value& v, DataType target, C context = C::Explicit) {
  return format_value(cast_value(v, target, context));
}

TEST(CanCast, FollowsPgCastContexts) {
  EXPECT_TRUE(can_cast(T::Int4, T::Int8, C::Implicit));
  EXPECT_FALSE(can_cast(T::Int8, T::Int4, C::Implicit));
  EXPECT_TRUE(can_cast(T::Int8, T::Int4, C::Assignment));
  EXPECT_TRUE(can_cast(T::Float8, T::Numeric, C::Assignment));
  EXPECT_FALSE(can_cast(T::Float8, T::Numeric, C::Implicit));
  EXPECT_TRUE(can_cast(T::Numeric, T::Float8, C::Implicit));
  EXPECT_TRUE(can_cast(T::Date, T::Timestamp, C::Implicit));
  EXPECT_FALSE(can_cast(T::Timestamp, T::Date, C::Implicit));
  EXPECT_TRUE(can_cast(T::Bool, T::Int4, C::Explicit));
  EXPECT_FALSE(can_cast(T::Bool, T::Int4, C::Assignment));
  EXPECT_FALSE(can_cast(T::Int8, T::Bool, C::Explicit));
  EXPECT_TRUE(can_cast(T::Varchar, T::Text, C::Implicit));
  EXPECT_TRUE(can_cast(T::Text, T::Bpchar, C::Implicit));
}

TEST(CanCast, AutomaticIoConversionsAndUnknown) {
  EXPECT_TRUE(can_cast(T::Int4, T::Text, C::Assignment));   // to a string type: assignment
  EXPECT_FALSE(can_cast(T::Int4, T::Text, C::Implicit));
  EXPECT_TRUE(can_cast(T::Text, T::Int4, C::Explicit));     // from a string type: explicit
  EXPECT_FALSE(can_cast(T::Text, T::Int4, C::Assignment));
  EXPECT_TRUE(can_cast(T::Date, T::Varchar, C::Assignment));
  EXPECT_TRUE(can_cast(T::Text, T::Bytea, C::Explicit));
  EXPECT_TRUE(can_cast(T::Unknown, T::Date, C::Implicit));
  EXPECT_TRUE(can_cast(T::Numeric, T::Numeric, C::Implicit));  // length coercion
  EXPECT_FALSE(can_cast(T::Date, T::Int4, C::Explicit));
}

TEST(CastValue, NumericConversions) {
  EXPECT_EQ(cast_text(Value::float8(2.5), DataType{T::Int4}), "2");  // rint: half to even
  EXPECT_EQ(cast_text(Value::float8(3.5), DataType{T::Int4}), "4");
  EXPECT_EQ(cast_text(Value::float8(-2.5), DataType{T::Int4}), "-2");
  EXPECT_EQ(cast_text(Value::numeric(Numeric::parse("2.5")), DataType{T::Int4}), "3");
  EXPECT_EQ(cast_text(Value::numeric(Numeric::parse("-2.5")), DataType{T::Int4}), "-3");
  EXPECT_EQ(cast_text(Value::float8(0.1), DataType{T::Numeric}), "0.1");
  EXPECT_EQ(cast_text(Value::float4(123456789.123f), DataType{T::Numeric}), "123457000");
  EXPECT_EQ(cast_text(Value::int4(-1), DataType{T::Oid}), "4294967295");
  EXPECT_EQ(cast_text(Value::oid(4294967295u), DataType{T::Int4}), "-1");
  EXPECT_EQ(cast_text(Value::boolean(true), DataType{T::Int4}), "1");
  EXPECT_EQ(cast_text(Value::int4(5), DataType{T::Bool}), "t");
  EXPECT_EQ(cast_text(Value::int4(65), DataType{T::Char}), "A");
}

TEST(CastValue, RangeErrors) {
  auto expect = [](const Value& v, T target, const char* message) {
    SqlError e = error_of([&] { cast_value(v, DataType{target}, C::Explicit); });
    EXPECT_EQ(e.message, message);
    return e;
  };
  EXPECT_EQ(expect(Value::float8(3e9), T::Int4, "integer out of range").state,
            sqlstate::kNumericValueOutOfRange);
  expect(Value::float8(NAN), T::Int4, "integer out of range");
  expect(Value::float8(INFINITY), T::Int8, "bigint out of range");
  expect(Value::int4(40000), T::Int2, "smallint out of range");
  expect(Value::int8(40000), T::Int2, "smallint out of range");
  expect(Value::int8(-1), T::Oid, "OID out of range");
  expect(Value::float8(1e300), T::Float4, "value out of range: overflow");
  expect(Value::float8(1e-300), T::Float4, "value out of range: underflow");
  expect(Value::int4(300), T::Char, "\"char\" out of range");
  EXPECT_EQ(expect(Value::numeric(Numeric::nan()), T::Int4, "cannot convert NaN to integer").state,
            sqlstate::kFeatureNotSupported);
  EXPECT_EQ(expect(Value::date(0), T::Int4, "cannot cast type date to integer").state,
            sqlstate::kCannotCoerce);
}

TEST(CastValue, CharacterLengths) {
  DataType varchar3{T::Varchar, 3 + 4};
  DataType char3{T::Bpchar, 3 + 4};
  DataType char5{T::Bpchar, 5 + 4};
  Value abcd = Value::text("abcd");
  EXPECT_EQ(cast_text(abcd, varchar3, C::Explicit), "abc");
  EXPECT_EQ(cast_text(abcd, char3, C::Explicit), "abc");
  SqlError e = error_of([&] { cast_value(abcd, varchar3, C::Assignment); });
  EXPECT_EQ(e.state, sqlstate::kStringDataRightTruncation);
  EXPECT_EQ(e.message, "value too long for type character varying(3)");
  EXPECT_EQ(error_of([&] { cast_value(abcd, char3, C::Implicit); }).message,
            "value too long for type character(3)");
  EXPECT_EQ(cast_text(Value::text("abc   "), varchar3, C::Assignment), "abc");  // spaces are cut
  EXPECT_EQ(cast_text(Value::text("ab"), char5, C::Assignment), "ab   ");
  EXPECT_EQ(cast_text(Value::text("héllo"), varchar3, C::Explicit), "hél");  // characters
  EXPECT_EQ(cast_text(Value::int4(12345), varchar3, C::Explicit), "123");
  EXPECT_EQ(cast_text(Value::text("ab  ", T::Bpchar), DataType{T::Text}), "ab");
  EXPECT_EQ(cast_text(Value::text("ab  ", T::Bpchar), DataType{T::Varchar}), "ab");
}

TEST(CastValue, StringsAndIo) {
  EXPECT_EQ(cast_text(Value::boolean(true), DataType{T::Text}), "true");
  EXPECT_EQ(cast_text(Value::boolean(true), DataType{T::Name}), "t");
  EXPECT_EQ(cast_text(Value::numeric(Numeric::parse("1.50")), DataType{T::Text}), "1.50");
  EXPECT_EQ(cast_text(Value::text(" 12 "), DataType{T::Int4}), "12");
  EXPECT_EQ(cast_text(Value::text("abc"), DataType{T::Bytea}), "\\x616263");
  EXPECT_EQ(error_of([] { cast_value(Value::text("12x"), DataType{T::Int4}, C::Explicit); }).message,
            "invalid input syntax for type integer: \"12x\"");
  EXPECT_EQ(cast_text(Value::text("12", T::Unknown), DataType{T::Int8}), "12");
}

TEST(CastValue, TypmodsAndDatetimes) {
  DataType numeric52{T::Numeric, ((5 << 16) | 2) + 4};
  EXPECT_EQ(cast_text(Value::int4(1), numeric52), "1.00");
  EXPECT_EQ(cast_text(Value::float8(1.005), numeric52), "1.01");  // 15 digits first: 1.005
  SqlError e = error_of([&] { cast_value(Value::numeric(Numeric::parse("1234.5")), numeric52, C::Assignment); });
  EXPECT_EQ(e.message, "numeric field overflow");
  EXPECT_EQ(e.detail.value_or(""),
            "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
  Value ts = parse_value("2024-01-02 03:04:05.678", DataType{T::Timestamp});
  EXPECT_EQ(cast_text(ts, DataType{T::Timestamp, 0}), "2024-01-02 03:04:06");
  EXPECT_EQ(cast_text(ts, DataType{T::Date}), "2024-01-02");
  EXPECT_EQ(cast_text(ts, DataType{T::Time}), "03:04:05.678");
  EXPECT_EQ(cast_text(ts, DataType{T::TimestampTz}), "2024-01-02 03:04:05.678+00");
  EXPECT_EQ(cast_text(parse_value("2024-01-02", DataType{T::Date}), DataType{T::Timestamp}),
            "2024-01-02 00:00:00");
  EXPECT_TRUE(cast_value(parse_value("infinity", DataType{T::Timestamp}), DataType{T::Time}, C::Explicit).is_null());
  EXPECT_TRUE(cast_value(Value::null(T::Int4), DataType{T::Text}, C::Explicit).is_null());
  EXPECT_EQ(cast_value(Value::null(T::Int4), DataType{T::Text}, C::Explicit).type(), T::Text);
}

}  // namespace
}  // namespace chalkdb
