// WindowPlanner: plans a query's window functions as PostgreSQL does — one WindowAgg per
// distinct window, each over a Sort by its PARTITION BY and ORDER BY keys unless its input is
// already sorted that way (windows sharing a sort prefix are stacked, longest keys lowest, so
// one Sort serves them all).
//
// The input is the query's row before windowing (scan/join columns or aggregation output);
// sort keys that are not plain input columns are appended to it by a projection. WindowRef i
// then reads slot call_slots[i] of the top WindowAgg's output.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "planner/cost_model.h"
#include "planner/plan_node.h"
#include "planner/query.h"

namespace chalkdb {

struct WindowPlan {
  std::unique_ptr<PlanNode> node;
  std::vector<int> call_slots;          // by Query::window_calls index
  std::vector<SortKey> output_order;    // the order the top WindowAgg's rows come in
};

// `resolve_input` places an expression over the input row; `input_width` is that row's width.
WindowPlan plan_windows(std::unique_ptr<PlanNode> input, const Query& query,
                        const CostConstants& costs,
                        const std::function<BoundExprPtr(const BoundExprPtr&)>& resolve_input,
                        size_t input_width);

// True when rows in `order` are already sorted as `wanted` asks (wanted is a prefix of order).
bool sort_order_satisfies(const std::vector<SortKey>& order, const std::vector<SortKey>& wanted);

}  // namespace chalkdb
