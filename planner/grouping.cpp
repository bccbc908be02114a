#include "planner/grouping.h"

#include <fmt/format.h>

#include "planner/grouping_sets.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

BoundExprPtr rewrite_above_aggregation(const BoundExprPtr& expr, const Query& query) {
  for (size_t i = 0; i < query.group_keys.size(); ++i) {
    if (same_expression(*expr, *query.group_keys[i])) {
      auto key = std::make_shared<BoundExpr>();
      key->kind = BoundExprKind::GroupKey;
      key->type = expr->type;
      key->index = static_cast<int>(i);
      key->location = expr->location;
      key->name = expr->name;
      key->qualifier = expr->qualifier;
      key->args = {expr};  // kept for EXPLAIN, not evaluated
      return key;
    }
  }
  if (expr->kind == BoundExprKind::Column && expr->rte >= 0) {
    const RangeEntry& rte = query.range_table[expr->rte];
    throw SqlError(sqlstate::kGroupingError,
                   fmt::format("column \"{}.{}\" must appear in the GROUP BY clause or be used in "
                               "an aggregate function",
                               rte.alias, expr->name))
        .with_position(expr->location + 1);
  }
  if (expr->args.empty()) return expr;
  auto copy = std::make_shared<BoundExpr>(*expr);
  for (auto& arg : copy->args) arg = rewrite_above_aggregation(arg, query);
  return copy;
}

}  // namespace

void apply_grouping(Query& query) {
  resolve_grouping_functions(query);
  for (auto& target : query.targets) target.expr = rewrite_above_aggregation(target.expr, query);
  if (query.having) query.having = rewrite_above_aggregation(query.having, query);
  for (auto& key : query.order_by) key.expr = rewrite_above_aggregation(key.expr, query);
  // Window functions run over the aggregation's output rows.
  auto rewrite = [&](BoundExprPtr& expr) {
    if (expr) expr = rewrite_above_aggregation(expr, query);
  };
  for (auto& window : query.windows) {
    for (auto& key : window.partition_by) rewrite(key);
    for (auto& key : window.order_by) rewrite(key.expr);
  }
  for (auto& call : query.window_calls) {
    for (auto& arg : call.args) rewrite(arg);
    rewrite(call.aggregate.arg);
    rewrite(call.aggregate.delimiter);
    rewrite(call.aggregate.filter);
  }
}

}  // namespace chalkdb
