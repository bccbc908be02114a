#include "executor/alter_constraint.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/check_constraints.h"
#include "executor/foreign_key_definition.h"
#include "executor/foreign_keys.h"
#include "executor/index_ddl.h"
#include "executor/internal_query.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// The table as the next command id sees it (the previous subcommands' changes included).
std::shared_ptr<const TableInfo> current_table(Oid table_oid, ExecContext& context) {
  context.transaction.next_command();
  Snapshot current = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  return context.catalog.relation_by_oid(table_oid, current);
}

// Runs `work` with the context's snapshot moved up to the current command, so queries see
// the constraint just added.
template <typename Work>
void with_current_snapshot(ExecContext& context, Work&& work) {
  ExecContext current = context;
  current.snapshot = Snapshot::latest(context.write_xid(), context.transaction.command_id() + 1);
  work(current);
}

const ConstraintInfo* added_constraint(const TableInfo& before, const TableInfo& after) {
  for (const ConstraintInfo& constraint : after.constraints) {
    if (!before.find_constraint(constraint.name)) return &constraint;
  }
  return nullptr;
}

void validate_check(const TableInfo& table, const ConstraintInfo& check, ExecContext& context) {
  std::string query = fmt::format("SELECT 1 FROM {}.{} WHERE NOT ({}) LIMIT 1", quote_identifier(table.schema),
                                  quote_identifier(table.name), check.check_expr.value_or("true"));
  with_current_snapshot(context, [&](ExecContext& current) {
    if (run_internal_query(query, current).empty()) return;
    throw SqlError(sqlstate::kCheckViolation,
                   fmt::format("check constraint \"{}\" of relation \"{}\" is violated by some row", check.name,
                               table.name))
        .with_table(table.schema, table.name)
        .with_constraint(check.name);
  });
}

// Every existing row goes through the foreign-key check an INSERT would make.
void validate_foreign_keys(Oid table_oid, ExecContext& context) {
  with_current_snapshot(context, [&](ExecContext& current) {
    auto table = context.catalog.relation_by_oid(table_oid, current.snapshot);
    std::string query =
        fmt::format("SELECT * FROM {}.{}", quote_identifier(table->schema), quote_identifier(table->name));
    ForeignKeys keys(table, current);
    for (const Row& row : run_internal_query(query, current)) keys.row_inserted(row);
    keys.finish();
  });
}

void check_name_free(const TableInfo& table, const ast::TableConstraint& constraint) {
  if (!constraint.name || !table.find_constraint(*constraint.name)) return;
  throw SqlError(sqlstate::kDuplicateObject, fmt::format("constraint \"{}\" for relation \"{}\" already exists",
                                                         *constraint.name, table.name));
}

// Foreign keys of other tables that reference the columns of a PRIMARY KEY or UNIQUE constraint.
std::vector<IncomingForeignKey> dependent_foreign_keys(const TableInfo& table, const ConstraintInfo& constraint,
                                                       ExecContext& context) {
  std::vector<IncomingForeignKey> keys = incoming_foreign_keys(table.oid, context);
  std::vector<int16_t> columns = constraint.columns;
  std::sort(columns.begin(), columns.end());
  std::erase_if(keys, [&](const IncomingForeignKey& key) {
    std::vector<int16_t> referenced = key.constraint.referenced_columns;
    std::sort(referenced.begin(), referenced.end());
    return referenced != columns;
  });
  return keys;
}

