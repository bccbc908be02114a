// Value's factories, accessors and identical().
#include <gtest/gtest.h>

#include <cmath>

#include "sql/types/numeric.h"
#include "sql/value/value.h"

namespace chalkdb {
namespace {

TEST(Value, FactoriesSetTypeAndPayload) {
  EXPECT_TRUE(Value().is_null());
  Value n = Value::null(TypeId::Int4);
  EXPECT_TRUE(n.is_null());
  EXPECT_EQ(n.type(), TypeId::Int4);
  EXPECT_EQ(Value::int2(-5).as_int(), -5);
  EXPECT_EQ(Value::int2(-5).type(), TypeId::Int2);
  EXPECT_EQ(Value::oid(4294967295u).as_int(), 4294967295);
  EXPECT_TRUE(Value::boolean(true).as_bool());
  EXPECT_EQ(Value::float4(0.1f).as_float(), static_cast<double>(0.1f));
  EXPECT_EQ(Value::text("x", TypeId::Varchar).type(), TypeId::Varchar);
  EXPECT_EQ(Value::date(-1).as_int(), -1);
  EXPECT_EQ(Value::timestamp(5, TypeId::TimestampTz).type(), TypeId::TimestampTz);
  Value numeric = Value::numeric(Numeric::parse("1.50"));
  EXPECT_EQ(numeric.type(), TypeId::Numeric);
  EXPECT_EQ(numeric.as_numeric().to_string(), "1.50");
  Value copy = numeric;  // copies share the numeric
  EXPECT_EQ(&copy.as_numeric(), &numeric.as_numeric());
}

TEST(Value, IdenticalComparesTypeAndPayload) {
  EXPECT_TRUE(Value::int4(1).identical(Value::int4(1)));
  EXPECT_FALSE(Value::int4(1).identical(Value::int8(1)));
  EXPECT_FALSE(Value::int4(1).identical(Value::null(TypeId::Int4)));
  EXPECT_TRUE(Value::null(TypeId::Int4).identical(Value::null(TypeId::Int4)));
  EXPECT_TRUE(Value::float8(NAN).identical(Value::float8(NAN)));
  EXPECT_FALSE(Value::float8(0.0).identical(Value::float8(-0.0)));
  EXPECT_TRUE(Value::numeric(Numeric::parse("1.0")).identical(Value::numeric(Numeric::parse("1.0"))));
  EXPECT_FALSE(Value::numeric(Numeric::parse("1.0")).identical(Value::numeric(Numeric::parse("1.00"))));
  EXPECT_TRUE(Value::text("a").identical(Value::text("a")));
  EXPECT_FALSE(Value::text("a").identical(Value::text("a", TypeId::Varchar)));
}

}  // namespace
}  // namespace chalkdb
