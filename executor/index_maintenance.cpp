#include "executor/index_maintenance.h"

#include <fmt/format.h>

#include <algorithm>

#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

IndexMaintenance::IndexMaintenance(ExecContext& context, const TableInfo& table, HeapTable& heap)
    : context_(context), table_(table), heap_(heap) {
  for (const IndexInfo& index : table.indexes) {
    targets_.push_back(Target{&index, &context.catalog.index_tree(table, index), IndexColumns(index)});
  }
}

std::vector<Value> IndexMaintenance::key_of(const Target& target, std::span<const Value> row) {
  std::vector<Value> key;
  target.columns.key(row, key);
  return key;
}

std::vector<Value> IndexMaintenance::include_of(const Target& target, std::span<const Value> row) {
  std::vector<Value> include;
  target.columns.include(row, include);
  return include;
}

void IndexMaintenance::insert_entries(std::span<const Value> row, TupleId tid) {
  for (const Target& target : targets_) insert_entry(target, row, tid, true);
}

bool IndexMaintenance::insert_entries_speculative(std::span<const Value> row, TupleId tid,
                                                  const std::vector<IndexInfo>& arbiters) {
  for (const Target& target : targets_) {
    if (is_arbiter(target, arbiters) && !insert_entry(target, row, tid, false)) return false;
  }
  for (const Target& target : targets_) {
    if (!is_arbiter(target, arbiters)) insert_entry(target, row, tid, true);
  }
  return true;
}

bool IndexMaintenance::is_arbiter(const Target& target, const std::vector<IndexInfo>& arbiters) {
  if (!target.index->unique) return false;
  return arbiters.empty() ||
         std::any_of(arbiters.begin(), arbiters.end(),
                     [&](const IndexInfo& arbiter) { return arbiter.oid == target.index->oid; });
}

bool IndexMaintenance::insert_entry(const Target& target, std::span<const Value> row, TupleId tid,
                                    bool throw_on_conflict) {
  std::vector<Value> key = key_of(target, row);
  std::vector<Value> include = include_of(target, row);
  if (target.index->unique && !IndexKeyCodec::has_null(key))
    return insert_unique(target, key, include, row, tid, throw_on_conflict);
  target.tree->insert(key, tid, context_.write_xid(), include);
  return true;
}

bool IndexMaintenance::insert_unique(const Target& target, std::span<const Value> key,
                                     std::span<const Value> include, std::span<const Value> row,
                                     TupleId tid, bool throw_on_conflict) {
  TransactionId xid = context_.write_xid();
  auto checker = [&](std::span<const TupleId> equal) {
    for (TupleId other : equal) {
      if (other == tid) continue;
      DirtyCheck check = heap_.check_dirty(other, xid);
      if (check.kind == DirtyCheck::Kind::Live) return UniqueVerdict::conflict(other);
      if (check.kind == DirtyCheck::Kind::InProgress) return UniqueVerdict::wait_for(check.xid);
    }
    return UniqueVerdict::insert();
  };
  for (;;) {
    UniqueInsertResult result = target.tree->insert_unique(key, tid, xid, checker, include);
    switch (result.status) {
      case UniqueInsertResult::Status::Inserted: return true;
      case UniqueInsertResult::Status::Conflict:
        if (!throw_on_conflict) return false;
        throw_violation(target, row);
      case UniqueInsertResult::Status::MustWait:
        context_.transactions.wait_for(result.wait_xid);
        context_.check_for_cancel();
        break;
    }
  }
}

std::optional<TupleId> IndexMaintenance::find_conflict(std::span<const Value> row,
                                                       const std::vector<IndexInfo>& arbiters) {
  TransactionId xid = context_.write_xid();
  for (const Target& target : targets_) {
    if (!is_arbiter(target, arbiters)) continue;
    std::vector<Value> key = key_of(target, row);
    if (IndexKeyCodec::has_null(key)) continue;
    for (;;) {
      std::optional<TransactionId> wait;
      std::optional<TupleId> live;
      for (TupleId other : target.tree->find_equal(key)) {
        DirtyCheck check = heap_.check_dirty(other, xid);
        if (check.kind == DirtyCheck::Kind::Live) {
          live = other;
          break;
        }
        if (check.kind == DirtyCheck::Kind::InProgress) wait = check.xid;
      }
      if (live) return live;
      if (!wait) break;
      context_.transactions.wait_for(*wait);
      context_.check_for_cancel();
    }
  }
  return std::nullopt;
}

std::string IndexMaintenance::key_description(const TableInfo& table, const IndexInfo& index,
                                              std::span<const Value> row) {
  std::string names, values;
  for (const IndexKeyInfo& key : index.keys) {
    const ColumnInfo* column = table.column_by_attnum(key.attnum);
    const Value& value = row[static_cast<size_t>(key.attnum - 1)];
    if (!names.empty()) {
      names += ", ";
      values += ", ";
    }
    names += column ? column->name : "?";
    values += value.is_null() ? "null" : format_value(value);
  }
  return fmt::format("Key ({})=({})", names, values);
}

void IndexMaintenance::throw_violation(const Target& target, std::span<const Value> row) const {
  throw SqlError(sqlstate::kUniqueViolation,
                 fmt::format("duplicate key value violates unique constraint \"{}\"",
                             target.index->name))
      .with_detail(key_description(table_, *target.index, row) + " already exists.")
      .with_table(table_.schema, table_.name)
      .with_constraint(target.index->name);
}

}  // namespace chalkdb
