// Type resolution of multi-branch constructs (CASE, COALESCE, GREATEST, UNION): the common
// type keeps a modifier only when every branch agrees, as PostgreSQL's select_common_typmod.
#include <gtest/gtest.h>

#include "planner/type_resolution.h"
#include "sql/types/type_registry.h"

namespace chalkdb {
namespace {

BoundExprPtr branch(DataType type) { return make_constant(Value::null(type.id), type); }

TEST(TypeResolutionTest, CommonTypmodOnlyWhenAllBranchesAgree) {
  DataType money{TypeId::Numeric, make_numeric_typmod(12, 2)};
  EXPECT_EQ(common_type({branch(money), branch(money)}, "COALESCE"), money);
  // An integer branch makes the result plain numeric (its values are not rescaled).
  EXPECT_EQ(common_type({branch(money), branch(DataType{TypeId::Int4})}, "GREATEST"),
            (DataType{TypeId::Numeric}));
  // So does another modifier, or an untyped NULL.
  DataType other{TypeId::Numeric, make_numeric_typmod(10, 2)};
  EXPECT_EQ(common_type({branch(money), branch(other)}, "CASE"), (DataType{TypeId::Numeric}));
  EXPECT_EQ(common_type({branch(money), branch(DataType{TypeId::Unknown})}, "CASE"),
            (DataType{TypeId::Numeric}));
}

}  // namespace
}  // namespace chalkdb
