#include "executor/truncate.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/foreign_key_definition.h"
#include "executor/operator.h"
#include "executor/table_ddl.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

void delete_all_rows(const TableInfo& table, ExecContext& context) {
  ast::DeleteStmt remove(0);
  remove.table.schema = table.schema;
  remove.table.name = table.name;
  Binder binder(context.catalog, context.snapshot);
  Optimizer optimizer(context.catalog, PlannerSettings{});
  PlannedQuery planned = optimizer.plan_modify(*binder.bind_delete(remove));
  auto root = build_operator(*planned.root, context);
  root->open();
  RowBatch batch;
  while (root->next(batch)) {
  }
}

// Tables referencing the truncated ones through a foreign key must be truncated with them:
// named in the statement, or added by CASCADE (with PostgreSQL's NOTICE); otherwise 0A000.
void add_referencing_tables(std::vector<std::shared_ptr<const TableInfo>>& tables, bool cascade,
                            ExecContext& context, ResultSink& sink) {
  for (size_t i = 0; i < tables.size(); ++i) {
    for (const auto& key : incoming_foreign_keys(tables[i]->oid, context)) {
      auto same = [&](const std::shared_ptr<const TableInfo>& t) { return t->oid == key.table->oid; };
      if (std::any_of(tables.begin(), tables.end(), same)) continue;
      if (!cascade) {
        throw SqlError(sqlstate::kFeatureNotSupported,
                       "cannot truncate a table referenced in a foreign key constraint")
            .with_detail(fmt::format("Table \"{}\" references \"{}\".", key.table->name, tables[i]->name))
            .with_hint(fmt::format("Truncate table \"{}\" at the same time, or use TRUNCATE ... CASCADE.",
                                   key.table->name));
      }
      sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                           fmt::format("truncate cascades to table \"{}\"", key.table->name))
                      .with_severity(Severity::Notice));
      tables.push_back(key.table);
    }
  }
}

}  // namespace

void truncate_tables(const ast::TruncateStmt& stmt, ExecContext& context, ResultSink& sink) {
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
  add_referencing_tables(tables, stmt.cascade, context, sink);
  ExecContext truncating = context;
  truncating.skip_foreign_keys = true;
  for (const auto& table : tables) delete_all_rows(*table, truncating);
  if (!stmt.restart_identity) return;
  for (const auto& table : tables) {
    for (Oid sequence : owned_sequences(*table, context)) {
      SequenceOptions options = context.catalog.sequence_options(sequence);
      context.catalog.set_sequence_value(sequence, options.start, false);
    }
  }
}

}  // namespace chalkdb
