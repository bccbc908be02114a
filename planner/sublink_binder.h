// SublinkBinder: binds a subquery used as an expression — (SELECT ...), EXISTS, IN / NOT IN,
// op ANY/SOME/ALL — into a SubPlan expression (PostgreSQL's SubLink).
//
// The subquery is bound with the enclosing query as an outer scope: its references to the
// enclosing query's columns become ExecParams, and the SubPlan's args compute their values
// from the enclosing row. IN is `= ANY`, NOT IN is NOT (= ANY), with SQL's NULL semantics
// coming from the ANY evaluation. Row comparisons ((a, b) IN (SELECT ...)) are not supported.
#pragma once

#include "planner/binder.h"
#include "planner/bound_expr.h"
#include "planner/expression_binder.h"
#include "sql/ast/ast.h"

namespace chalkdb {

class SublinkBinder {
 public:
  SublinkBinder(Binder& binder, ExpressionBinder& expressions)
      : binder_(binder), expressions_(expressions) {}

  BoundExprPtr bind(const ast::Expr& expr);

 private:
  std::shared_ptr<BoundExpr> bind_subquery(const ast::SelectStmt& select, SubLinkType type, int location);
  void add_test(BoundExpr& sublink, const ast::Expr& operand, const std::string& op, int location);

  Binder& binder_;
  ExpressionBinder& expressions_;
};

}  // namespace chalkdb
