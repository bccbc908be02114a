#include "executor/alter_identity.h"

#include <fmt/format.h>

#include "executor/alter_column.h"
#include "executor/table_ddl.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/owned_sequence.h"

namespace chalkdb {

namespace {

SqlError wrong_state(const ColumnInfo& column, const TableInfo& table, std::string_view what) {
  return SqlError(sqlstate::kObjectNotInPrerequisiteState,
                  fmt::format("column \"{}\" of relation \"{}\" {}", column.name, table.name, what));
}

Oid identity_sequence(const TableInfo& table, const ColumnInfo& column, ExecContext& context) {
  Snapshot current = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  auto sequence = context.catalog.find_relation(table.schema, owned_sequence_name(table.name, column.name),
                                                current);
  if (!sequence) {
    throw SqlError(sqlstate::kUndefinedObject,
                   fmt::format("identity column \"{}\" of relation \"{}\" has no sequence", column.name,
                               table.name));
  }
  return sequence->oid;
}

void add_identity(const TableInfo& table, ColumnInfo& column, const ast::AlterTableCmd& command,
                  ExecContext& context) {
  if (column.type.id != TypeId::Int2 && column.type.id != TypeId::Int4 && column.type.id != TypeId::Int8) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   "identity column type must be smallint, integer, or bigint");
  }
  if (!column.not_null) throw wrong_state(column, table, "must be declared NOT NULL before identity can be added");
  if (column.identity != '\0') throw wrong_state(column, table, "is already an identity column");
  if (column.default_expr) throw wrong_state(column, table, "already has a default value");
  create_identity_sequence(column, *command.identity, table.schema, table.name, context);
}

void restart_identity(const TableInfo& table, const ColumnInfo& column, const ast::AlterTableCmd& command,
                      ExecContext& context) {
  Oid sequence = identity_sequence(table, column, context);
  SequenceOptions options = context.catalog.sequence_options(sequence);
  int64_t value = command.restart_with.value_or(options.start);
  if (value < options.min_value) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("RESTART value ({}) cannot be less than MINVALUE ({})", value, options.min_value));
  }
  if (value > options.max_value) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("RESTART value ({}) cannot be greater than MAXVALUE ({})", value,
                               options.max_value));
  }
  context.catalog.set_sequence_value(sequence, value, false);
}

}  // namespace

void alter_identity(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context,
                    ResultSink& sink) {
  std::vector<ColumnInfo> columns = table.columns;
  ColumnInfo& column = column_named(columns, command.name, table);
  switch (command.kind) {
    case ast::AlterTableCmdKind::AddIdentity:
      add_identity(table, column, command, context);
      break;
    case ast::AlterTableCmdKind::DropIdentity: {
      if (column.identity == '\0') {
        if (!command.if_exists) throw wrong_state(column, table, "is not an identity column");
        sink.notice(wrong_state(column, table, "is not an identity column, skipping")
                        .with_severity(Severity::Notice));
        return;
      }
      Oid sequence = identity_sequence(table, column, context);
      column.identity = '\0';
      context.catalog.drop_relation(sequence, context.write_xid(), context.transaction.command_id());
      break;
    }
    default:
      if (column.identity == '\0') throw wrong_state(column, table, "is not an identity column");
      return restart_identity(table, column, command, context);
  }
  context.catalog.alter_relation(table.oid, table.name, std::move(columns), context.write_xid(),
                                 context.transaction.command_id());
}

}  // namespace chalkdb
