#include "sql/types/binary_io.h"

#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;

std::string send(const Value& value) {
  std::string out;
  append_binary_value(out, value);
  return out;
}

// Text of the value received from `bytes` as `type`.
std::string receive(std::string_view bytes, TypeId type) {
  return format_value(parse_binary_value(bytes, DataType{type}, 1));
}

TEST(BinaryIoTest, IntegersAreBigEndian) {
  EXPECT_EQ(send(Value::int4(42)), "\x00\x00\x00\x2a"s);
  EXPECT_EQ(send(Value::int2(-2)), "\xff\xfe"s);
  EXPECT_EQ(send(Value::int8(1)), "\x00\x00\x00\x00\x00\x00\x00\x01"s);
  EXPECT_EQ(receive("\xff\xff\xff\xff"s, TypeId::Int4), "-1");
  EXPECT_EQ(receive("\x00\x00\x00\x02\x00\x00\x00\x00"s, TypeId::Int8), "8589934592");
}

TEST(BinaryIoTest, NumericUsesBaseTenThousandDigits) {
  // Observed from PostgreSQL 15: 12345.678 -> ndigits 3, weight 1, sign +, dscale 3, 1 2345 6780.
  std::string bytes = "\x00\x03\x00\x01\x00\x00\x00\x03\x00\x01\x09\x29\x1a\x7c"s;
  EXPECT_EQ(send(parse_value("12345.678", DataType{TypeId::Numeric})), bytes);
  EXPECT_EQ(receive(bytes, TypeId::Numeric), "12345.678");
  for (const char* text : {"0", "0.00", "-1.5", "0.0001", "100000000", "-0.000012", "NaN", "Infinity"}) {
    Value value = parse_value(text, DataType{TypeId::Numeric});
    EXPECT_EQ(receive(send(value), TypeId::Numeric), text) << text;
  }
}

TEST(BinaryIoTest, TimestampsAndDatesCountFrom2000) {
  EXPECT_EQ(send(parse_value("2024-01-02 03:04:05.123456", DataType{TypeId::Timestamp})),
            "\x00\x02\xb0\xec\x85\x17\xd5\x80"s);
  EXPECT_EQ(send(parse_value("2000-01-02", DataType{TypeId::Date})), "\x00\x00\x00\x01"s);
  EXPECT_EQ(receive("\x00\x00\x00\x01"s, TypeId::Date), "2000-01-02");
}

TEST(BinaryIoTest, TextBoolAndFloats) {
  EXPECT_EQ(send(Value::text("abc")), "abc");
  EXPECT_EQ(send(Value::boolean(true)), "\x01"s);
  EXPECT_EQ(send(Value::float8(2.5)), "\x40\x04\x00\x00\x00\x00\x00\x00"s);
  EXPECT_EQ(receive("\x40\x04\x00\x00\x00\x00\x00\x00"s, TypeId::Float8), "2.5");
  EXPECT_EQ(receive("\x00"s, TypeId::Bool), "f");
  EXPECT_EQ(receive("hi", TypeId::Varchar), "hi");
}

TEST(BinaryIoTest, WrongLengthsAreErrors) {
  try {
    parse_binary_value("\x00\x01"s, DataType{TypeId::Int4}, 2);
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kProtocolViolation);
    EXPECT_EQ(error.message, "insufficient data left in message");
  }
  try {
    parse_binary_value("\x00\x00\x00\x01\x00"s, DataType{TypeId::Int4}, 2);
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kInvalidBinaryRepresentation);
    EXPECT_EQ(error.message, "incorrect binary data format in bind parameter 2");
  }
}

}  // namespace
}  // namespace chalkdb
