// Grouping sets: GROUP BY ROLLUP (...), CUBE (...), GROUPING SETS (...) and () expanded into
// the list of grouping sets PostgreSQL computes (expand_grouping_sets), and GROUPING(...)
// bound to the bit mask of the keys a row is not grouped by.
#pragma once

#include "planner/expression_binder.h"

namespace chalkdb {

BoundExprPtr bind_grouping_function(ExpressionBinder& binder, Query& query,
                                    const ast::FuncCall& call);

}  // namespace chalkdb
