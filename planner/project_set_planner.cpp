#include "planner/project_set_planner.h"

#include <algorithm>

#include "planner/slot_resolver.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_value.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

namespace {

constexpr double kDefaultArrayLength = 10;  // estimate_array_length of a non-constant array

void collect(const BoundExprPtr& expr, std::vector<BoundExprPtr>& out) {
  if (!expr) return;
  if (expr->kind == BoundExprKind::SetFunction) {
    out.push_back(expr);
    return;
  }
  for (const auto& arg : expr->args) collect(arg, out);
}

// Rows one call returns per input row, as PostgreSQL's support functions and prorows say.
double call_rows(const BoundExpr& call) {
  if (!call.table_function) return generate_series_rows(call.args);
  if (call.name == "unnest") {
    const BoundExpr& array = *call.args[0];
    if (array.kind != BoundExprKind::Constant) return kDefaultArrayLength;
    if (array.constant.is_null()) return 0;
    return static_cast<double>(decode_array(array.constant).elements.size());
  }
  return call.table_function->estimated_rows;
}

}  // namespace

SetFunctionList collect_set_functions(const Query& query) {
  // SELECT DISTINCT and GROUP BY over a set-returning call would group on its values, which
  // needs an aggregation above the ProjectSet.
  std::vector<BoundExprPtr> in_keys;
  for (const auto& key : query.group_keys) collect(key, in_keys);
  if (!in_keys.empty()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "set-returning functions in GROUP BY or SELECT DISTINCT are not supported")
        .with_position(in_keys[0]->location + 1);
  }
  SetFunctionList list;
  for (const auto& target : query.targets) collect(target.expr, list.calls);
  return list;
}

std::unique_ptr<PlanNode> plan_project_set(std::unique_ptr<PlanNode> input, SetFunctionList& calls,
                                           const std::function<BoundExprPtr(const BoundExprPtr&)>& resolve,
                                           const CostConstants& costs) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::ProjectSet;
  calls.base_slot = input->projection.empty() ? input->raw_width : input->projection.size();
  double rows_per_input = 1;
  double per_tuple = 0;
  for (const auto& call : calls.calls) {
    auto resolved = std::make_shared<BoundExpr>(*call);
    for (auto& arg : resolved->args) arg = resolve(arg);
    node->set_functions.push_back(std::move(resolved));
    rows_per_input = std::max(rows_per_input, call_rows(*call));
    per_tuple += per_row_cost(call.get(), costs) + costs.cpu_operator_cost;
  }
  node->raw_width = calls.base_slot + calls.calls.size();
  node->rows = clamp_rows(input->rows * rows_per_input);
  node->startup_cost = input->startup_cost;
  node->total_cost = input->total_cost + (costs.cpu_tuple_cost + per_tuple) * input->rows +
                     (node->rows - input->rows) * costs.cpu_tuple_cost / 2;
  node->width = input->width;
  node->children.push_back(std::move(input));
  return node;
}

BoundExprPtr resolve_set_function_slots(const BoundExprPtr& expr, const SetFunctionList& calls) {
  if (!expr || calls.calls.empty()) return expr;
  if (expr->kind == BoundExprKind::SetFunction) {
    for (size_t i = 0; i < calls.calls.size(); ++i) {
      if (calls.calls[i]->index != expr->index) continue;
      auto copy = std::make_shared<BoundExpr>(*expr);
      copy->slot = static_cast<int>(calls.base_slot + i);
      return copy;
    }
    return expr;
  }
  std::shared_ptr<BoundExpr> copy;
  for (size_t i = 0; i < expr->args.size(); ++i) {
    auto arg = resolve_set_function_slots(expr->args[i], calls);
    if (arg == expr->args[i]) continue;
    if (!copy) copy = std::make_shared<BoundExpr>(*expr);
    copy->args[i] = std::move(arg);
  }
  return copy ? copy : expr;
}

}  // namespace chalkdb
