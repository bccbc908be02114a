// Sort order and hashing of values: NaN placement, numeric trailing zeros, bpchar padding,
// byte-order text (the C collation of PostgreSQL's C.UTF-8 cluster).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sql/types/comparison.h"
#include "sql/types/numeric.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

Value num(const char* text) { return Value::numeric(Numeric::parse(text)); }

TEST(CompareValues, FloatsPutNanLast) {
  std::vector<Value> values{Value::float8(NAN), Value::float8(INFINITY), Value::float8(-0.0),
                            Value::float8(-INFINITY), Value::float8(1.5), Value::float8(0.0)};
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return compare_values(a, b) < 0; });
  std::string order;
  for (const Value& v : values) order += format_value(v) + " ";
  EXPECT_TRUE(order == "-Infinity -0 0 1.5 Infinity NaN " || order == "-Infinity 0 -0 1.5 Infinity NaN ")
      << order;
  EXPECT_EQ(compare_values(Value::float8(NAN), Value::float8(NAN)), 0);
  EXPECT_EQ(compare_values(Value::float8(-0.0), Value::float8(0.0)), 0);
  EXPECT_EQ(compare_values(Value::float4(0.5f), Value::float4(0.25f)), 1);
}

TEST(CompareValues, NumericsStringsAndDates) {
  EXPECT_EQ(compare_values(num("1.0"), num("1.00")), 0);
  EXPECT_LT(compare_values(num("-inf"), num("-1e100")), 0);
  EXPECT_GT(compare_values(num("NaN"), num("inf")), 0);
  EXPECT_LT(compare_values(Value::text("B"), Value::text("a")), 0);  // byte order, as C collation
  EXPECT_LT(compare_values(Value::text("z"), Value::text("é")), 0);
  EXPECT_LT(compare_values(Value::text("ab"), Value::text("abc")), 0);
  EXPECT_EQ(compare_values(Value::text("ab  ", TypeId::Bpchar), Value::text("ab", TypeId::Bpchar)), 0);
  EXPECT_LT(compare_values(Value::text("a", TypeId::Bpchar), Value::text("a\x01", TypeId::Bpchar)), 0);
  EXPECT_LT(compare_values(Value::text("\x01", TypeId::Bytea), Value::text(std::string("\x01\x00", 2), TypeId::Bytea)), 0);
  EXPECT_LT(compare_values(Value::text("\x7f", TypeId::Bytea), Value::text("\x80", TypeId::Bytea)), 0);
  EXPECT_LT(compare_values(Value::date(-5), Value::date(3)), 0);
  EXPECT_GT(compare_values(Value::boolean(true), Value::boolean(false)), 0);
  EXPECT_LT(compare_values(Value::int4(-1), Value::int8(1)), 0);
}

TEST(HashValue, EqualValuesHashEqual) {
  EXPECT_EQ(hash_value(num("1.0")), hash_value(num("1.00")));
  EXPECT_EQ(hash_value(num("100")), hash_value(num("100.000")));
  EXPECT_EQ(hash_value(Value::float8(-0.0)), hash_value(Value::float8(0.0)));
  EXPECT_EQ(hash_value(Value::float8(NAN)), hash_value(Value::float8(-NAN)));
  EXPECT_EQ(hash_value(Value::float4(0.5f)), hash_value(Value::float8(0.5)));
  EXPECT_EQ(hash_value(Value::text("ab  ", TypeId::Bpchar)), hash_value(Value::text("ab", TypeId::Bpchar)));
  EXPECT_EQ(hash_value(Value::int4(7)), hash_value(Value::int8(7)));
  EXPECT_EQ(hash_value(Value::int2(7)), hash_value(Value::int4(7)));
  EXPECT_NE(hash_value(Value::int4(7)), hash_value(Value::int4(8)));
  EXPECT_NE(hash_value(Value::text("ab")), hash_value(Value::text("ba")));
  EXPECT_NE(hash_value(num("1")), hash_value(num("10")));
}

}  // namespace
}  // namespace chalkdb
