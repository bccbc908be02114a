#include "executor/alter_table.h"

#include <fmt/format.h>

#include "executor/alter_column.h"
#include "executor/alter_identity.h"
#include "executor/alter_constraint.h"
#include "executor/table_rewrite.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

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
        add_table_constraint(table->oid, *command.constraint, context);
        break;
      case ast::AlterTableCmdKind::DropConstraint:
        drop_table_constraint(table->oid, command, context, sink);
        break;
      case ast::AlterTableCmdKind::AddColumn:
      case ast::AlterTableCmdKind::DropColumn:
      case ast::AlterTableCmdKind::AlterColumnType:
        rewrite_columns(table->oid, command, context, sink);
        break;
      case ast::AlterTableCmdKind::AddIdentity:
      case ast::AlterTableCmdKind::DropIdentity:
      case ast::AlterTableCmdKind::RestartIdentity: {
        context.transaction.next_command();
        Snapshot current = Snapshot::latest(context.write_xid(), context.transaction.command_id());
        alter_identity(*context.catalog.relation_by_oid(table->oid, current), command, context, sink);
        break;
      }
      default: {
        context.transaction.next_command();
        Snapshot current = Snapshot::latest(context.write_xid(), context.transaction.command_id());
        alter_column(*context.catalog.relation_by_oid(table->oid, current), command, context);
      }
    }
  }
}

}  // namespace chalkdb
