// WorkTableScan: inside a Recursive Union's recursive side, the rows the previous iteration
// produced (kept by the Recursive Union in the statement's work tables).
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class WorkTableScan : public Operator {
 public:
  using Operator::Operator;
  void open() override {
    count_loop();
    next_ = 0;
  }

 protected:
  void produce(RowBatch& out) override {
    const auto& rows = context_.subqueries->worktables[node_.worktable_id];
    while (out.size() < kBatchSize && next_ < rows.size()) emit(Row(rows[next_++]), out);
  }

 private:
  size_t next_ = 0;
};

}  // namespace chalkdb
