#include "executor/truncate.h"

#include <fmt/format.h>

#include "executor/operator.h"
#include "executor/table_ddl.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

void delete_all_rows(const ast::QualifiedName& name, ExecContext& context) {
  ast::DeleteStmt remove(name.location);
  remove.table = name;
  Binder binder(context.catalog, context.snapshot);
  Optimizer optimizer(context.catalog, PlannerSettings{});
  PlannedQuery planned = optimizer.plan_modify(*binder.bind_delete(remove));
  auto root = build_operator(*planned.root, context);
  root->open();
  RowBatch batch;
  while (root->next(batch)) {
  }
}

}  // namespace

void truncate_tables(const ast::TruncateStmt& stmt, ExecContext& context) {
  Binder binder(context.catalog, context.snapshot);
  std::vector<std::shared_ptr<const TableInfo>> tables;
  for (const auto& name : stmt.tables) {  // check them all before changing any
    std::shared_ptr<const TableInfo> table;
    try {
      table = binder.lookup_table(name);
    } catch (SqlError& error) {
      error.position.reset();  // PostgreSQL reports TRUNCATE's missing tables without one
      throw;
    }
    if (table->relkind != kRelkindTable) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a table", table->name));
    }
    tables.push_back(std::move(table));
  }
  for (const auto& name : stmt.tables) delete_all_rows(name, context);
  if (!stmt.restart_identity) return;
  for (const auto& table : tables) {
    for (Oid sequence : owned_sequences(*table, context)) {
      SequenceOptions options = context.catalog.sequence_options(sequence);
      context.catalog.set_sequence_value(sequence, options.start, false);
    }
  }
}

}  // namespace chalkdb
