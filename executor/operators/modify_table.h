// ModifyTable: INSERT, UPDATE or DELETE of the rows its input produces, under the statement's
// transaction. Checks NOT NULL (23502 with PostgreSQL's DETAIL "Failing row contains (...)").
// An UPDATE or DELETE that meets a row being changed by another transaction waits for it to
// finish; if that transaction committed a change to the row, the statement fails with 40001
// for now (READ COMMITTED's re-check of the newest version comes with the isolation work).
// All input is processed on the first next(), as in PostgreSQL; with RETURNING the node's
// projection computes the returned rows from each inserted, updated (new version) or deleted
// (old version) row, and next() hands them out batch by batch. INSERT ... ON CONFLICT inserts
// speculatively and skips (DO NOTHING) or updates (DO UPDATE) a conflicting row; see
// modify_table_on_conflict.cpp.
#pragma once

#include <optional>
#include <set>

#include "executor/constraint_checker.h"
#include "executor/foreign_keys.h"
#include "executor/index_maintenance.h"
#include "executor/operator.h"
#include "storage/heap/heap_table.h"

namespace chalkdb {

class ModifyTable : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

  uint64_t affected_rows() const { return affected_; }

 protected:
  void produce(RowBatch& out) override;

 private:
  void modify_all();
  // Each returns true when the row was changed; `row` is then what RETURNING reads.
  bool insert(Row& row);
  bool update(Row& row);
  bool remove(const Row& row);
  // INSERT ... ON CONFLICT (modify_table_on_conflict.cpp): inserts `row` or resolves its
  // conflict; true when a row was inserted or updated (`row` is then that row).
  bool insert_on_conflict(Row& row);
  // DO UPDATE of the conflicting version at `tid`: true when updated, false when the WHERE
  // rejected it, nullopt when the version changed meanwhile and the conflict must be
  // looked up again.
  std::optional<bool> update_conflicting(TupleId tid, Row& row);
  // Writes the new version; false when the existing one changed meanwhile (after waiting
  // for its modifier under READ COMMITTED; 40001 under a transaction snapshot).
  bool update_conflicting_version(TupleId tid, const Row& existing, Row& new_version,
                                  const Snapshot& crosscheck);
  [[noreturn]] void throw_second_update() const;
  void check_not_null(const Row& row) const;
  // The version of the row the statement sees, when foreign keys need its old key.
  Row old_row(TupleId tid) const;
  // Runs `modify` on a row id, waiting on a concurrent modifier; true when the row changed.
  template <typename Modify>
  bool modify_row(TupleId tid, Modify&& modify);

  // Enforcement of CHECK and FOREIGN KEY constraints (created by open()).
  std::optional<ConstraintChecker> checks_;
  std::optional<ForeignKeys> foreign_keys_;
  HeapTable* heap_ = nullptr;
  std::optional<IndexMaintenance> indexes_;
  uint64_t affected_ = 0;
  // Versions this statement wrote with ON CONFLICT DO UPDATE: meeting one again is 21000.
  std::set<TupleId> written_;
  size_t row_id_slot_ = 0;  // where UPDATE/DELETE input rows carry the row id
  bool done_ = false;
  RowBatch returned_;
  size_t next_returned_ = 0;
};

}  // namespace chalkdb
