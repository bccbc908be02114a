// RuleDeparser: a stored expression (a column default, a CHECK constraint, an index
// predicate) printed as PostgreSQL's ruleutils prints it for pg_get_expr and
// pg_get_constraintdef: implicit casts shown only below operators and function arguments
// (`amount >= 0::numeric`, a default of `0`), constants labelled with their type where
// PostgreSQL labels them ('new'::character varying), IN lists as `= ANY (ARRAY[...])`.
// Pretty mode drops the parentheses PostgreSQL's PRETTYFLAG_PAREN drops (`h > 0 AND h < 100`
// rather than `((h > 0) AND (h < 100))`).
// The input is the bound expression (ChalkDB stores SQL text, not node trees); node shapes
// the binder makes differently from PostgreSQL's parser may print differently (a bigint
// compared with an integer constant shows the constant's cast).
#pragma once

#include <string>

#include "planner/bound_expr.h"

namespace chalkdb {

std::string deparse_stored_expression(const BoundExpr& expr, bool pretty);

}  // namespace chalkdb
