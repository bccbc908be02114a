#include "planner/query_planner.h"

#include <algorithm>
#include <cmath>

#include "planner/sorted_input.h"
#include "planner/window_planner.h"

namespace chalkdb {

std::unique_ptr<PlanNode> QueryPlanner::plan_aggregation(std::unique_ptr<PlanNode> input,
                                                         const RowLayout& layout) {
  auto node = std::make_unique<PlanNode>();
  bool grouped = !query_.group_keys.empty();
  node->kind = grouped ? PlanKind::HashAggregate : PlanKind::Aggregate;
  for (const auto& key : query_.group_keys) node->group_keys.push_back(resolve_slots(key, layout));
  for (AggregateCall aggregate : query_.aggregates) {
    aggregate.arg = resolve_slots(aggregate.arg, layout);
    aggregate.delimiter = resolve_slots(aggregate.delimiter, layout);
    aggregate.filter = resolve_slots(aggregate.filter, layout);
    for (auto& key : aggregate.order_by) key.expr = resolve_slots(key.expr, layout);
    node->aggregates.push_back(std::move(aggregate));
  }
  node->raw_width = node->group_keys.size() + node->aggregates.size();
  double input_rows = input->rows;
  double groups = grouped ? estimate_groups(input_rows, query_.group_keys.size()) : 1;
  double per_input_row = costs_.cpu_operator_cost *
                         static_cast<double>(query_.group_keys.size() + query_.aggregates.size());
  node->startup_cost = input->total_cost + per_input_row * input_rows;
  node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * groups;
  if (!query_.grouping_sets.empty()) {
    // One pass feeds every grouping set: groups add up over the sets.
    node->grouping_sets = query_.grouping_sets;
    groups = 0;
    for (const auto& set : query_.grouping_sets)
      groups += set.empty() ? 1 : estimate_groups(input_rows, set.size());
    double sets = static_cast<double>(query_.grouping_sets.size());
    node->startup_cost = input->total_cost + per_input_row * input_rows * sets;
    node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * groups;
  } else if (grouped && (needs_sorted_groups() || prefers_sorted_groups())) {
    // DISTINCT / ORDER BY inside an aggregate: PostgreSQL cannot hash, it sorts and groups.
    node->kind = PlanKind::GroupAggregate;
    std::vector<SortKey> keys;
    for (const auto& key : query_.group_keys) keys.push_back(SortKey{key, false, false});
    input = sort_input(std::move(input), keys,
                       [&](const BoundExprPtr& e) { return resolve_slots(e, layout); },
                       layout.size(), costs_);
    node->startup_cost = input->startup_cost;
    node->total_cost = input->total_cost + per_input_row * input_rows + costs_.cpu_tuple_cost * groups;
  }
  if (query_.having) {
    node->filter = resolve_aggregate_slots(query_.having, node->group_keys.size());
    node->total_cost += per_row_cost(query_.having.get(), costs_) * groups;
    groups = clamp_rows(groups * selectivity(*query_.having));
  }
  if (!grouped) node->startup_cost = node->total_cost;
  node->rows = groups;
  node->children.push_back(std::move(input));
  return node;
}

bool QueryPlanner::prefers_sorted_groups() const { return !settings_.enable_hashagg && settings_.enable_sort; }

bool QueryPlanner::needs_sorted_groups() const {
  return std::any_of(query_.aggregates.begin(), query_.aggregates.end(),
                     [](const AggregateCall& a) { return a.distinct || !a.order_by.empty(); });
}

std::unique_ptr<PlanNode> QueryPlanner::add_windows(std::unique_ptr<PlanNode> input, const RowLayout& layout,
                                                    bool aggregated) {
  size_t keys = query_.group_keys.size();
  auto resolve = [&](const BoundExprPtr& e) {
    return aggregated ? resolve_aggregate_slots(e, keys) : resolve_slots(e, layout);
  };
  size_t width = aggregated ? keys + query_.aggregates.size() : layout.size();
  if (aggregated) {
    input->width = 0;
    for (const auto& key : query_.group_keys) input->width += type_width(key->type);
    for (const auto& aggregate : query_.aggregates) input->width += type_width(aggregate.result_type);
  }
  WindowPlan windows = plan_windows(std::move(input), query_, costs_, resolve, width);
  window_slots_ = std::move(windows.call_slots);
  window_output_order_ = std::move(windows.output_order);
  return std::move(windows.node);
}

std::unique_ptr<PlanNode> QueryPlanner::add_projection(std::unique_ptr<PlanNode> node, const RowLayout& layout,
                                                       bool aggregated) {
  std::vector<BoundExprPtr> outputs;
  for (const auto& target : query_.targets) outputs.push_back(target.expr);
  for (const auto& key : query_.order_by) {
    auto it = std::find_if(outputs.begin(), outputs.end(),
                           [&](const BoundExprPtr& e) { return same_expression(*e, *key.expr); });
    sort_slots_.push_back(static_cast<int>(it - outputs.begin()));
    if (it == outputs.end()) outputs.push_back(key.expr);
  }
  int width = 0;
  double cost = 0;
  const std::vector<BoundExprPtr> outputs_before_resolution = outputs;
  auto resolve = output_resolver(layout, aggregated);
  for (auto& expr : outputs) {
    width += type_width(expr->type);
    cost += per_row_cost(expr.get(), costs_);
    expr = resolve(resolve_set_function_slots(expr, set_functions_));
  }
  node->projection = std::move(outputs);
  // PostgreSQL's target list carries the window keys along (as resjunk columns).
  if (node->kind == PlanKind::WindowAgg) width += window_key_width(outputs_before_resolution);
  node->width = width;
  node->total_cost += cost * node->rows;
  return node;
}

std::function<BoundExprPtr(const BoundExprPtr&)> QueryPlanner::output_resolver(const RowLayout& layout,
                                                                              bool aggregated) const {
  return [this, &layout, aggregated](const BoundExprPtr& e) {
    BoundExprPtr expr = window_slots_.empty() ? e : resolve_window_slots(e, window_slots_);
    return aggregated ? resolve_aggregate_slots(expr, query_.group_keys.size()) : resolve_slots(expr, layout);
  };
}

int QueryPlanner::window_key_width(const std::vector<BoundExprPtr>& outputs) const {
  std::vector<BoundExprPtr> seen = outputs;
  int width = 0;
  auto add = [&](const BoundExprPtr& e) {
    for (const auto& s : seen)
      if (same_expression(*s, *e)) return;
    seen.push_back(e);
    width += type_width(e->type);
  };
  for (const auto& window : query_.windows) {
    for (const auto& key : window.partition_by) add(key);
    for (const auto& key : window.order_by) add(key.expr);
  }
  return width;
}

std::vector<SortSpec> QueryPlanner::order_by_sort_specs() const {
  std::vector<SortSpec> specs;
  for (size_t i = 0; i < query_.order_by.size(); ++i) {
    const SortKey& key = query_.order_by[i];
    specs.push_back(SortSpec{sort_slots_[i], key.descending, key.nulls_first, key.expr});
  }
  return specs;
}

std::unique_ptr<PlanNode> QueryPlanner::add_sort(std::unique_ptr<PlanNode> input) {
  if (query_.order_by.empty()) return input;
  // An index scan may deliver the order (when no window function reorders its rows) ...
  if (scan_provides_order_ && window_slots_.empty()) return input;
  // ... and rows leaving the window functions may already be in the wanted order.
  if (!window_slots_.empty() && sort_order_satisfies(window_output_order_, query_.order_by)) return input;
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Sort;
  node->sort_keys = order_by_sort_specs();
  node->startup_cost = input->total_cost + sort_startup_extra(input->rows);
  node->total_cost = node->startup_cost + costs_.cpu_operator_cost * std::max(2.0, input->rows);
  node->rows = input->rows;
  node->width = input->width;
  node->raw_width = input->projection.size();
  node->children.push_back(std::move(input));
  return node;
}

std::unique_ptr<PlanNode> QueryPlanner::add_distinct(std::unique_ptr<PlanNode> input) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::HashAggregate;
  for (size_t i = 0; i < query_.targets.size(); ++i) {
    auto key = std::make_shared<BoundExpr>(*query_.targets[i].expr);
    if (key->kind != BoundExprKind::Column) {
      key = std::make_shared<BoundExpr>();
      key->kind = BoundExprKind::Column;
      key->type = query_.targets[i].expr->type;
      key->name = query_.targets[i].name;
    }
    key->args.clear();
    key->kind = BoundExprKind::Column;
    key->slot = static_cast<int>(i);
    node->group_keys.push_back(std::move(key));
  }
  node->raw_width = node->group_keys.size();
  node->startup_cost = input->total_cost + costs_.cpu_operator_cost * input->rows;
  node->rows = clamp_rows(input->rows * 0.5);
  node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * node->rows;
  node->width = input->width;
  node->children.push_back(std::move(input));
  return node;
}

