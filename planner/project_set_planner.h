// ProjectSet planning: the select list's set-returning calls (SELECT id, unnest(tags) FROM t)
// become a ProjectSet node over the query's input (scan, join, aggregation or windows), as in
// PostgreSQL 10+. Its row is the input row followed by one column per call; the final
// projection reads the calls' values from there. Costs follow create_set_projection_path:
// rows = input rows × the largest call's row estimate, each extra row costing half a
// cpu_tuple_cost. Unlike PostgreSQL, an expression around a call (unnest(x) + 1) is computed
// in the ProjectSet's own projection rather than in a Result node above it.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "planner/cost_model.h"
#include "planner/plan_node.h"
#include "planner/query.h"

namespace chalkdb {

struct SetFunctionList {
  std::vector<BoundExprPtr> calls;  // SetFunction nodes in select-list order
  size_t base_slot = 0;             // the first call's slot in the ProjectSet's row
};

SetFunctionList collect_set_functions(const Query& query);

// `resolve` gives input slots to the calls' arguments (as for the final projection).
std::unique_ptr<PlanNode> plan_project_set(std::unique_ptr<PlanNode> input, SetFunctionList& calls,
                                           const std::function<BoundExprPtr(const BoundExprPtr&)>& resolve,
                                           const CostConstants& costs);

// SetFunction i of `calls` → slot base_slot + i (a no-op without calls).
BoundExprPtr resolve_set_function_slots(const BoundExprPtr& expr, const SetFunctionList& calls);

}  // namespace chalkdb
