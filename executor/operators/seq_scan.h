// SeqScan: reads a table's visible rows in physical order, a page at a time. Each raw row is
// the table's columns followed by the row's ctid. A sequence's one row comes from the
// sequence's in-memory position (what PostgreSQL shows), not from its stored row, which
// records the end of the range reserved ahead (see SequenceStore).
#pragma once

#include <optional>

#include "executor/operator.h"
#include "storage/heap/heap_table.h"

namespace chalkdb {

class SeqScan : public Operator {
 public:
  using Operator::Operator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  void produce_sequence_row(RowBatch& out);

  std::optional<HeapTable::Scan> scan_;
  bool sequence_done_ = false;
  RowBatch rows_;
  std::vector<TupleId> tids_;
};

}  // namespace chalkdb
