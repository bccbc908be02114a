// Cost model: average value widths (get_typavgwidth) as PostgreSQL 15 reports them in
// EXPLAIN's width=, which also drive the row estimate of a table that was never analyzed.
#include <gtest/gtest.h>

#include "planner/cost_model.h"
#include "sql/types/type_registry.h"

namespace chalkdb {
namespace {

int numeric_width(int precision, int scale) {
  return type_width(DataType{TypeId::Numeric, make_numeric_typmod(precision, scale)});
}

TEST(CostModelTest, NumericWidthFollowsItsPrecision) {
  // Each value was read from EXPLAIN SELECT col FROM t on PostgreSQL 15.
  EXPECT_EQ(numeric_width(12, 2), 16);
  EXPECT_EQ(numeric_width(10, 2), 16);
  EXPECT_EQ(numeric_width(6, 1), 14);
  EXPECT_EQ(numeric_width(1, 0), 10);
  EXPECT_EQ(numeric_width(60, 2), 36);
  EXPECT_EQ(numeric_width(1000, 0), 271);
  EXPECT_EQ(type_width(DataType{TypeId::Numeric}), 32);  // unconstrained numeric
}

TEST(CostModelTest, FixedWidthTypes) {
  EXPECT_EQ(type_width(DataType{TypeId::Int4}), 4);
  EXPECT_EQ(type_width(DataType{TypeId::Date}), 4);
  EXPECT_EQ(type_width(DataType{TypeId::TimestampTz}), 8);
  EXPECT_EQ(type_width(DataType{TypeId::Text}), 32);
}

}  // namespace
}  // namespace chalkdb
