// SeqScan: reads a table's visible rows in physical order, a page at a time. Each raw row is
// the table's columns followed by the row's ctid.
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
  std::optional<HeapTable::Scan> scan_;
  RowBatch rows_;
  std::vector<TupleId> tids_;
};

}  // namespace chalkdb
