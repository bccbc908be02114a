#include "planner/table_expression_binder.h"

#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/slot_resolver.h"
#include "sql/parser/parser.h"

namespace chalkdb {

namespace {

Query table_row_query(std::shared_ptr<const TableInfo> table) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Table;
  rte.alias = table->name;
  for (const auto& column : table->columns) {
    rte.column_names.push_back(column.name);
    rte.column_types.push_back(column.type);
  }
  rte.visible_columns = rte.column_names.size();
  rte.table = std::move(table);
  Query query;
  query.range_table.push_back(std::move(rte));
  return query;
}

RowLayout table_row_layout(const TableInfo& table) {
  RowLayout layout;
  for (size_t c = 0; c < table.columns.size(); ++c) layout.emplace_back(0, static_cast<int>(c));
  return layout;
}

}  // namespace

BoundExprPtr bind_check_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const ast::Expr& expr) {
  Binder binder(catalog, snapshot);
  RowLayout layout = table_row_layout(*table);
  Query query = table_row_query(std::move(table));
  ExpressionBinder expressions(binder, query);
  expressions.set_clause("check constraints", false);
  auto condition = ExpressionBinder::coerce_to_boolean(expressions.bind(expr), "CHECK");
  return resolve_slots(condition, layout);
}

BoundExprPtr bind_check_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const std::string& sql) {
  auto statements = parse_sql("SELECT " + sql);
  const auto& select = static_cast<const ast::SelectStmt&>(*statements.at(0));
  return bind_check_expression(catalog, snapshot, std::move(table), *select.targets.at(0).expr);
}

BoundExprPtr bind_table_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const std::string& sql) {
  auto statements = parse_sql("SELECT " + sql);
  const auto& select = static_cast<const ast::SelectStmt&>(*statements.at(0));
  Binder binder(catalog, snapshot);
  RowLayout layout = table_row_layout(*table);
  Query query = table_row_query(std::move(table));
  ExpressionBinder expressions(binder, query);
  expressions.set_clause("index predicate", false);
  return resolve_slots(ExpressionBinder::resolve_unknown(expressions.bind(*select.targets.at(0).expr)), layout);
}

}  // namespace chalkdb
