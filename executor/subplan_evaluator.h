// Evaluation of subquery expressions (SubPlan) and the ExecParams they set.
//
// A SubPlan's operator tree is built once per statement and reopened for each run. Before a
// run the SubPlan sets the exec params its subquery reads (the outer row's columns). An
// uncorrelated subplan runs once and its rows are kept (PostgreSQL's InitPlan and hashed
// SubPlan); a correlated one runs for every evaluation, stopping early where the answer is
// known (EXISTS after the first row, a scalar subquery after the second).
#pragma once

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "planner/bound_expr.h"

namespace chalkdb {

Value evaluate_subplan(const BoundExpr& expr, const Row& row, ExecContext& context);

// The value an enclosing plan set for exec param `id` (NULL when never set).
const Value& exec_param(ExecContext& context, int id);
void set_exec_param(ExecContext& context, int id, Value value);

}  // namespace chalkdb