void drop_dependent_foreign_keys(const TableInfo& table, const ConstraintInfo& constraint, bool cascade,
                                 ExecContext& context, ResultSink& sink) {
  std::vector<IncomingForeignKey> keys = dependent_foreign_keys(table, constraint, context);
  if (keys.empty()) return;
  std::vector<std::string> dependents;
  for (const auto& key : keys)
    dependents.push_back(fmt::format("constraint {} on table {}", key.constraint.name, key.table->name));
  if (!cascade) {
    std::string detail;
    for (const auto& dependent : dependents)
      detail += fmt::format("{}{} depends on index {}", detail.empty() ? "" : "\n", dependent, constraint.name);
    throw SqlError(sqlstate::kDependentObjectsStillExist,
                   fmt::format("cannot drop constraint {} on table {} because other objects depend on it",
                               constraint.name, table.name))
        .with_detail(detail)
        .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  drop_cascaded_foreign_keys(keys, context, sink);
}

}  // namespace

void drop_cascaded_foreign_keys(const std::vector<IncomingForeignKey>& keys, ExecContext& context, ResultSink& sink) {
  if (keys.empty()) return;
  std::vector<std::string> dependents;
  for (const auto& key : keys)
    dependents.push_back(fmt::format("constraint {} on table {}", key.constraint.name, key.table->name));
  SqlError notice(sqlstate::kSuccessfulCompletion,
                  dependents.size() == 1 ? "drop cascades to " + dependents.front()
                                         : fmt::format("drop cascades to {} other objects", dependents.size()));
  if (dependents.size() > 1) {
    std::string detail;
    for (const auto& dependent : dependents)
      detail += fmt::format("{}drop cascades to {}", detail.empty() ? "" : "\n", dependent);
    notice.with_detail(detail);
  }
  sink.notice(notice.with_severity(Severity::Notice));
  for (const auto& key : keys) {
    context.transaction.next_command();
    context.catalog.drop_constraint(key.table->oid, key.constraint.name, context.write_xid(),
                                    context.transaction.command_id());
  }
}

void add_table_constraint(Oid table_oid, const ast::TableConstraint& constraint, ExecContext& context) {
  auto before = current_table(table_oid, context);
  switch (constraint.kind) {
    case ast::ConstraintKind::PrimaryKey:
    case ast::ConstraintKind::Unique:
      return add_index_constraint(table_oid, constraint, context);  // its index name is checked
    default:
      break;
  }
  check_name_free(*before, constraint);
  switch (constraint.kind) {
    case ast::ConstraintKind::Check: {
      add_check_constraints(before, {CheckDefinition{constraint.name, constraint.expr.get()}}, context);
      auto after = current_table(table_oid, context);
      if (const ConstraintInfo* check = added_constraint(*before, *after)) validate_check(*after, *check, context);
      return;
    }
    case ast::ConstraintKind::References:
      add_foreign_keys(table_oid, {ForeignKeyDefinition{constraint.name, constraint.columns, &*constraint.references,
                                                        constraint.location}},
                       context);
      return validate_foreign_keys(table_oid, context);
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this ALTER TABLE constraint is not supported yet")
          .with_position(constraint.location + 1);
  }
}

void drop_table_constraint(Oid table_oid, const ast::AlterTableCmd& command, ExecContext& context,
                           ResultSink& sink) {
  auto table = current_table(table_oid, context);
  const ConstraintInfo* constraint = table->find_constraint(command.name);
  if (!constraint) {
    std::string message =
        fmt::format("constraint \"{}\" of relation \"{}\" does not exist", command.name, table->name);
    if (!command.if_exists) throw SqlError(sqlstate::kUndefinedObject, message);
    sink.notice(SqlError(sqlstate::kSuccessfulCompletion, message + ", skipping").with_severity(Severity::Notice));
    return;
  }
  ConstraintInfo dropped = *constraint;
  if (dropped.type == kConstraintPrimaryKey || dropped.type == kConstraintUnique) {
    drop_dependent_foreign_keys(*table, dropped, command.cascade, context, sink);
    context.transaction.next_command();
    context.catalog.drop_index(dropped.index_oid, context.write_xid(), context.transaction.command_id());
    return;
  }
  context.transaction.next_command();
  context.catalog.drop_constraint(table_oid, dropped.name, context.write_xid(), context.transaction.command_id());
}

}  // namespace chalkdb
