// Grouping sets: GROUP BY with ROLLUP (...), CUBE (...), GROUPING SETS (...) and () expanded
// into the grouping sets PostgreSQL computes (expand_grouping_sets: the cross product of the
// GROUP BY items, ROLLUP as its prefixes, CUBE as all subsets), each a list of the query's
// group keys; and GROUPING(...), resolved to key indexes once the keys are known.
#pragma once

#include <functional>

#include "planner/expression_binder.h"

namespace chalkdb {

// Fills query.group_keys (and query.grouping_sets when GROUP BY has grouping-set syntax).
// `bind_key` binds one plain GROUP BY expression (output-column names and positions allowed).
void bind_group_by(const std::vector<ast::ExprPtr>& items, Query& query,
                   const std::function<BoundExprPtr(const ast::Expr&)>& bind_key);

// GROUPING(a, b): an aggregate-like call computed by the aggregation node.
BoundExprPtr bind_grouping_function(ExpressionBinder& binder, Query& query,
                                    const ast::FuncCall& call);

// Maps each GROUPING(...) argument to its GROUP BY key (42803 when it is not one).
void resolve_grouping_functions(Query& query);

}  // namespace chalkdb
