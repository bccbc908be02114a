#include "executor/foreign_keys.h"

#include <fmt/format.h>

#include "executor/internal_query.h"
#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

const std::string& column_name(const TableInfo& table, int16_t attnum) {
  return table.columns.at(static_cast<size_t>(attnum - 1)).name;
}

// The key's values in a table row; empty when one is NULL (MATCH SIMPLE: not checked).
Row key_of(const Row& row, const std::vector<int16_t>& attnums) {
  Row key;
  for (int16_t attnum : attnums) {
    const Value& value = row[static_cast<size_t>(attnum - 1)];
    if (value.is_null()) return {};
    key.push_back(value);
  }
  return key;
}

bool same_key(const Row& a, const Row& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (format_value(a[i]) != format_value(b[i])) return false;
  return true;
}

// "(a, b)=(1, 2)" as PostgreSQL's DETAIL shows a key.
std::string key_text(const TableInfo& table, const std::vector<int16_t>& attnums, const Row& key) {
  std::string names, values;
  for (size_t i = 0; i < attnums.size(); ++i) {
    if (i > 0) {
      names += ", ";
      values += ", ";
    }
    names += column_name(table, attnums[i]);
    values += format_value(key[i]);
  }
  return fmt::format("({})=({})", names, values);
}

// `a = '1'::integer AND b = ...` over the table's key columns.
std::string key_condition(const TableInfo& table, const std::vector<int16_t>& attnums, const Row& key) {
  std::string condition;
  for (size_t i = 0; i < attnums.size(); ++i) {
    condition += fmt::format("{}{} = {}", i ? " AND " : "",
                             quote_identifier(column_name(table, attnums[i])), sql_constant(key[i]));
  }
  return condition;
}

std::string qualified(const TableInfo& table) {
  return quote_identifier(table.schema) + "." + quote_identifier(table.name);
}

bool any_row(const TableInfo& table, const std::vector<int16_t>& attnums, const Row& key,
             ExecContext& context) {
  return !run_internal_query(fmt::format("SELECT 1 FROM {} WHERE {} LIMIT 1", qualified(table),
                                         key_condition(table, attnums, key)),
                             context)
              .empty();
}

}  // namespace

ForeignKeys::ForeignKeys(std::shared_ptr<const TableInfo> table, ExecContext& context)
    : table_(std::move(table)), context_(context) {
  if (context.skip_foreign_keys) return;
  for (const auto& constraint : table_->constraints) {
    if (constraint.type != kConstraintForeignKey) continue;
    auto parent = context.catalog.relation_by_oid(constraint.referenced_table, context.snapshot);
    if (parent) outgoing_.push_back({constraint, std::move(parent)});
  }
  for (const auto& other : context.catalog.relations(context.snapshot)) {
    for (const auto& constraint : other->constraints) {
      if (constraint.type == kConstraintForeignKey && constraint.referenced_table == table_->oid)
        incoming_.push_back({constraint, other});
    }
  }
}

void ForeignKeys::row_inserted(const Row& row) {
  for (size_t i = 0; i < outgoing_.size(); ++i) {
    Row key = key_of(row, outgoing_[i].constraint.columns);
    if (!key.empty()) outgoing_events_.push_back({i, std::move(key), {}});
  }
}

void ForeignKeys::row_updated(const Row& old_row, const Row& new_row) {
  for (size_t i = 0; i < outgoing_.size(); ++i) {
    const auto& columns = outgoing_[i].constraint.columns;
    Row key = key_of(new_row, columns);
    // PostgreSQL skips the check when the key did not change.
    if (!key.empty() && (old_row.empty() || !same_key(key, key_of(old_row, columns))))
      outgoing_events_.push_back({i, std::move(key), {}});
  }
  for (size_t i = 0; i < incoming_.size(); ++i) {
    const auto& columns = incoming_[i].constraint.referenced_columns;
    Row old_key = key_of(old_row, columns);
    Row new_key = key_of(new_row, columns);
    if (!old_key.empty() && !same_key(old_key, new_key)) {
      if (new_key.empty()) new_key = Row(columns.size(), Value::null(TypeId::Int4));
      incoming_events_.push_back({i, std::move(old_key), std::move(new_key)});
    }
  }
}

