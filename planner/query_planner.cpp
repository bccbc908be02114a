#include "planner/query_planner.h"

#include "planner/sorted_input.h"
#include "planner/window_planner.h"

namespace chalkdb {

bool covered_by(const std::vector<int>& needed, const std::set<int>& available) {
  return std::all_of(needed.begin(), needed.end(), [&](int r) { return available.count(r) > 0; });
}

BoundExprPtr conjunction(const std::vector<BoundExprPtr>& parts) {
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return parts[0];
  return make_bool_op(BoundExprKind::And, parts);
}

std::unique_ptr<PlanNode> QueryPlanner::plan() {
  std::unique_ptr<PlanNode> node;
  bool aggregated = query_.has_aggregation;
  RowLayout layout;
  if (query_.range_table.empty()) {
    node = make_result();
  } else {
    Relation from = plan_from();
    node = std::move(from.node);
    layout = std::move(from.layout);
  }
  if (aggregated) node = plan_aggregation(std::move(node), layout);
  if (!query_.window_calls.empty()) node = add_windows(std::move(node), layout, aggregated);
  set_functions_ = collect_set_functions(query_);
  if (!set_functions_.calls.empty())
    node = plan_project_set(std::move(node), set_functions_, output_resolver(layout, aggregated), costs_);
  node = add_projection(std::move(node), layout, aggregated);
  if (query_.distinct) node = add_distinct(std::move(node));
  node = add_sort(std::move(node));
  if (!query_.distinct_on.empty()) node = add_unique(std::move(node));
  return add_limit(std::move(node));
}

std::unique_ptr<PlanNode> QueryPlanner::make_result() {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Result;
  node->rows = 1;
  node->total_cost = costs_.cpu_tuple_cost;
  if (!query_.quals.empty()) {
    node->filter = conjunction(query_.quals);
    node->total_cost += per_row_cost(node->filter.get(), costs_);
  }
  return node;
}

void QueryPlanner::collect_needed_columns() {
  auto add = [&](const BoundExprPtr& e) { if (e) collect_columns(*e); };
  for (const auto& t : query_.targets) add(t.expr);
  for (const auto& k : query_.group_keys) add(k);
  for (const auto& a : query_.aggregates) {
    add(a.arg);
    add(a.delimiter);
    add(a.filter);
    for (const auto& k : a.order_by) add(k.expr);
  }
  for (const auto& w : query_.windows) {
    for (const auto& k : w.partition_by) add(k);
    for (const auto& k : w.order_by) add(k.expr);
  }
  for (const auto& c : query_.window_calls) {
    for (const auto& a : c.args) add(a);
    add(c.aggregate.arg);
    add(c.aggregate.delimiter);
    add(c.aggregate.filter);
  }
  for (const auto& k : query_.order_by) add(k.expr);
  for (const auto& q : query_.quals)
    if (referenced_rtes(*q).size() > 1) add(q);
  for (const auto& item : query_.from) collect_join_columns(item.get());
}

void QueryPlanner::collect_join_columns(const JoinTreeNode* tree) {
  if (!tree || tree->rte >= 0) return;
  for (const auto& q : tree->quals)
    if (referenced_rtes(*q).size() > 1) collect_columns(*q);
  collect_join_columns(tree->left.get());
  collect_join_columns(tree->right.get());
}

void QueryPlanner::collect_columns(const BoundExpr& e) {
  if (e.kind == BoundExprKind::Column && e.rte >= 0) needed_.insert({e.rte, e.attno});
  for (const auto& arg : e.args) collect_columns(*arg);
}

int QueryPlanner::needed_width(int rte_index) const {
  const RangeEntry& rte = query_.range_table[rte_index];
  int width = 0;
  for (const auto& [r, attno] : needed_)
    if (r == rte_index) width += type_width(rte.column_types[attno]);
  return width;
}

}  // namespace chalkdb
