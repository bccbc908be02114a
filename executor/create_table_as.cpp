#include "executor/create_table_as.h"

#include <fmt/format.h>

#include "executor/operator.h"
#include "executor/relation_lookup.h"
#include "executor/temp_tables.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

TableDefinition definition_of(const ast::CreateTableAsStmt& stmt, const PlannedQuery& planned,
                              ExecContext& context) {
  if (stmt.columns.size() > planned.result_columns.size())
    throw SqlError(sqlstate::kSyntaxError, "too many column names were specified");
  TableDefinition definition;
  definition.schema = creation_schema(stmt.table, stmt.temporary, context);
  definition.name = stmt.table.name;
  definition.persistence = persistence_of(definition.schema, context);
  for (size_t i = 0; i < planned.result_columns.size(); ++i) {
    const TargetEntry& target = planned.result_columns[i];
    ColumnInfo column;
    column.name = i < stmt.columns.size() ? stmt.columns[i] : target.name;
    column.type = target.expr->type;
    if (column.type.id == TypeId::Unknown) column.type = DataType{TypeId::Text};
    definition.columns.push_back(std::move(column));
  }
  return definition;
}

uint64_t fill(const TableInfo& table, const PlannedQuery& planned, ExecContext& context) {
  HeapTable& heap = context.catalog.heap(table);
  auto root = build_operator(*planned.root, context);
  root->open();
  const auto width = static_cast<std::ptrdiff_t>(table.columns.size());
  uint64_t count = 0;
  RowBatch batch;
  while (root->next(batch)) {
    context.check_for_cancel();
    for (const auto& row : batch) {
      // The plan's rows may carry hidden columns (sort keys) after the visible ones.
      Row stored(row.begin(), row.begin() + width);
      heap.insert(stored, context.write_xid(), context.transaction.command_id());
      ++count;
    }
  }
  return count;
}

}  // namespace

bool create_table_as_skipped(const ast::CreateTableAsStmt& stmt, ExecContext& context, ResultSink& sink) {
  if (!stmt.if_not_exists) return false;
  std::string schema = creation_schema(stmt.table, stmt.temporary, context);
  if (!context.catalog.find_relation(schema, stmt.table.name, context.snapshot)) return false;
  sink.notice(SqlError(sqlstate::kDuplicateTable,
                       fmt::format("relation \"{}\" already exists, skipping", stmt.table.name))
                  .with_severity(Severity::Notice));
  return true;
}

std::optional<uint64_t> create_table_as(const ast::CreateTableAsStmt& stmt, const PlannedQuery& planned,
                                        ExecContext& context) {
  check_on_commit(stmt.on_commit, stmt.temporary);
  // Made first: it may create the temporary schema, which moves the command id on.
  TableDefinition definition = definition_of(stmt, planned, context);
  Oid oid = context.catalog.create_relation(definition, context.write_xid(), context.transaction.command_id());
  if (stmt.on_commit) context.temp_tables.on_commit(oid, *stmt.on_commit);
  if (!stmt.with_data) return std::nullopt;
  context.transaction.next_command();
  Snapshot created = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  return fill(*context.catalog.relation_by_oid(oid, created), planned, context);
}

}  // namespace chalkdb