std::unique_ptr<PlanNode> QueryPlanner::add_unique(std::unique_ptr<PlanNode> input) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Unique;
  node->sort_keys = input->sort_keys;
  node->unique_columns = std::min(query_.distinct_on.size(), node->sort_keys.size());
  node->startup_cost = input->startup_cost;
  node->total_cost = input->total_cost + costs_.cpu_operator_cost * input->rows;
  node->rows = clamp_rows(input->rows * 0.1);
  node->width = input->width;
  node->raw_width = input->raw_width ? input->raw_width : input->projection.size();
  node->children.push_back(std::move(input));
  return node;
}

std::unique_ptr<PlanNode> QueryPlanner::add_limit(std::unique_ptr<PlanNode> input) {
  if (!query_.limit && !query_.offset) return input;
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Limit;
  if (query_.limit_with_ties) {
    node->with_ties = true;
    node->sort_keys = order_by_sort_specs();
  }
  node->limit = query_.limit;
  node->offset = query_.offset;
  double input_rows = std::max(1.0, input->rows);
  double offset = limit_estimate(query_.offset, input_rows, 0);
  double count = limit_estimate(query_.limit, input_rows, input_rows);
  count = std::max(0.0, std::min(count, input_rows - offset));
  double run = input->total_cost - input->startup_cost;
  node->startup_cost = input->startup_cost + run * offset / input_rows;
  node->total_cost = node->startup_cost + run * count / input_rows;
  node->rows = clamp_rows(count);
  node->width = input->width;
  node->raw_width = input->raw_width ? input->raw_width : input->projection.size();
  node->children.push_back(std::move(input));
  return node;
}

double QueryPlanner::limit_estimate(const BoundExprPtr& expr, double input_rows, double otherwise) {
  if (expr && expr->kind != BoundExprKind::Constant) return clamp_rows(input_rows * kUnknownLimitFraction);
  return constant_count(expr, otherwise);
}

double QueryPlanner::constant_count(const BoundExprPtr& expr, double otherwise) {
  if (!expr || expr->kind != BoundExprKind::Constant || expr->constant.is_null()) return otherwise;
  return static_cast<double>(expr->constant.as_int());
}

}  // namespace chalkdb
