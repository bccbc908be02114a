// IndexMaintenance: keeps a table's B-tree indexes in step with its heap while a statement
// writes rows (PostgreSQL's ExecInsertIndexTuples).
//
// Every new heap version (INSERT, and UPDATE's new version: there are no HOT updates) gets an
// entry in every index. Unique indexes are checked as nbtree does: the equal entries' heap
// versions are examined with dirty visibility; a live one is a 23505 violation, one whose
// inserter or deleter is still running makes the writer wait for that transaction and check
// again. The heap version is written before its index entries; when an entry is refused the
// statement (and so its transaction) fails, which leaves the version and any entries already
// added dead — index and heap never disagree about a visible row.
// ON CONFLICT uses find_conflict() to look for an existing row before inserting.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "executor/index_columns.h"
#include "storage/catalog/table_info.h"
#include "storage/heap/heap_table.h"
#include "storage/index/btree.h"

namespace chalkdb {

class IndexMaintenance {
 public:
  IndexMaintenance(ExecContext& context, const TableInfo& table, HeapTable& heap);

  bool empty() const { return targets_.empty(); }
  // Adds the entries of the version `row` stored at `tid`.
  void insert_entries(std::span<const Value> row, TupleId tid);
  // The live row that conflicts with `row` in one of the unique indexes (all of them when
  // `arbiter` is empty), waiting for in-progress inserters as a unique check does.
  std::optional<TupleId> find_conflict(std::span<const Value> row,
                                       const std::vector<IndexInfo>& arbiters);
  // INSERT ... ON CONFLICT's speculative insertion (PostgreSQL's ExecInsertIndexTuples with
  // a conflict check): adds the entries of `row` at `tid`, the arbiter indexes first. When a
  // row another transaction committed meanwhile conflicts in an arbiter index, returns false
  // and adds no more entries (the caller kills the version and resolves the conflict again);
  // other unique indexes raise 23505 as usual.
  bool insert_entries_speculative(std::span<const Value> row, TupleId tid,
                                  const std::vector<IndexInfo>& arbiters);

  // "Key (a, b)=(1, 2)" as PostgreSQL's BuildIndexValueDescription writes it.
  static std::string key_description(const TableInfo& table, const IndexInfo& index,
                                     std::span<const Value> row);

 private:
  struct Target {
    const IndexInfo* index;
    BTree* tree;
    IndexColumns columns;
  };
  static std::vector<Value> key_of(const Target& target, std::span<const Value> row);
  static std::vector<Value> include_of(const Target& target, std::span<const Value> row);
  // One index's entry; returns false on a conflict when `throw_on_conflict` is false.
  bool insert_entry(const Target& target, std::span<const Value> row, TupleId tid,
                    bool throw_on_conflict);
  bool insert_unique(const Target& target, std::span<const Value> key,
                     std::span<const Value> include, std::span<const Value> row, TupleId tid,
                     bool throw_on_conflict);
  static bool is_arbiter(const Target& target, const std::vector<IndexInfo>& arbiters);
  [[noreturn]] void throw_violation(const Target& target, std::span<const Value> row) const;

  ExecContext& context_;
  const TableInfo& table_;
  HeapTable& heap_;
  std::vector<Target> targets_;
};

}  // namespace chalkdb
