#include "executor/table_rewrite.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "executor/alter_constraint.h"
#include "executor/check_constraints.h"
#include "executor/foreign_key_definition.h"
#include "executor/index_ddl.h"
#include "executor/index_maintenance.h"
#include "executor/internal_query.h"
#include "executor/table_ddl.h"
#include "planner/binder.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/owned_sequence.h"
#include "sql/types/cast.h"
#include "sql/types/more_string_functions.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

// One column of the rewritten table and the SQL computing its value from an old row.
struct NewColumn {
  ColumnInfo column;
  std::string source;
  bool using_clause = false;  // ALTER COLUMN TYPE ... USING: its result is cast to the type
};

struct Rewrite {
  std::vector<NewColumn> columns;
  std::vector<int16_t> attnum_map;  // old attnum - 1 -> new attnum (0: dropped)
};

std::shared_ptr<const TableInfo> current_table(Oid table_oid, ExecContext& context) {
  context.transaction.next_command();
  return context.catalog.relation_by_oid(table_oid,
                                         Snapshot::latest(context.write_xid(), context.transaction.command_id()));
}

// The context reading the rows as the current command sees them.
ExecContext reading_context(ExecContext& context) {
  ExecContext reading = context;
  reading.snapshot = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  return reading;
}

Rewrite unchanged_layout(const TableInfo& table) {
  Rewrite rewrite;
  for (const ColumnInfo& column : table.columns) {
    rewrite.columns.push_back({column, quote_identifier(column.name)});
    rewrite.attnum_map.push_back(column.attnum);
  }
  return rewrite;
}

[[noreturn]] void contains_nulls(const TableInfo& table, const ColumnInfo& column) {
  throw SqlError(sqlstate::kNotNullViolation,
                 fmt::format("column \"{}\" of relation \"{}\" contains null values", column.name, table.name))
      .with_table(table.schema, table.name)
      .with_column(column.name);
}

std::vector<Row> converted_rows(const TableInfo& table, const Rewrite& rewrite, ExecContext& context) {
  std::string list;
  for (const NewColumn& column : rewrite.columns) list += (list.empty() ? "" : ", ") + column.source;
  std::string query = fmt::format("SELECT {} FROM {}.{}", list, quote_identifier(table.schema),
                                  quote_identifier(table.name));
  ExecContext reading = reading_context(context);
  std::vector<Row> rows = run_internal_query(query, reading);
  for (Row& row : rows) row.resize(rewrite.columns.size());
  for (Row& row : rows) {
    for (size_t i = 0; i < rewrite.columns.size(); ++i) {
      const NewColumn& target = rewrite.columns[i];
      Value& value = row[i];
      if (value.is_null()) {
        if (target.column.not_null) contains_nulls(table, target.column);
        value = Value::null(target.column.type.id);
        continue;
      }
      if (target.using_clause && !can_cast(value.type(), target.column.type.id, CastContext::Assignment)) {
        throw SqlError(sqlstate::kDatatypeMismatch,
                       fmt::format("result of USING clause for column \"{}\" cannot be cast automatically to type {}",
                                   target.column.name, format_type_with_typmod(target.column.type)))
            .with_hint(fmt::format("You might need to add an explicit cast."));
      }
      value = cast_value(value, target.column.type, CastContext::Assignment);
    }
  }
  return rows;
}

// Reads the rows, gives the table its new layout and files, and stores the rows again.
void rewrite_table(const TableInfo& table, Rewrite rewrite, ExecContext& context) {
  std::vector<Row> rows = converted_rows(table, rewrite, context);
  std::vector<ColumnInfo> columns;
  for (NewColumn& column : rewrite.columns) {
    column.column.attnum = static_cast<int16_t>(columns.size() + 1);
    columns.push_back(std::move(column.column));
  }
  context.catalog.rewrite_relation(table.oid, std::move(columns), rewrite.attnum_map, context.write_xid(),
                                   context.transaction.command_id());
  auto rewritten = current_table(table.oid, context);
  HeapTable& heap = context.catalog.heap(*rewritten);
  IndexMaintenance indexes(context, *rewritten, heap);
  for (const Row& row : rows) {
    context.check_for_cancel();
    TupleId tid = heap.insert(row, context.write_xid(), context.transaction.command_id());
    indexes.insert_entries(row, tid);
  }
}

