#include "executor/table_ddl.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "executor/alter_constraint.h"
#include "executor/check_constraints.h"
#include "executor/foreign_key_definition.h"
#include "executor/index_ddl.h"
#include "executor/sequence_ddl.h"
#include "planner/binder.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"
#include "storage/catalog/owned_sequence.h"

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

// A PRIMARY KEY or UNIQUE column constraint as the table constraint it stands for.
ast::TableConstraint as_table_constraint(const ast::ColumnDef& def, const ast::ColumnConstraint& constraint) {
  ast::TableConstraint table_constraint{constraint.kind, constraint.name, {def.name}, nullptr,
                                        constraint.location, std::nullopt};
  return table_constraint;
}

// The constraints of a CREATE TABLE that are added once the table exists: PRIMARY KEY and
// UNIQUE (each with its index), CHECK and FOREIGN KEY.
struct LaterConstraints {
  std::vector<ast::TableConstraint> index_constraints;
  std::vector<CheckDefinition> checks;
  std::vector<ForeignKeyDefinition> foreign_keys;

  void add(ast::ConstraintKind kind, const std::optional<std::string>& name, const ast::Expr* expr,
           std::vector<std::string> columns, const std::optional<ast::ForeignKeyReference>& reference,
           int location) {
    if (kind == ast::ConstraintKind::Check) checks.push_back({name, expr});
    else if (kind == ast::ConstraintKind::References)
      foreign_keys.push_back({name, std::move(columns), &*reference, location});
    else if (kind == ast::ConstraintKind::PrimaryKey || kind == ast::ConstraintKind::Unique)
      index_constraints.push_back({kind, name, std::move(columns), nullptr, location, std::nullopt});
    else unsupported_constraint(kind, location);
  }
};

}  // namespace

namespace {

[[noreturn]] void throw_default_and_identity(const std::string& column, const std::string& table,
                                             std::optional<int> location) {
  SqlError error(sqlstate::kSyntaxError,
                 fmt::format("both default and identity specified for column \"{}\" of table \"{}\"",
                             column, table));
  if (location) error.with_position(*location + 1);
  throw error;
}

void define_identity(ColumnInfo& column, const ast::ColumnDef& def,
                     const ast::ColumnConstraint& constraint, const std::string& schema,
                     const std::string& table, ExecContext& context) {
  if (column.identity != '\0') {
    throw SqlError(sqlstate::kSyntaxError,
                   fmt::format("multiple identity specifications for column \"{}\" of table \"{}\"",
                               def.name, table))
        .with_position(constraint.location + 1);
  }
  if (column.default_expr) throw_default_and_identity(def.name, table, std::nullopt);
  create_identity_sequence(column, *constraint.identity, schema, table, context);
}

}  // namespace

void create_identity_sequence(ColumnInfo& column, const ast::IdentitySpec& identity,
                              const std::string& schema, const std::string& table,
                              ExecContext& context) {
  if (column.type.id != TypeId::Int2 && column.type.id != TypeId::Int4 && column.type.id != TypeId::Int8) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   "identity column type must be smallint, integer, or bigint");
  }
  context.catalog.create_sequence(schema, owned_sequence_name(table, column.name), context.write_xid(),
                                  context.transaction.command_id(),
                                  sequence_options(*identity.sequence, column.type.id));
  column.identity = identity.always ? 'a' : 'd';
  column.not_null = true;
}

ColumnInfo define_column_basics(const ast::ColumnDef& def, const std::string& schema,
                                const std::string& table, ExecContext& context, Binder& binder) {
  ColumnInfo column;
  column.name = def.name;
  if (auto serial = serial_type(def.type.name)) {
    column.type = DataType{*serial};
    std::string sequence = owned_sequence_name(table, def.name);
    context.catalog.create_sequence(schema, sequence, context.write_xid(),
                                    context.transaction.command_id(),
                                    default_sequence_options(*serial));
    column.default_expr = nextval_sql(sequence);
    column.not_null = true;
  } else {
    try {
      column.type = resolve_type_name(def.type.name, def.type.modifiers, def.type.is_array);
    } catch (SqlError& error) {
      if (!error.position) error.with_position(def.type.location + 1);
      throw;
    }
  }
  for (const auto& constraint : def.constraints) {
    switch (constraint.kind) {
      case ast::ConstraintKind::NotNull: column.not_null = true; break;
      case ast::ConstraintKind::Null:
        if (column.identity != '\0') {
          throw SqlError(sqlstate::kSyntaxError,
                         fmt::format("conflicting NULL/NOT NULL declarations for column \"{}\" of table \"{}\"",
                                     def.name, table))
              .with_position(constraint.location + 1);
        }
        column.not_null = false;
        break;
      case ast::ConstraintKind::Identity:
        define_identity(column, def, constraint, schema, table, context);
        break;
      case ast::ConstraintKind::Default: {
        if (column.identity != '\0') throw_default_and_identity(def.name, table, constraint.location);
        std::string text = deparse_ast(*constraint.expr);
        binder.bind_default(text, column.type);  // type-checks it now, as PostgreSQL does
        column.default_expr = std::move(text);
        break;
      }
      default: break;
    }
  }
  return column;
}

namespace {

ColumnInfo define_column(const ast::ColumnDef& def, const std::string& schema,
                         const std::string& table, ExecContext& context, Binder& binder,
                         LaterConstraints& later) {
  ColumnInfo column = define_column_basics(def, schema, table, context, binder);
  for (const auto& constraint : def.constraints) {
    switch (constraint.kind) {
      case ast::ConstraintKind::NotNull:
      case ast::ConstraintKind::Null:
      case ast::ConstraintKind::Default:
      case ast::ConstraintKind::Identity:
        break;
      case ast::ConstraintKind::PrimaryKey:
        column.not_null = true;
        later.index_constraints.push_back(as_table_constraint(def, constraint));
        break;
      case ast::ConstraintKind::Unique:
        later.index_constraints.push_back(as_table_constraint(def, constraint));
        break;
      default:
        later.add(constraint.kind, constraint.name, constraint.expr.get(), {def.name},
                  constraint.references, constraint.location);
    }
  }
  return column;
}

}  // namespace

