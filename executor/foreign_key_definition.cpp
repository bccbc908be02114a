#include "executor/foreign_key_definition.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/binder.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr SqlState kInvalidForeignKey{"42830"};  // invalid_foreign_key

char action_code(ast::ReferentialAction action) {
  switch (action) {
    case ast::ReferentialAction::Restrict: return 'r';
    case ast::ReferentialAction::Cascade: return 'c';
    case ast::ReferentialAction::SetNull: return 'n';
    case ast::ReferentialAction::SetDefault: return 'd';
    default: return 'a';
  }
}

std::vector<int16_t> attnums_of(const TableInfo& table, const std::vector<std::string>& names) {
  std::vector<int16_t> attnums;
  for (const auto& name : names) {
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [&](const ColumnInfo& c) { return c.name == name; });
    if (it == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn,
                     fmt::format("column \"{}\" referenced in foreign key constraint does not exist", name));
    }
    attnums.push_back(static_cast<int16_t>(it - table.columns.begin() + 1));
  }
  return attnums;
}

// The referenced columns: the named ones, which a PRIMARY KEY or UNIQUE constraint must cover
// exactly, or the primary key's.
std::vector<int16_t> referenced_key(const TableInfo& parent, const ast::ForeignKeyReference& reference) {
  if (reference.columns.empty()) {
    for (const auto& constraint : parent.constraints)
      if (constraint.type == kConstraintPrimaryKey) return constraint.columns;
    throw SqlError(kInvalidForeignKey,
                   fmt::format("there is no primary key for referenced table \"{}\"", parent.name));
  }
  std::vector<int16_t> attnums = attnums_of(parent, reference.columns);
  std::set<int16_t> wanted(attnums.begin(), attnums.end());
  for (const auto& constraint : parent.constraints) {
    if (constraint.type != kConstraintPrimaryKey && constraint.type != kConstraintUnique) continue;
    if (std::set<int16_t>(constraint.columns.begin(), constraint.columns.end()) == wanted &&
        constraint.columns.size() == attnums.size())
      return attnums;
  }
  throw SqlError(kInvalidForeignKey,
                 fmt::format("there is no unique constraint matching given keys for referenced table \"{}\"",
                             parent.name));
}

std::string default_name(const TableInfo& table, const std::vector<std::string>& columns,
                         const std::set<std::string>& taken) {
  std::string base = table.name;
  for (const auto& column : columns) base += "_" + column;
  base += "_fkey";
  if (!taken.contains(base)) return base;
  for (int suffix = 1;; ++suffix) {
    std::string candidate = base + std::to_string(suffix);
    if (!taken.contains(candidate)) return candidate;
  }
}

}  // namespace

std::vector<IncomingForeignKey> incoming_foreign_keys(Oid table_oid, ExecContext& context) {
  std::vector<IncomingForeignKey> keys;
  for (const auto& other : context.catalog.relations(context.snapshot)) {
    if (other->oid == table_oid) continue;
    for (const auto& constraint : other->constraints) {
      if (constraint.type == kConstraintForeignKey && constraint.referenced_table == table_oid)
        keys.push_back({other, constraint});
    }
  }
  return keys;
}

void add_foreign_keys(Oid table_oid, const std::vector<ForeignKeyDefinition>& keys, ExecContext& context) {
  for (const auto& key : keys) {
    context.transaction.next_command();  // see the table as the previous steps left it
    CommandId cid = context.transaction.command_id();
    Snapshot current = Snapshot::latest(context.write_xid(), cid);
    auto table = context.catalog.relation_by_oid(table_oid, current);
    Binder binder(context.catalog, current);
    std::shared_ptr<const TableInfo> parent;
    try {
      parent = binder.lookup_table(key.reference->table);
    } catch (SqlError& error) {
      error.position.reset();  // PostgreSQL reports a missing referenced table without one
      throw;
    }
    if (parent->oid == table_oid) parent = table;
    if (parent->relkind != kRelkindTable) {
      throw SqlError(sqlstate::kWrongObjectType,
                     fmt::format("referenced relation \"{}\" is not a table", parent->name));
    }
    ConstraintInfo constraint;
    constraint.columns = attnums_of(*table, key.columns);
    constraint.referenced_columns = referenced_key(*parent, *key.reference);
    if (constraint.columns.size() != constraint.referenced_columns.size()) {
      throw SqlError(kInvalidForeignKey,
                     "number of referencing and referenced columns for foreign key disagree");
    }
    std::set<std::string> taken;
    for (const auto& existing : table->constraints) taken.insert(existing.name);
    if (key.name && taken.contains(*key.name)) {
      throw SqlError(sqlstate::kDuplicateObject,
                     fmt::format("constraint \"{}\" for relation \"{}\" already exists", *key.name,
                                 table->name));
    }
    constraint.name = key.name ? *key.name : default_name(*table, key.columns, taken);
    constraint.namespace_oid = table->namespace_oid;
    constraint.type = kConstraintForeignKey;
    constraint.table_oid = table_oid;
    constraint.referenced_table = parent->oid;
    constraint.delete_action = action_code(key.reference->on_delete);
    constraint.update_action = action_code(key.reference->on_update);
    constraint.match_type = key.reference->match == ast::ForeignKeyMatch::Full ? 'f' : 's';
    context.catalog.add_constraint(std::move(constraint), context.write_xid(), cid);
  }
}

}  // namespace chalkdb