const ColumnInfo* find_column(const TableInfo& table, const std::string& name) {
  auto found = std::find_if(table.columns.begin(), table.columns.end(),
                            [&](const ColumnInfo& column) { return column.name == name; });
  return found == table.columns.end() ? nullptr : &*found;
}

SqlError missing_column(const TableInfo& table, const std::string& name) {
  return SqlError(sqlstate::kUndefinedColumn,
                  fmt::format("column \"{}\" of relation \"{}\" does not exist", name, table.name));
}

void notice(ResultSink& sink, std::string message) {
  sink.notice(SqlError(sqlstate::kSuccessfulCompletion, std::move(message)).with_severity(Severity::Notice));
}

// The constraints of an added column other than NOT NULL / NULL / DEFAULT, added once the
// column exists and holds its values.
void add_column_constraints(Oid table_oid, const ast::ColumnDef& def, ExecContext& context) {
  for (const ast::ColumnConstraint& constraint : def.constraints) {
    switch (constraint.kind) {
      case ast::ConstraintKind::PrimaryKey:
      case ast::ConstraintKind::Unique:
        add_index_constraint(table_oid,
                             ast::TableConstraint{constraint.kind, constraint.name, {def.name}, nullptr,
                                                  constraint.location, std::nullopt},
                             context);
        break;
      case ast::ConstraintKind::Check:
        add_check_constraints(current_table(table_oid, context), {CheckDefinition{constraint.name, constraint.expr.get()}},
                              context);
        break;
      case ast::ConstraintKind::References:
        add_foreign_keys(table_oid,
                         {ForeignKeyDefinition{constraint.name, {def.name}, &*constraint.references, constraint.location}},
                         context);
        break;
      default:
        break;
    }
  }
}

void add_column(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context, ResultSink& sink) {
  const ast::ColumnDef& def = *command.column;
  if (find_column(table, def.name)) {
    std::string message = fmt::format("column \"{}\" of relation \"{}\" already exists", def.name, table.name);
    if (!command.if_exists) throw SqlError(sqlstate::kDuplicateColumn, message);
    return notice(sink, message + ", skipping");
  }
  Binder binder(context.catalog, context.snapshot);
  Rewrite rewrite = unchanged_layout(table);
  NewColumn added{define_column_basics(def, table.schema, table.name, context, binder), "NULL"};
  if (auto default_sql = column_default_sql(table, added.column)) added.source = "(" + *default_sql + ")";
  for (const auto& constraint : def.constraints) {
    if (constraint.kind == ast::ConstraintKind::PrimaryKey) added.column.not_null = true;
  }
  rewrite.columns.push_back(std::move(added));
  context.transaction.next_command();  // a serial column's sequence is visible to the copy
  rewrite_table(table, std::move(rewrite), context);
  add_column_constraints(table.oid, def, context);
}

void alter_column_type(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context) {
  const ColumnInfo* column = find_column(table, command.name);
  if (!column) throw missing_column(table, command.name);
  const ast::TypeName& type_name = command.column->type;
  DataType type;
  try {
    type = resolve_type_name(type_name.name, type_name.modifiers, type_name.is_array);
  } catch (SqlError& error) {
    if (!error.position) error.with_position(type_name.location + 1);
    throw;
  }
  if (!command.expr && !can_cast(column->type.id, type.id, CastContext::Assignment)) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("column \"{}\" cannot be cast automatically to type {}", column->name, format_type_with_typmod(type)))
        .with_hint(fmt::format("You might need to specify \"USING {}::{}\".", quote_identifier(std::string_view(column->name)),
                               format_type_with_typmod(type)));
  }
  Rewrite rewrite = unchanged_layout(table);
  NewColumn& changed = rewrite.columns[static_cast<size_t>(column->attnum - 1)];
  changed.column.type = type;
  if (command.expr) {
    changed.source = fmt::format("({})", deparse_ast(*command.expr));  // no "x" + string: GCC 12 -Wrestrict
    changed.using_clause = true;
  }
  if (changed.column.default_expr) {
    Binder(context.catalog, reading_context(context).snapshot).bind_default(*changed.column.default_expr, type);
  }
  rewrite_table(table, std::move(rewrite), context);
}