void create_table(const ast::CreateTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  if (stmt.temporary) {
    throw SqlError(sqlstate::kFeatureNotSupported, "temporary tables are not supported yet")
        .with_position(stmt.location + 1);
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
  LaterConstraints later;
  for (const auto& def : stmt.columns)
    definition.columns.push_back(define_column(def, schema, stmt.table.name, context, binder, later));
  for (const auto& constraint : stmt.constraints) {
    if (constraint.kind != ast::ConstraintKind::PrimaryKey) continue;
    for (auto& column : definition.columns) {  // PRIMARY KEY implies NOT NULL
      if (std::find(constraint.columns.begin(), constraint.columns.end(), column.name) != constraint.columns.end())
        column.not_null = true;
    }
  }
  for (const auto& constraint : stmt.constraints) {
    later.add(constraint.kind, constraint.name, constraint.expr.get(), constraint.columns,
              constraint.references, constraint.location);
  }
  // PostgreSQL creates the primary key's index first, then the others in order.
  std::stable_partition(later.index_constraints.begin(), later.index_constraints.end(),
                        [](const ast::TableConstraint& c) { return c.kind == ast::ConstraintKind::PrimaryKey; });
  Oid oid = context.catalog.create_relation(definition, context.write_xid(),
                                            context.transaction.command_id());
  for (const auto& constraint : later.index_constraints) add_index_constraint(oid, constraint, context);
  if (!later.checks.empty()) {
    context.transaction.next_command();
    Snapshot created = Snapshot::latest(context.write_xid(), context.transaction.command_id());
    add_check_constraints(context.catalog.relation_by_oid(oid, created), later.checks, context);
  }
  // After the keys, so a foreign key may reference this very table's primary key.
  add_foreign_keys(oid, later.foreign_keys, context);
}

std::vector<Oid> owned_sequences(const TableInfo& table, ExecContext& context) {
  std::vector<Oid> sequences;
  for (const auto& column : table.columns) {
    std::string sequence = owned_sequence_name(table.name, column.name);
    if (column.identity == '\0' && column.default_expr != nextval_sql(sequence)) continue;
    if (auto owned = context.catalog.find_relation(table.schema, sequence, context.snapshot))
      sequences.push_back(owned->oid);
  }
  return sequences;
}

namespace {

// Foreign keys of other tables referencing `table` (those being dropped too aside): without
// CASCADE they stop the drop (2BP01, PostgreSQL's dependency error); with it they are dropped
// first, with PostgreSQL's NOTICE.
void drop_referencing_foreign_keys(const TableInfo& table, const std::set<Oid>& dropping, bool cascade,
                                   ExecContext& context, ResultSink& sink) {
  std::vector<IncomingForeignKey> keys = incoming_foreign_keys(table.oid, context);
  std::erase_if(keys, [&](const IncomingForeignKey& key) { return dropping.contains(key.table->oid); });
  if (keys.empty()) return;
  if (!cascade) {
    std::string detail;
    for (const auto& key : keys) {
      detail += fmt::format("{}constraint {} on table {} depends on table {}", detail.empty() ? "" : "\n",
                            key.constraint.name, key.table->name, table.name);
    }
    throw SqlError(sqlstate::kDependentObjectsStillExist,
                   fmt::format("cannot drop table {} because other objects depend on it", table.name))
        .with_detail(detail)
        .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  drop_cascaded_foreign_keys(keys, context, sink);
}

}  // namespace

void drop_tables(const ast::DropTableStmt& stmt, ExecContext& context, ResultSink& sink) {
  std::set<Oid> dropping;
  for (const auto& name : stmt.tables) {
    auto table = context.catalog.find_relation(name.schema.value_or(kDefaultSchema), name.name, context.snapshot);
    if (table) dropping.insert(table->oid);
  }
  bool sequences = stmt.object == ast::DropObjectKind::Sequence;
  const char* object = sequences ? "sequence" : "table";
  char relkind = sequences ? kRelkindSequence : kRelkindTable;
  for (const auto& name : stmt.tables) {
    std::string schema = name.schema.value_or(kDefaultSchema);
    auto table = context.catalog.find_relation(schema, name.name, context.snapshot);
    if (!table) {
      if (stmt.if_exists) {
        sink.notice(SqlError(sqlstate::kSuccessfulCompletion,
                             fmt::format("{} \"{}\" does not exist, skipping", object, name.name))
                        .with_severity(Severity::Notice));
        continue;
      }
      throw SqlError(sqlstate::kUndefinedTable,
                     fmt::format("{} \"{}\" does not exist", object, name.name));
    }
    if (table->relkind != relkind) {
      throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a {}", name.name, object))
          .with_hint(table->relkind == kRelkindSequence ? "Use DROP SEQUENCE to remove a sequence."
                                                        : "Use DROP TABLE to remove a table.");
    }
    if (!sequences) drop_referencing_foreign_keys(*table, dropping, stmt.cascade, context, sink);
    context.transaction.next_command();
    TransactionId xid = context.write_xid();
    CommandId cid = context.transaction.command_id();
    std::vector<Oid> owned = owned_sequences(*table, context);
    context.catalog.drop_relation(table->oid, xid, cid);
    for (Oid sequence : owned) context.catalog.drop_relation(sequence, xid, cid);
  }
}

}  // namespace chalkdb
