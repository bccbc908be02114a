#include "planner/sublink_binder.h"

#include <fmt/format.h>

#include "planner/array_sublink.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

int position_of(int location) { return location + 1; }

BoundExprPtr negate(BoundExprPtr expr) { return make_bool_op(BoundExprKind::Not, {std::move(expr)}); }

// Pops the outer scope a subquery was bound in, also when binding it fails.
struct OuterScopeGuard {
  std::vector<Binder::OuterScope>& scopes;
  ~OuterScopeGuard() { scopes.pop_back(); }
};

// ARRAY(SELECT x ...) is an array of x's type; 42704 when that type has no array type.
DataType array_result_type(DataType element, int location) {
  std::optional<TypeId> array = array_type_of(element.id);
  if (!array) {
    throw SqlError(sqlstate::kUndefinedObject,
                   fmt::format("could not find array type for data type {}", format_type(element)))
        .with_position(position_of(location));
  }
  return DataType{*array, element.typmod};
}

}  // namespace

BoundExprPtr SublinkBinder::bind(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Exists:
      return bind_subquery(*static_cast<const ast::Exists&>(expr).query, SubLinkType::Exists, expr.location);
    case ast::ExprKind::Subquery:
      return bind_subquery(*static_cast<const ast::Subquery&>(expr).query, SubLinkType::Expr, expr.location);
    case ast::ExprKind::Array:
      return bind_subquery(*static_cast<const ast::Array&>(expr).query, kArraySubLink, expr.location);
    case ast::ExprKind::InSubquery: {
      const auto& in = static_cast<const ast::InSubquery&>(expr);
      auto sublink = bind_subquery(*in.query, SubLinkType::Any, expr.location);
      add_test(*sublink, *in.operand, "=", expr.location);
      return in.negated ? negate(sublink) : BoundExprPtr(sublink);
    }
    default: {
      const auto& quantified = static_cast<const ast::Quantified&>(expr);
      auto sublink = bind_subquery(*quantified.query, quantified.all ? SubLinkType::All : SubLinkType::Any,
                                   expr.location);
      add_test(*sublink, *quantified.operand, quantified.op, expr.location);
      return sublink;
    }
  }
}

std::shared_ptr<BoundExpr> SublinkBinder::bind_subquery(const ast::SelectStmt& select, SubLinkType type,
                                                        int location) {
  std::vector<std::pair<int, BoundExprPtr>> params;
  bool correlated = false;
  std::unique_ptr<Query> query;
  {
    binder_.outer_scopes().push_back(Binder::OuterScope{&expressions_.query_, &params, &correlated});
    OuterScopeGuard guard{binder_.outer_scopes()};
    query = binder_.bind_select(select);
  }
  if (type != SubLinkType::Exists && query->targets.size() != 1) {
    bool one_value = type == SubLinkType::Expr || type == kArraySubLink;
    const char* message = one_value ? "subquery must return only one column" : "subquery has too many columns";
    throw SqlError(sqlstate::kSyntaxError, message).with_position(position_of(location));
  }
  auto sublink = std::make_shared<BoundExpr>();
  sublink->kind = BoundExprKind::SubPlan;
  sublink->location = location;
  sublink->sublink_type = type;
  if (type == SubLinkType::Expr) {
    sublink->type = query->targets[0].expr->type;
  } else if (type == kArraySubLink) {
    sublink->type = array_result_type(query->targets[0].expr->type, location);
  } else {
    sublink->type = DataType{TypeId::Bool};
  }
  sublink->correlated = correlated;
  for (auto& [id, column] : params) {
    sublink->param_ids.push_back(id);
    sublink->args.push_back(column);
  }
  sublink->subquery = std::move(query);
  return sublink;
}

// ANY / ALL compare the operand with each row through `operand op $test`.
void SublinkBinder::add_test(BoundExpr& sublink, const ast::Expr& operand, const std::string& op, int location) {
  if (operand.kind == ast::ExprKind::Row) {
    throw SqlError(sqlstate::kFeatureNotSupported, "row comparison with a subquery is not supported")
        .with_position(position_of(location));
  }
  auto placeholder = std::make_shared<BoundExpr>();
  placeholder->kind = BoundExprKind::ExecParam;
  placeholder->type = sublink.subquery->targets[0].expr->type;
  placeholder->index = binder_.new_param_id();
  auto left = expressions_.bind(operand);
  auto test = expressions_.make_operator(op, left, placeholder, location);
  if (test->type.id != TypeId::Bool) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("op ANY/ALL (array) requires operator to yield boolean"))
        .with_position(position_of(location));
  }
  sublink.test_param = placeholder->index;
  sublink.args.push_back(test);
}

BoundExprPtr Binder::find_outer_column(const ast::ColumnRef& ref) {
  for (size_t level = outer_scopes_.size(); level-- > 0;) {
    OuterScope& scope = outer_scopes_[level];
    BoundExprPtr column = lookup_column(*scope.query, ref);
    if (!column) continue;
    note_column_use(*scope.query, *column);
    for (size_t inner = level; inner < outer_scopes_.size(); ++inner) *outer_scopes_[inner].correlated = true;
    int id = -1;
    for (const auto& [param, expr] : *scope.params)
      if (same_expression(*expr, *column)) id = param;
    if (id < 0) {
      id = new_param_id();
      scope.params->emplace_back(id, column);
    }
    auto param = std::make_shared<BoundExpr>();
    param->kind = BoundExprKind::ExecParam;
    param->type = column->type;
    param->index = id;
    param->location = ref.location;
    param->name = column->name;
    param->qualifier = column->qualifier;
    return param;
  }
  return nullptr;
}

}  // namespace chalkdb