// Indexes and constraints of the table that use the column go with it; foreign keys of other
// tables relying on them need CASCADE.
void drop_column_dependents(const TableInfo& table, const ColumnInfo& column, bool cascade, ExecContext& context,
                            ResultSink& sink) {
  std::set<Oid> indexes;
  for (const IndexInfo& index : table.indexes) {
    bool uses = std::any_of(index.keys.begin(), index.keys.end(),
                            [&](const IndexKeyInfo& key) { return key.attnum == column.attnum; }) ||
                std::find(index.include.begin(), index.include.end(), column.attnum) != index.include.end();
    if (uses) indexes.insert(index.oid);
  }
  std::vector<IncomingForeignKey> incoming = incoming_foreign_keys(table.oid, context);
  std::erase_if(incoming, [&](const IncomingForeignKey& key) {
    const auto& referenced = key.constraint.referenced_columns;
    return std::find(referenced.begin(), referenced.end(), column.attnum) == referenced.end();
  });
  if (!incoming.empty() && !cascade) {
    std::string detail;
    for (const auto& key : incoming) {
      detail += fmt::format("{}constraint {} on table {} depends on column {} of table {}", detail.empty() ? "" : "\n",
                            key.constraint.name, key.table->name, column.name, table.name);
    }
    throw SqlError(sqlstate::kDependentObjectsStillExist,
                   fmt::format("cannot drop column {} of table {} because other objects depend on it", column.name,
                               table.name))
        .with_detail(detail)
        .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  drop_cascaded_foreign_keys(incoming, context, sink);
  for (Oid index : indexes) {
    context.transaction.next_command();
    context.catalog.drop_index(index, context.write_xid(), context.transaction.command_id());
  }
  for (const ConstraintInfo& constraint : table.constraints) {
    if (constraint.type != kConstraintCheck && constraint.type != kConstraintForeignKey) continue;
    if (std::find(constraint.columns.begin(), constraint.columns.end(), column.attnum) == constraint.columns.end())
      continue;
    context.transaction.next_command();
    context.catalog.drop_constraint(table.oid, constraint.name, context.write_xid(), context.transaction.command_id());
  }
}

void refuse_renumbering_referenced_columns(const TableInfo& table, const ColumnInfo& column, ExecContext& context) {
  for (const IncomingForeignKey& key : incoming_foreign_keys(table.oid, context)) {
    for (int16_t attnum : key.constraint.referenced_columns) {
      if (attnum <= column.attnum) continue;
      throw SqlError(sqlstate::kFeatureNotSupported,
                     fmt::format("dropping column \"{}\" of a table whose later columns foreign key \"{}\" references "
                                 "is not supported yet",
                                 column.name, key.constraint.name));
    }
  }
}

void drop_column(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context, ResultSink& sink) {
  const ColumnInfo* column = find_column(table, command.name);
  if (!column) {
    if (!command.if_exists) throw missing_column(table, command.name);
    return notice(sink, fmt::format("column \"{}\" of relation \"{}\" does not exist, skipping", command.name,
                                    table.name));
  }
  ColumnInfo dropped = *column;
  drop_column_dependents(table, dropped, command.cascade, context, sink);
  auto current = current_table(table.oid, context);
  refuse_renumbering_referenced_columns(*current, dropped, context);
  Rewrite rewrite;
  for (const ColumnInfo& kept : current->columns) {
    if (kept.attnum == dropped.attnum) {
      rewrite.attnum_map.push_back(0);
      continue;
    }
    rewrite.columns.push_back({kept, quote_identifier(kept.name)});
    rewrite.attnum_map.push_back(static_cast<int16_t>(rewrite.columns.size()));
  }
  rewrite_table(*current, std::move(rewrite), context);
}

}  // namespace

void rewrite_columns(Oid table_oid, const ast::AlterTableCmd& command, ExecContext& context, ResultSink& sink) {
  auto table = current_table(table_oid, context);
  switch (command.kind) {
    case ast::AlterTableCmdKind::AddColumn: return add_column(*table, command, context, sink);
    case ast::AlterTableCmdKind::DropColumn: return drop_column(*table, command, context, sink);
    case ast::AlterTableCmdKind::AlterColumnType: return alter_column_type(*table, command, context);
    default: return;
  }
}

}  // namespace chalkdb
