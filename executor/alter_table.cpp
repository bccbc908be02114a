#include "executor/alter_table.h"

#include <fmt/format.h>

#include "executor/index_ddl.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

void add_constraint(Oid table_oid, const ast::TableConstraint& constraint, ExecContext& context) {
  switch (constraint.kind) {
    case ast::ConstraintKind::PrimaryKey:
    case ast::ConstraintKind::Unique:
      return add_index_constraint(table_oid, constraint, context);
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this ALTER TABLE constraint is not supported yet")
          .with_position(constraint.location + 1);
  }
}

}  // namespace

void alter_table(const ast::AlterTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  std::string schema = stmt.table.schema.value_or("public");
  auto table = context.catalog.find_relation(schema, stmt.table.name, context.snapshot);
  if (!table) {
    if (stmt.if_exists) {
      sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                           fmt::format("relation \"{}\" does not exist, skipping", stmt.table.name))
                      .with_severity(Severity::Notice));
      return;
    }
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.table.name));
  }
  if (table->relkind != kRelkindTable) {
    throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a table", stmt.table.name));
  }
  for (const ast::AlterTableCmd& command : stmt.commands) {
    switch (command.kind) {
      case ast::AlterTableCmdKind::AddConstraint:
        add_constraint(table->oid, *command.constraint, context);
        break;
    }
  }
}

}  // namespace chalkdb