void ForeignKeys::row_deleted(const Row& old_row) {
  for (size_t i = 0; i < incoming_.size(); ++i) {
    Row key = key_of(old_row, incoming_[i].constraint.referenced_columns);
    if (!key.empty()) incoming_events_.push_back({i, std::move(key), {}});
  }
}

void ForeignKeys::finish() {
  if (outgoing_events_.empty() && incoming_events_.empty()) return;
  // The checks see this statement's own changes.
  ExecContext checking = context_;
  checking.snapshot = Snapshot::latest(context_.write_xid(), context_.transaction.command_id() + 1);
  for (const auto& event : incoming_events_) apply_action(incoming_[event.reference], event, checking);
  for (const auto& event : outgoing_events_) check_present(outgoing_[event.reference], event.key, checking);
  incoming_events_.clear();
  outgoing_events_.clear();
}

void ForeignKeys::check_present(const Reference& reference, const Row& key, ExecContext& context) const {
  const ConstraintInfo& constraint = reference.constraint;
  if (any_row(*reference.other, constraint.referenced_columns, key, context)) return;
  throw SqlError(sqlstate::kForeignKeyViolation,
                 fmt::format("insert or update on table \"{}\" violates foreign key constraint \"{}\"",
                             table_->name, constraint.name))
      .with_detail(fmt::format("Key {} is not present in table \"{}\".",
                               key_text(*table_, constraint.columns, key), reference.other->name))
      .with_table(table_->schema, table_->name)
      .with_constraint(constraint.name);
}

void ForeignKeys::apply_action(const Reference& reference, const Event& event, ExecContext& context) const {
  const ConstraintInfo& constraint = reference.constraint;
  const TableInfo& child = *reference.other;
  bool deleting = event.new_key.empty();
  char action = deleting ? constraint.delete_action : constraint.update_action;
  std::string where = key_condition(child, constraint.columns, event.key);
  // NO ACTION passes when another row now carries the same key (ri_Check_Pk_Still_Present).
  if ((action == 'a' || action == 'r') &&
      any_row(*table_, constraint.referenced_columns, event.key, context))
    return;
  switch (action) {
    case 'c':  // CASCADE
      if (deleting) {
        run_internal_query(fmt::format("DELETE FROM {} WHERE {}", qualified(child), where), context);
      } else {
        std::string set;
        for (size_t i = 0; i < constraint.columns.size(); ++i) {
          set += fmt::format("{}{} = {}", i ? ", " : "",
                             quote_identifier(column_name(child, constraint.columns[i])),
                             sql_constant(event.new_key[i]));
        }
        run_internal_query(fmt::format("UPDATE {} SET {} WHERE {}", qualified(child), set, where), context);
      }
      return;
    case 'n':    // SET NULL
    case 'd': {  // SET DEFAULT
      std::string set;
      for (size_t i = 0; i < constraint.columns.size(); ++i) {
        set += fmt::format("{}{} = {}", i ? ", " : "",
                           quote_identifier(column_name(child, constraint.columns[i])),
                           action == 'n' ? "NULL" : "DEFAULT");
      }
      run_internal_query(fmt::format("UPDATE {} SET {} WHERE {}", qualified(child), set, where), context);
      return;
    }
    default:  // NO ACTION, RESTRICT
      if (!any_row(child, constraint.columns, event.key, context)) return;
      throw SqlError(sqlstate::kForeignKeyViolation,
                     fmt::format("update or delete on table \"{}\" violates foreign key constraint "
                                 "\"{}\" on table \"{}\"",
                                 table_->name, constraint.name, child.name))
          .with_detail(fmt::format("Key {} is still referenced from table \"{}\".",
                                   key_text(*table_, constraint.referenced_columns, event.key),
                                   child.name))
          .with_table(child.schema, child.name)
          .with_constraint(constraint.name);
  }
}

}  // namespace chalkdb
