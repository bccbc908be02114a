#include "executor/alter_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/alter_column.h"
#include "executor/alter_identity.h"
#include "executor/alter_constraint.h"
#include "executor/relation_lookup.h"
#include "executor/table_rewrite.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// ALTER VIEW / ALTER TABLE v RENAME [COLUMN]: the only changes a view takes so far.
bool renames_view(const ast::AlterTableStmt& stmt, const TableInfo& table) {
  return table.relkind == kRelkindView &&
         std::all_of(stmt.commands.begin(), stmt.commands.end(), [](const ast::AlterTableCmd& command) {
           return command.kind == ast::AlterTableCmdKind::RenameTable ||
                  command.kind == ast::AlterTableCmdKind::RenameColumn;
         });
}

}  // namespace

void alter_table(const ast::AlterTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  auto table = find_named_relation(stmt.table, context);
  if (!table) {
    if (stmt.if_exists) {
      sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                           fmt::format("relation \"{}\" does not exist, skipping", stmt.table.name))
                      .with_severity(Severity::Notice));
      return;
    }
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.table.name));
  }
  if (stmt.view && table->relkind != kRelkindView) {
    throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a view", stmt.table.name));
  }
  if (table->relkind != kRelkindTable && !renames_view(stmt, *table)) {
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
