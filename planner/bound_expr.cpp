#include "planner/bound_expr.h"

#include <algorithm>

namespace chalkdb {

BoundExprPtr make_constant(Value value, DataType type, int location) {
  auto e = std::make_shared<BoundExpr>();
  e->kind = BoundExprKind::Constant;
  e->type = type;
  e->constant = std::move(value);
  e->location = location;
  return e;
}

BoundExprPtr make_column(int rte, int attno, DataType type, std::string name,
                         std::string qualifier) {
  auto e = std::make_shared<BoundExpr>();
  e->kind = BoundExprKind::Column;
  e->type = type;
  e->rte = rte;
  e->attno = attno;
  e->name = std::move(name);
  e->qualifier = std::move(qualifier);
  return e;
}

BoundExprPtr make_bool_op(BoundExprKind kind, std::vector<BoundExprPtr> args) {
  auto e = std::make_shared<BoundExpr>();
  e->kind = kind;
  e->type = DataType{TypeId::Bool};
  e->args = std::move(args);
  return e;
}

bool same_expression(const BoundExpr& a, const BoundExpr& b) {
  if (a.kind != b.kind || a.type != b.type || a.args.size() != b.args.size()) return false;
  switch (a.kind) {
    case BoundExprKind::Constant:
      if (!a.constant.identical(b.constant)) return false;
      break;
    case BoundExprKind::Column:
      if (a.rte != b.rte || a.attno != b.attno) return false;
      break;
    case BoundExprKind::SubPlan:
      if (a.subquery != b.subquery || a.subplan != b.subplan) return false;
      break;
    case BoundExprKind::ExecParam:
    case BoundExprKind::Param:
    case BoundExprKind::GroupKey:
    case BoundExprKind::AggregateRef:
    case BoundExprKind::WindowRef:
    case BoundExprKind::SetFunction:
      if (a.index != b.index) return false;
      break;
    case BoundExprKind::NextVal:
    case BoundExprKind::EngineCall:
    case BoundExprKind::SequenceFunction:
    case BoundExprKind::Sleep:
    case BoundExprKind::SetConfig:
      return false;  // volatile: two calls are never the same value
    default:
      if (a.name != b.name || a.binary_fn != b.binary_fn || a.function != b.function ||
          a.negated != b.negated || a.has_else != b.has_else)
        return false;
  }
  for (size_t i = 0; i < a.args.size(); ++i)
    if (!same_expression(*a.args[i], *b.args[i])) return false;
  return true;
}

static void collect_rtes(const BoundExpr& expr, std::vector<int>& out) {
  if (expr.kind == BoundExprKind::Column) out.push_back(expr.rte);
  for (const auto& arg : expr.args) collect_rtes(*arg, out);
}

std::vector<int> referenced_rtes(const BoundExpr& expr) {
  std::vector<int> out;
  collect_rtes(expr, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void flatten_conjunction(const BoundExprPtr& expr, std::vector<BoundExprPtr>& out) {
  if (expr->kind == BoundExprKind::And) {
    for (const auto& arg : expr->args) flatten_conjunction(arg, out);
  } else {
    out.push_back(expr);
  }
}

}  // namespace chalkdb
