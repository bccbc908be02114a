// Binder for UNION / INTERSECT / EXCEPT: binds each operand as its own query, resolves each
// column's type across the operands as PostgreSQL does (42804 "UNION types integer and text
// cannot be matched"), and wraps the result as a query over one SetOperation range-table
// entry, so ORDER BY / LIMIT on the result are planned like any query's. A chain of UNIONs of
// one kind is flattened into one node, as PostgreSQL flattens it into one Append.
#include <fmt/format.h>

#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/type_resolution.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

const char* set_op_name(ast::SetOp op) {
  switch (op) {
    case ast::SetOp::Intersect: return "INTERSECT";
    case ast::SetOp::Except: return "EXCEPT";
    default: return "UNION";
  }
}

SetOpKind set_op_kind(ast::SetOp op) {
  switch (op) {
    case ast::SetOp::Intersect: return SetOpKind::Intersect;
    case ast::SetOp::Except: return SetOpKind::Except;
    default: return SetOpKind::Union;
  }
}

bool plain_operand(const ast::SelectStmt& s) {
  return s.order_by.empty() && !s.limit && !s.offset && s.with.empty() && s.locking.empty();
}

void collect_operands(const ast::SelectStmt& stmt, const ast::SelectStmt& top,
                      std::vector<const ast::SelectStmt*>& out) {
  bool same = stmt.set_op == top.set_op && stmt.set_all == top.set_all && plain_operand(stmt) &&
              top.set_op == ast::SetOp::Union;
  if (&stmt == &top || same) {
    collect_operands(*stmt.left, top, out);
    collect_operands(*stmt.right, top, out);
    return;
  }
  out.push_back(&stmt);
}

int first_target_location(const Query& query, const ast::SelectStmt& stmt) {
  if (!query.targets.empty() && query.targets[0].expr->location >= 0) return query.targets[0].expr->location;
  return stmt.location;
}

}  // namespace

std::unique_ptr<Query> Binder::bind_set_operation(const ast::SelectStmt& stmt) {
  std::vector<const ast::SelectStmt*> operand_stmts;
  collect_operands(stmt, stmt, operand_stmts);
  std::vector<std::unique_ptr<Query>> operands;
  for (const auto* operand : operand_stmts) {
    keep_unknown_targets_ = true;  // the operands' untyped literals take the common type
    operands.push_back(bind_select(*operand));
    keep_unknown_targets_ = false;
  }
  const char* name = set_op_name(stmt.set_op);
  size_t width = operands[0]->targets.size();
  for (size_t i = 1; i < operands.size(); ++i) {
    if (operands[i]->targets.size() != width) {
      throw SqlError(sqlstate::kSyntaxError,
                     fmt::format("each {} query must have the same number of columns", name))
          .with_position(first_target_location(*operands[i], *operand_stmts[i]) + 1);
    }
  }

  RangeEntry rte;
  rte.kind = RangeEntry::Kind::SetOperation;
  rte.alias = "*SELECT*";
  rte.set_op = set_op_kind(stmt.set_op);
  rte.set_all = stmt.set_all;
  for (size_t c = 0; c < width; ++c) {
    std::vector<BoundExprPtr> column;
    for (const auto& operand : operands) column.push_back(operand->targets[c].expr);
    DataType type = common_type(column, name);
    for (auto& operand : operands)
      operand->targets[c].expr = ExpressionBinder::coerce(operand->targets[c].expr, type, CastContext::Implicit);
    rte.column_names.push_back(operands[0]->targets[c].name);
    rte.column_types.push_back(type);
  }
  rte.visible_columns = width;
  for (auto& operand : operands) rte.inputs.push_back(std::move(operand));

  auto query = std::make_unique<Query>();
  query->range_table.push_back(std::move(rte));
  const RangeEntry& result = query->range_table[0];
  for (size_t c = 0; c < width; ++c) {
    TargetEntry target;
    target.expr = make_column(0, static_cast<int>(c), result.column_types[c], result.column_names[c], result.alias);
    target.name = result.column_names[c];
    query->targets.push_back(std::move(target));
  }
  ExpressionBinder binder(*this, *query);
  bind_order_by(stmt, *query, binder, true);
  query->limit = bind_limit_clause(stmt.limit, "LIMIT");
  query->offset = bind_limit_clause(stmt.offset, "OFFSET");
  query->limit_with_ties = stmt.limit_with_ties;
  return query;
}

}  // namespace chalkdb
