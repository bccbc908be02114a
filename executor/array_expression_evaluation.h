// Evaluation of the array expression nodes: ARRAY[...] constructors, subscripts and slices,
// and x op ANY/ALL (array) with SQL's NULL rules (an empty array gives false for ANY and true
// for ALL whatever x is; otherwise a NULL x or element makes an undecided result NULL).
#pragma once

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "planner/bound_expr.h"

namespace chalkdb {

Value evaluate_array_build(const BoundExpr& expr, const Row& row, ExecContext& context);
Value evaluate_subscript(const BoundExpr& expr, const Row& row, ExecContext& context);
Value evaluate_array_any(const BoundExpr& expr, const Row& row, ExecContext& context);

}  // namespace chalkdb
