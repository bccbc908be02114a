#include "executor/table_ddl.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/index_ddl.h"
#include "planner/binder.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr const char* kDefaultSchema = "public";

const char* constraint_name(ast::ConstraintKind kind) {
  switch (kind) {
    case ast::ConstraintKind::PrimaryKey: return "PRIMARY KEY";
    case ast::ConstraintKind::Unique: return "UNIQUE";
    case ast::ConstraintKind::Check: return "CHECK";
    case ast::ConstraintKind::References: return "FOREIGN KEY";
    default: return "this";
  }
}

[[noreturn]] void unsupported_constraint(ast::ConstraintKind kind, int location) {
  throw SqlError(sqlstate::kFeatureNotSupported,
                 fmt::format("{} constraints are not supported yet", constraint_name(kind)))
      .with_position(location + 1);
}

// serial types: (integer type, true) — PostgreSQL's smallserial, serial, bigserial.
std::optional<TypeId> serial_type(const std::string& name) {
  if (name == "serial" || name == "serial4") return TypeId::Int4;
  if (name == "bigserial" || name == "serial8") return TypeId::Int8;
  if (name == "smallserial" || name == "serial2") return TypeId::Int2;
  return std::nullopt;
}

std::string owned_sequence_name(const std::string& table, const std::string& column) {
  return fmt::format("{}_{}_seq", table, column);
}

// A PRIMARY KEY or UNIQUE column constraint as the table constraint it stands for.
ast::TableConstraint as_table_constraint(const ast::ColumnDef& def, const ast::ColumnConstraint& constraint) {
  ast::TableConstraint table_constraint{constraint.kind, constraint.name, {def.name}, nullptr,
                                        constraint.location, std::nullopt};
  return table_constraint;
}

ColumnInfo define_column(const ast::ColumnDef& def, const std::string& schema,
                         const std::string& table, ExecContext& context, Binder& binder,
                         std::vector<ast::TableConstraint>& index_constraints) {
  ColumnInfo column;
  column.name = def.name;
  if (auto serial = serial_type(def.type.name)) {
    column.type = DataType{*serial};
    std::string sequence = owned_sequence_name(table, def.name);
    context.catalog.create_sequence(schema, sequence, context.write_xid(),
                                    context.transaction.command_id());
    column.default_expr = fmt::format("nextval({}::regclass)", quote_sql_literal(sequence));
    column.not_null = true;
  } else {
    try {
      column.type = resolve_type_name(def.type.name, def.type.modifiers);
    } catch (SqlError& error) {
      if (!error.position) error.with_position(def.type.location + 1);
      throw;
    }
  }
  for (const auto& constraint : def.constraints) {
    switch (constraint.kind) {
      case ast::ConstraintKind::NotNull: column.not_null = true; break;
      case ast::ConstraintKind::Null: column.not_null = false; break;
      case ast::ConstraintKind::PrimaryKey:
        column.not_null = true;
        index_constraints.push_back(as_table_constraint(def, constraint));
        break;
      case ast::ConstraintKind::Unique:
        index_constraints.push_back(as_table_constraint(def, constraint));
        break;
      case ast::ConstraintKind::Default: {
        std::string text = deparse_ast(*constraint.expr);
        binder.bind_default(text, column.type);  // type-checks it now, as PostgreSQL does
        column.default_expr = std::move(text);
        break;
      }
      default: unsupported_constraint(constraint.kind, constraint.location);
    }
  }
  return column;
}

// The columns and name of a PRIMARY KEY / UNIQUE table constraint (no expression to copy).
ast::TableConstraint copy_constraint(const ast::TableConstraint& constraint) {
  return ast::TableConstraint{constraint.kind, constraint.name, constraint.columns, nullptr,
                              constraint.location, std::nullopt};
}

}  // namespace

void create_table(const ast::CreateTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  if (stmt.temporary) {
    throw SqlError(sqlstate::kFeatureNotSupported, "temporary tables are not supported yet")
        .with_position(stmt.location + 1);
  }
  std::vector<ast::TableConstraint> index_constraints;
  for (const auto& constraint : stmt.constraints) {
    if (constraint.kind != ast::ConstraintKind::PrimaryKey && constraint.kind != ast::ConstraintKind::Unique)
      unsupported_constraint(constraint.kind, constraint.location);
  }
  std::string schema = stmt.table.schema.value_or(kDefaultSchema);
  if (stmt.if_not_exists && context.catalog.find_relation(schema, stmt.table.name, context.snapshot)) {
    sink.notice(SqlError(sqlstate::kDuplicateTable,
                         fmt::format("relation \"{}\" already exists, skipping", stmt.table.name))
                    .with_severity(Severity::Notice));
    return;
  }
  Binder binder(context.catalog, context.snapshot);
  TableDefinition definition;
  definition.schema = schema;
  definition.name = stmt.table.name;
  for (const auto& def : stmt.columns)
    definition.columns.push_back(define_column(def, schema, stmt.table.name, context, binder, index_constraints));
  for (const auto& constraint : stmt.constraints) {
    if (constraint.kind != ast::ConstraintKind::PrimaryKey) continue;
    for (auto& column : definition.columns) {  // PRIMARY KEY implies NOT NULL
      if (std::find(constraint.columns.begin(), constraint.columns.end(), column.name) != constraint.columns.end())
        column.not_null = true;
    }
  }
  for (const auto& constraint : stmt.constraints) index_constraints.push_back(copy_constraint(constraint));
  // PostgreSQL creates the primary key's index first, then the others in order.
  std::stable_partition(index_constraints.begin(), index_constraints.end(), [](const ast::TableConstraint& c) {
    return c.kind == ast::ConstraintKind::PrimaryKey;
  });
  Oid table = context.catalog.create_relation(definition, context.write_xid(), context.transaction.command_id());
  for (const auto& constraint : index_constraints) add_index_constraint(table, constraint, context);
}

void drop_tables(const ast::DropTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  for (const auto& name : stmt.tables) {
    std::string schema = name.schema.value_or(kDefaultSchema);
    auto table = context.catalog.find_relation(schema, name.name, context.snapshot);
    if (!table) {
      if (stmt.if_exists) {
        sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                             fmt::format("table \"{}\" does not exist, skipping", name.name))
                        .with_severity(Severity::Notice));
        continue;
      }
      throw SqlError(sqlstate::kUndefinedTable, fmt::format("table \"{}\" does not exist", name.name));
    }
    if (table->relkind != kRelkindTable) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a table", name.name))
          .with_hint("Use DROP SEQUENCE to remove a sequence.");
    }
    TransactionId xid = context.write_xid();
    CommandId cid = context.transaction.command_id();
    context.catalog.drop_relation(table->oid, xid, cid);
    for (const auto& column : table->columns) {  // sequences owned by serial columns
      std::string sequence = owned_sequence_name(table->name, column.name);
      if (column.default_expr != fmt::format("nextval({}::regclass)", quote_sql_literal(sequence)))
        continue;
      if (auto owned = context.catalog.find_relation(table->schema, sequence, context.snapshot))
        context.catalog.drop_relation(owned->oid, xid, cid);
    }
  }
}

}  // namespace chalkdb
