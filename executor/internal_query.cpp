#include "executor/internal_query.h"

#include "executor/operator.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

PlannedQuery plan_statement(const ast::Stmt& stmt, ExecContext& context) {
  Binder binder(context.catalog, context.snapshot);
  Optimizer optimizer(context.catalog, PlannerSettings{});
  switch (stmt.kind) {
    case ast::StmtKind::Select:
      return optimizer.plan_select(*binder.bind_select(static_cast<const ast::SelectStmt&>(stmt)));
    case ast::StmtKind::Insert:
      return optimizer.plan_modify(*binder.bind_insert(static_cast<const ast::InsertStmt&>(stmt)));
    case ast::StmtKind::Update:
      return optimizer.plan_modify(*binder.bind_update(static_cast<const ast::UpdateStmt&>(stmt)));
    case ast::StmtKind::Delete:
      return optimizer.plan_modify(*binder.bind_delete(static_cast<const ast::DeleteStmt&>(stmt)));
    default:
      throw SqlError(sqlstate::kInternalError, "unexpected internal statement");
  }
}

}  // namespace

std::vector<Row> run_internal_query(const std::string& sql, ExecContext& context) {
  auto statements = parse_sql(sql);
  PlannedQuery planned = plan_statement(*statements.at(0), context);
  auto root = build_operator(*planned.root, context);
  root->open();
  std::vector<Row> rows;
  RowBatch batch;
  size_t visible = planned.result_columns.size();
  while (root->next(batch)) {
    for (auto& row : batch) {
      row.resize(visible);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string sql_constant(const Value& value) {
  if (value.is_null()) return "NULL";
  return quote_sql_literal(format_value(value)) + "::" + format_type(DataType{value.type()});
}

}  // namespace chalkdb
