// IndexScan: a table's rows in the order of one of its B-tree indexes, limited to the key
// range of the plan's index conditions. Each batch takes up to kBatchSize heap TIDs from the
// index cursor and fetches their versions, keeping those visible to the statement's snapshot
// (every version has its own index entry: there are no HOT chains). Raw rows are the table's
// columns followed by the ctid, as SeqScan's. Range bounds are evaluated when the scan opens;
// a NULL bound matches nothing, as a strict comparison would.
#pragma once

#include <optional>

#include "executor/operator.h"
#include "storage/heap/heap_table.h"
#include "storage/index/btree.h"

namespace chalkdb {

class IndexScan : public Operator {
 public:
  using Operator::Operator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  // A bound from its prefix expressions; nullopt for an unbounded side. Sets `empty_` when a
  // bound value is NULL.
  std::optional<ScanBound> bound(const std::vector<BoundExprPtr>& prefix, bool inclusive,
                                 bool excludes_nulls);

  HeapTable* heap_ = nullptr;
  std::optional<BTree::Cursor> cursor_;
  bool empty_ = false;
  std::vector<TupleId> tids_;
};

}  // namespace chalkdb
