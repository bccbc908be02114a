// Sequence functions: nextval, currval, setval and lastval, evaluated against the catalog's
// sequences and the session's SequenceSessionState, with PostgreSQL's errors (55000 for
// currval/lastval before any nextval in the session, 22003 for setval out of bounds).
#pragma once

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "planner/bound_expr.h"

namespace chalkdb {

Value evaluate_nextval(const BoundExpr& expr, ExecContext& context);
// currval / setval / lastval (expr.name), and nextval too when the sequence is named by a
// text computed at run time (sequence_oid 0, the name in args[0]).
Value evaluate_sequence_function(const BoundExpr& expr, const Row& row, ExecContext& context);

}  // namespace chalkdb
