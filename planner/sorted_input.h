// Sorted input for sort-based plan nodes (GroupAggregate, grouping sets): a Sort of the input
// rows by some keys, with PostgreSQL's sort costs. Keys that are not plain input columns are
// first appended to the input row by a projection, since a Sort orders by slots.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "planner/cost_model.h"
#include "planner/plan_node.h"
#include "planner/query.h"

namespace chalkdb {

// `resolve` places an expression over the input row, which has `width` columns.
std::unique_ptr<PlanNode> sort_input(std::unique_ptr<PlanNode> input, const std::vector<SortKey>& keys,
                                     const std::function<BoundExprPtr(const BoundExprPtr&)>& resolve,
                                     size_t width, const CostConstants& costs);

}  // namespace chalkdb
