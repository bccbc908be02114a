#include "planner/window_planner.h"

#include <algorithm>
#include <cmath>

namespace chalkdb {

namespace {

using Resolver = std::function<BoundExprPtr(const BoundExprPtr&)>;

bool reads_slot(const BoundExpr& e) {
  return e.slot >= 0 && (e.kind == BoundExprKind::Column || e.kind == BoundExprKind::GroupKey ||
                         e.kind == BoundExprKind::AggregateRef);
}

// The window's sort: PARTITION BY keys ascending, then its ORDER BY.
std::vector<SortKey> window_sort(const WindowClause& window) {
  std::vector<SortKey> keys;
  for (const auto& expr : window.partition_by) keys.push_back(SortKey{expr, false, false});
  for (const auto& key : window.order_by) keys.push_back(key);
  return keys;
}

class Planner {
 public:
  Planner(const Query& query, const CostConstants& costs, const Resolver& resolve, size_t width)
      : query_(query), costs_(costs), resolve_(resolve), width_(width) {}

  WindowPlan plan(std::unique_ptr<PlanNode> input) {
    input = add_key_columns(std::move(input));
    WindowPlan result;
    result.call_slots.assign(query_.window_calls.size(), -1);
    std::vector<SortKey> order;
    for (size_t w : window_order()) {
      const WindowClause& window = query_.windows[w];
      std::vector<SortKey> wanted = window_sort(window);
      if (!sort_order_satisfies(order, wanted)) {
        input = make_sort(std::move(input), wanted);
        order = wanted;
      }
      input = make_window_agg(std::move(input), window, static_cast<int>(w), result.call_slots);
    }
    result.node = std::move(input);
    result.output_order = order;
    return result;
  }

 private:
  // Windows whose sort keys extend another's go first (lower in the plan), so the shorter
  // one reads rows already in its order, as PostgreSQL's select_active_windows arranges.
  std::vector<size_t> window_order() const {
    std::vector<size_t> order;
    for (size_t w = 0; w < query_.windows.size(); ++w) order.push_back(w);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return window_sort(query_.windows[a]).size() > window_sort(query_.windows[b]).size();
    });
    return order;
  }

  // Sort keys must be slots of the rows being sorted: keys computed from several columns are
  // appended to the input row by a projection (the scan's target list, in PostgreSQL).
  std::unique_ptr<PlanNode> add_key_columns(std::unique_ptr<PlanNode> input) {
    std::vector<BoundExprPtr> extra;
    for (const auto& window : query_.windows) {
      for (const auto& key : window_sort(window)) {
        if (slot_of(key.expr) >= 0) continue;
        auto resolved = resolve_(key.expr);
        if (reads_slot(*resolved)) continue;
        key_slots_.push_back({key.expr, static_cast<int>(width_ + extra.size())});
        extra.push_back(resolved);
      }
    }
    if (extra.empty()) return input;
    std::vector<BoundExprPtr> projection;
    for (size_t i = 0; i < width_; ++i) projection.push_back(input_column(i));
    double cost = 0;
    for (auto& e : extra) {
      cost += per_row_cost(e.get(), costs_);
      projection.push_back(e);
    }
    input->projection = std::move(projection);
    input->total_cost += cost * input->rows;
    width_ += extra.size();
    return input;
  }

  BoundExprPtr input_column(size_t slot) const {
    auto column = std::make_shared<BoundExpr>();
    column->kind = BoundExprKind::Column;
    column->slot = static_cast<int>(slot);
    return column;
  }

  int slot_of(const BoundExprPtr& expr) const {
    for (const auto& [key, slot] : key_slots_)
      if (same_expression(*key, *expr)) return slot;
    return -1;
  }

  SortSpec sort_spec(const SortKey& key) const {
    int slot = slot_of(key.expr);
    if (slot < 0) slot = resolve_(key.expr)->slot;
    return SortSpec{slot, key.descending, key.nulls_first, key.expr};
  }

  std::unique_ptr<PlanNode> make_sort(std::unique_ptr<PlanNode> input, const std::vector<SortKey>& keys) {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Sort;
    for (const auto& key : keys) node->sort_keys.push_back(sort_spec(key));
    double n = std::max(2.0, input->rows);
    node->startup_cost = input->total_cost + 2.0 * costs_.cpu_operator_cost * n * std::log2(n) +
                         costs_.sort_disable_cost;
    node->total_cost = node->startup_cost + costs_.cpu_operator_cost * n;
    node->rows = input->rows;
    node->width = input->width;
    node->raw_width = width_;
    node->children.push_back(std::move(input));
    return node;
  }

  WindowCall resolve_call(WindowCall call) const {
    for (auto& arg : call.args) arg = resolve_(arg);
    AggregateCall& agg = call.aggregate;
    if (agg.arg) agg.arg = resolve_(agg.arg);
    if (agg.delimiter) agg.delimiter = resolve_(agg.delimiter);
    if (agg.filter) agg.filter = resolve_(agg.filter);
    return call;
  }

  // cost_windowagg: each function and its arguments per row, the key comparisons, and
  // cpu_tuple_cost per row.
  std::unique_ptr<PlanNode> make_window_agg(std::unique_ptr<PlanNode> input, const WindowClause& window,
                                            int window_index, std::vector<int>& call_slots) {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::WindowAgg;
    for (const auto& key : window.partition_by) node->partition_keys.push_back(sort_spec(SortKey{key, false, false}));
    for (const auto& key : window.order_by) node->window_order_keys.push_back(sort_spec(key));
    node->frame = window.frame;
    double rows = input->rows;
    double cost = input->total_cost;
    int width = input->width;
    for (size_t i = 0; i < query_.window_calls.size(); ++i) {
      const WindowCall& call = query_.window_calls[i];
      if (call.window != window_index) continue;
      call_slots[i] = static_cast<int>(width_ + node->window_calls.size());
      node->window_calls.push_back(resolve_call(call));
      double per_row = costs_.cpu_operator_cost;
      for (const auto& arg : call.args) per_row += per_row_cost(arg.get(), costs_);
      if (call.aggregate.arg) per_row += per_row_cost(call.aggregate.arg.get(), costs_);
      if (call.aggregate.filter) per_row += per_row_cost(call.aggregate.filter.get(), costs_);
      cost += per_row * rows;
      width += type_width(call.result_type);
    }
    cost += costs_.cpu_operator_cost *
            static_cast<double>(window.partition_by.size() + window.order_by.size()) * rows;
    cost += costs_.cpu_tuple_cost * rows;
    node->startup_cost = input->startup_cost;
    node->total_cost = cost;
    node->rows = rows;
    node->width = width;
    width_ += node->window_calls.size();
    node->raw_width = width_;
    node->children.push_back(std::move(input));
    return node;
  }

  const Query& query_;
  const CostConstants& costs_;
  const Resolver& resolve_;
  size_t width_;
  std::vector<std::pair<BoundExprPtr, int>> key_slots_;  // computed keys appended to the input
};

}  // namespace

bool sort_order_satisfies(const std::vector<SortKey>& order, const std::vector<SortKey>& wanted) {
  if (wanted.size() > order.size()) return false;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (order[i].descending != wanted[i].descending || order[i].nulls_first != wanted[i].nulls_first ||
        !same_expression(*order[i].expr, *wanted[i].expr))
      return false;
  }
  return true;
}

WindowPlan plan_windows(std::unique_ptr<PlanNode> input, const Query& query, const CostConstants& costs,
                        const Resolver& resolve_input, size_t input_width) {
  return Planner(query, costs, resolve_input, input_width).plan(std::move(input));
}

}  // namespace chalkdb
