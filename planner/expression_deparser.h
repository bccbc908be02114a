// Deparsing a bound expression back to SQL text the way PostgreSQL's ruleutils prints it in
// EXPLAIN: fully parenthesized operators, constants with their type label where PostgreSQL
// adds one ('north'::text, '9000'::numeric, but 42 and 1.5 bare), columns qualified only when
// asked.
#pragma once

#include <string>
#include <vector>

#include "planner/bound_expr.h"
#include "planner/query.h"

namespace chalkdb {

struct DeparseContext {
  bool qualify = false;  // prefix columns with their table alias
  const std::vector<AggregateCall>* aggregates = nullptr;  // to print AggregateRef nodes
  const Query* windows = nullptr;  // to print WindowRef nodes (its window_calls and windows)
  // Printing a node above the aggregation: an aggregate is a column of its input there, which
  // PostgreSQL shows parenthesized ("Sort Key: (sum(x)) DESC").
  bool above_aggregation = false;
  // Likewise a set-returning call above its ProjectSet: "Sort Key: (unnest(tags))".
  bool above_project_set = false;
  // The window functions computed below (by every WindowAgg), to print WindowRef nodes.
  const std::vector<const WindowCall*>* window_calls = nullptr;
};

std::string deparse_expression(const BoundExpr& expr, const DeparseContext& context);
// ORDER BY keys: "x DESC, y NULLS FIRST" (NULLS only where not the default).
std::string deparse_sort_keys(const std::vector<SortKey>& keys, const DeparseContext& context);

}  // namespace chalkdb
