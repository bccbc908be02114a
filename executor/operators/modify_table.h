// ModifyTable: INSERT, UPDATE or DELETE of the rows its input produces, under the statement's
// transaction. Checks NOT NULL (23502 with PostgreSQL's DETAIL "Failing row contains (...)").
// An UPDATE or DELETE that meets a row being changed by another transaction waits for it to
// finish; if that transaction committed a change to the row, the statement fails with 40001
// for now (READ COMMITTED's re-check of the newest version comes with the isolation work).
#pragma once

#include <optional>

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
  void insert(Row& row);
  void update(Row& row);
  void remove(const Row& row);
  void check_not_null(const Row& row) const;
  // Runs `modify` on a row id, waiting on a concurrent modifier; true when the row changed.
  template <typename Modify>
  bool modify_row(TupleId tid, Modify&& modify);

  HeapTable* heap_ = nullptr;
  std::optional<IndexMaintenance> indexes_;
  uint64_t affected_ = 0;
};

}  // namespace chalkdb
