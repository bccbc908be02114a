#include "executor/alter_column.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/internal_query.h"
#include "planner/binder.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

ColumnInfo& column_named(std::vector<ColumnInfo>& columns, const std::string& name, const TableInfo& table) {
  auto found = std::find_if(columns.begin(), columns.end(),
                            [&](const ColumnInfo& column) { return column.name == name; });
  if (found == columns.end()) {
    throw SqlError(sqlstate::kUndefinedColumn,
                   fmt::format("column \"{}\" of relation \"{}\" does not exist", name, table.name));
  }
  return *found;
}

namespace {

bool in_primary_key(const TableInfo& table, int16_t attnum) {
  return std::any_of(table.constraints.begin(), table.constraints.end(), [&](const ConstraintInfo& constraint) {
    return constraint.type == kConstraintPrimaryKey &&
           std::find(constraint.columns.begin(), constraint.columns.end(), attnum) != constraint.columns.end();
  });
}

void check_no_nulls(const TableInfo& table, const ColumnInfo& column, ExecContext& context) {
  std::string query = fmt::format("SELECT 1 FROM {}.{} WHERE {} IS NULL LIMIT 1", quote_identifier(table.schema),
                                  quote_identifier(table.name), quote_identifier(column.name));
  if (run_internal_query(query, context).empty()) return;
  throw SqlError(sqlstate::kNotNullViolation,
                 fmt::format("column \"{}\" of relation \"{}\" contains null values", column.name, table.name))
      .with_table(table.schema, table.name)
      .with_column(column.name);
}

void rename_column(const TableInfo& table, std::vector<ColumnInfo>& columns, const ast::AlterTableCmd& command) {
  auto found = std::find_if(columns.begin(), columns.end(),
                            [&](const ColumnInfo& column) { return column.name == command.name; });
  if (found == columns.end())
    throw SqlError(sqlstate::kUndefinedColumn, fmt::format("column \"{}\" does not exist", command.name));
  if (std::any_of(columns.begin(), columns.end(), [&](const ColumnInfo& c) { return c.name == command.new_name; })) {
    throw SqlError(sqlstate::kDuplicateColumn, fmt::format("column \"{}\" of relation \"{}\" already exists",
                                                           command.new_name, table.name));
  }
  for (const ConstraintInfo& constraint : table.constraints) {
    if (constraint.type != kConstraintCheck) continue;
    if (std::find(constraint.columns.begin(), constraint.columns.end(), found->attnum) == constraint.columns.end())
      continue;
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("renaming column \"{}\" used by check constraint \"{}\" is not supported yet",
                               command.name, constraint.name));
  }
  found->name = command.new_name;
}

}  // namespace

void alter_column(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context) {
  std::vector<ColumnInfo> columns = table.columns;
  std::string name = table.name;
  switch (command.kind) {
    case ast::AlterTableCmdKind::RenameTable:
      name = command.new_name;
      break;
    case ast::AlterTableCmdKind::RenameColumn:
      rename_column(table, columns, command);
      break;
    case ast::AlterTableCmdKind::SetDefault: {
      ColumnInfo& column = column_named(columns, command.name, table);
      std::string text = deparse_ast(*command.expr);
      try {
        Binder(context.catalog, context.snapshot).bind_default(text, column.type);  // type-checks it
      } catch (SqlError& error) {
        error.position.reset();  // PostgreSQL reports no position for ALTER TABLE ... SET DEFAULT
        throw;
      }
      column.default_expr = std::move(text);
      break;
    }
    case ast::AlterTableCmdKind::DropDefault:
      column_named(columns, command.name, table).default_expr.reset();
      break;
    case ast::AlterTableCmdKind::SetNotNull: {
      ColumnInfo& column = column_named(columns, command.name, table);
      if (column.not_null) return;
      check_no_nulls(table, column, context);
      column.not_null = true;
      break;
    }
    case ast::AlterTableCmdKind::DropNotNull: {
      ColumnInfo& column = column_named(columns, command.name, table);
      if (in_primary_key(table, column.attnum)) {
        throw SqlError(sqlstate::kInvalidTableDefinition,
                       fmt::format("column \"{}\" is in a primary key", column.name));
      }
      column.not_null = false;
      break;
    }
    default:
      return;
  }
  context.catalog.alter_relation(table.oid, std::move(name), std::move(columns), context.write_xid(),
                                 context.transaction.command_id());
}

}  // namespace chalkdb
