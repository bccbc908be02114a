#include "executor/on_conflict.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// The unique indexes whose key columns are exactly the target's (in any order).
std::vector<IndexInfo> infer_arbiters(const ast::OnConflictClause& clause, const TableInfo& table) {
  std::set<int16_t> target;
  for (const ast::IndexElem& elem : clause.target) {
    if (elem.expr) {
      throw SqlError(sqlstate::kFeatureNotSupported, "ON CONFLICT with an expression target is not supported yet")
          .with_position(elem.location + 1);
    }
    auto column = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const ColumnInfo& c) { return c.name == elem.column; });
    if (column == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn, fmt::format("column \"{}\" does not exist", elem.column))
          .with_position(clause.target_location + 1);
    }
    target.insert(column->attnum);
  }
  std::vector<IndexInfo> arbiters;
  for (const IndexInfo& index : table.indexes) {
    std::set<int16_t> keys;
    for (const IndexKeyInfo& key : index.keys) keys.insert(key.attnum);
    if (index.unique && index.valid && keys == target) arbiters.push_back(index);
  }
  if (arbiters.empty()) {
    throw SqlError(sqlstate::kInvalidColumnReference,
                   "there is no unique or exclusion constraint matching the ON CONFLICT specification");
  }
  return arbiters;
}

std::vector<IndexInfo> constraint_arbiter(const std::string& name, const TableInfo& table) {
  const ConstraintInfo* constraint = table.find_constraint(name);
  if (!constraint) {
    throw SqlError(sqlstate::kUndefinedObject,
                   fmt::format("constraint \"{}\" for table \"{}\" does not exist", name, table.name));
  }
  const IndexInfo* index = table.find_index(constraint->index_oid);
  if (!index) {
    throw SqlError(sqlstate::kWrongObjectType,
                   "constraint in ON CONFLICT clause has no associated index");
  }
  return {*index};
}

}  // namespace

void plan_on_conflict(const ast::OnConflictClause& clause, PlanNode& modify) {
  if (clause.do_update && clause.target.empty() && !clause.constraint) {
    throw SqlError(sqlstate::kSyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name")
        .with_hint("For example, ON CONFLICT (column_name).")
        .with_position(clause.location + 1);
  }
  if (clause.target_where) {
    throw SqlError(sqlstate::kFeatureNotSupported, "ON CONFLICT with a WHERE clause on its target is not supported yet")
        .with_position(clause.location + 1);
  }
  const TableInfo& table = *modify.table;
  if (clause.constraint) {
    modify.arbiter_indexes = constraint_arbiter(*clause.constraint, table);
  } else if (!clause.target.empty()) {
    modify.arbiter_indexes = infer_arbiters(clause, table);
  }
  modify.on_conflict = clause.do_update ? OnConflictAction::Update : OnConflictAction::Nothing;
}

}  // namespace chalkdb
