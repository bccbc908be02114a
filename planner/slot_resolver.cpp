#include "planner/slot_resolver.h"

#include <algorithm>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

template <typename SlotOf>
BoundExprPtr rewrite(const BoundExprPtr& expr, const SlotOf& slot_of) {
  int slot = slot_of(*expr);
  if (slot >= 0) {
    auto copy = std::make_shared<BoundExpr>(*expr);
    copy->slot = slot;
    return copy;
  }
  if (expr->args.empty() || expr->kind == BoundExprKind::GroupKey) return expr;
  std::shared_ptr<BoundExpr> copy;
  for (size_t i = 0; i < expr->args.size(); ++i) {
    auto arg = rewrite(expr->args[i], slot_of);
    if (arg == expr->args[i]) continue;
    if (!copy) copy = std::make_shared<BoundExpr>(*expr);
    copy->args[i] = std::move(arg);
  }
  return copy ? copy : expr;
}

}  // namespace

BoundExprPtr resolve_slots(const BoundExprPtr& expr, const RowLayout& layout) {
  if (!expr) return nullptr;
  return rewrite(expr, [&](const BoundExpr& e) -> int {
    if (e.kind != BoundExprKind::Column || e.rte < 0) return -1;
    auto it = std::find(layout.begin(), layout.end(), std::make_pair(e.rte, e.attno));
    if (it == layout.end())
      throw SqlError(sqlstate::kInternalError, "column " + e.name + " is not in the input row");
    return static_cast<int>(it - layout.begin());
  });
}

BoundExprPtr resolve_aggregate_slots(const BoundExprPtr& expr, size_t key_count) {
  if (!expr) return nullptr;
  return rewrite(expr, [&](const BoundExpr& e) -> int {
    if (e.kind == BoundExprKind::GroupKey) return e.index;
    if (e.kind == BoundExprKind::AggregateRef) return static_cast<int>(key_count) + e.index;
    return -1;
  });
}

BoundExprPtr resolve_window_slots(const BoundExprPtr& expr, const std::vector<int>& slots) {
  if (!expr) return nullptr;
  return rewrite(expr, [&](const BoundExpr& e) -> int {
    return e.kind == BoundExprKind::WindowRef ? slots[e.index] : -1;
  });
}

}  // namespace chalkdb
