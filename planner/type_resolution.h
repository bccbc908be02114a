// Type resolution shared by several constructs: the common type of CASE / COALESCE branches
// (PostgreSQL's select_common_type) and the error for a cast that does not exist.
#pragma once

#include <vector>

#include "planner/bound_expr.h"

namespace chalkdb {

// Throws 42804 `CASE types integer and text cannot be matched` when no common type exists.
// Untyped literals alone resolve to text.
DataType common_type(const std::vector<BoundExprPtr>& exprs, const char* construct);

// 42846 `cannot cast type integer to date`.
[[noreturn]] void throw_cannot_cast(DataType from, DataType to);

}  // namespace chalkdb
