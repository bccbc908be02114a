// Binder::bind_on_conflict_update: INSERT ... ON CONFLICT DO UPDATE SET ... WHERE ..., bound
// as PostgreSQL's transformOnConflictClause does: the target table (under its INSERT alias)
// and EXCLUDED, the row proposed for insertion, are both in scope, so an unqualified column
// name that both have is ambiguous (42702).
#include <fmt/format.h>

#include "planner/assignment_binder.h"
#include "planner/binder.h"
#include "planner/expression_binder.h"
#include "planner/from_clause_binder.h"

namespace chalkdb {

void Binder::bind_on_conflict_update(const ast::InsertStmt& stmt, ModifyQuery& modify) {
  if (!stmt.on_conflict || !stmt.on_conflict->do_update) return;
  const ast::OnConflictClause& clause = *stmt.on_conflict;
  const TableInfo& table = *modify.table;
  Query scope;
  std::optional<ast::Alias> alias;
  if (stmt.alias) alias = ast::Alias{*stmt.alias, {}};
  scope.range_table.push_back(table_entry(modify.table, alias));
  scope.range_table.push_back(table_entry(modify.table, ast::Alias{"excluded", {}}));

  std::vector<BoundExprPtr> row;
  const RangeEntry& existing = scope.range_table[0];
  for (size_t c = 0; c < table.columns.size(); ++c) {
    row.push_back(make_column(0, static_cast<int>(c), table.columns[c].type, table.columns[c].name,
                              existing.alias));
  }
  ExpressionBinder expressions(*this, scope);
  expressions.set_clause("UPDATE", false);
  bind_assignments(*this, expressions, clause.set, table, row);
  modify.conflict_update_row = std::move(row);
  if (clause.where) {
    ExpressionBinder where(*this, scope);
    where.set_clause("WHERE", false);
    modify.conflict_update_where = ExpressionBinder::coerce_to_boolean(where.bind(*clause.where), "WHERE");
  }
}

}  // namespace chalkdb
