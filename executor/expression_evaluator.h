// Expression evaluation over one row: a direct interpretation of a resolved BoundExpr tree.
//
// Operators and functions were resolved at bind time and are strict (a NULL argument gives
// NULL without calling them); AND/OR/NOT follow SQL's three-valued logic.
#pragma once

#include <vector>

#include "executor/exec_context.h"
#include "planner/bound_expr.h"
#include "sql/value/value.h"

namespace chalkdb {

using Row = std::vector<Value>;

Value evaluate(const BoundExpr& expr, const Row& row, ExecContext& context);

// A condition keeps the row only when it is true (not false, not NULL).
bool evaluate_condition(const BoundExpr& expr, const Row& row, ExecContext& context);

}  // namespace chalkdb
