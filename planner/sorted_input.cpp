#include "planner/sorted_input.h"

#include <algorithm>
#include <cmath>

namespace chalkdb {

namespace {

bool reads_slot(const BoundExpr& e) {
  return e.slot >= 0 && (e.kind == BoundExprKind::Column || e.kind == BoundExprKind::GroupKey ||
                         e.kind == BoundExprKind::AggregateRef);
}

}  // namespace

std::unique_ptr<PlanNode> sort_input(std::unique_ptr<PlanNode> input, const std::vector<SortKey>& keys,
                                     const std::function<BoundExprPtr(const BoundExprPtr&)>& resolve,
                                     size_t width, const CostConstants& costs) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Sort;
  std::vector<BoundExprPtr> extra;
  for (const auto& key : keys) {
    auto resolved = resolve(key.expr);
    int slot = resolved->slot;
    if (!reads_slot(*resolved)) {
      slot = static_cast<int>(width + extra.size());
      extra.push_back(resolved);
    }
    node->sort_keys.push_back(SortSpec{slot, key.descending, key.nulls_first, key.expr});
  }
  if (!extra.empty()) {
    std::vector<BoundExprPtr> projection;
    for (size_t i = 0; i < width; ++i) {
      auto column = std::make_shared<BoundExpr>();
      column->kind = BoundExprKind::Column;
      column->slot = static_cast<int>(i);
      projection.push_back(column);
    }
    double cost = 0;
    for (auto& e : extra) {
      cost += per_row_cost(e.get(), costs);
      projection.push_back(e);
    }
    input->projection = std::move(projection);
    input->total_cost += cost * input->rows;
  }
  double n = std::max(2.0, input->rows);
  node->startup_cost = input->total_cost + 2.0 * costs.cpu_operator_cost * n * std::log2(n) + costs.sort_disable_cost;
  node->total_cost = node->startup_cost + costs.cpu_operator_cost * n;
  node->rows = input->rows;
  node->width = input->width;
  node->raw_width = width + extra.size();
  node->children.push_back(std::move(input));
  return node;
}

}  // namespace chalkdb
