// SubqueryScan: the rows of a subquery's plan (a subquery in FROM, or one side of INTERSECT /
// EXCEPT), cut to the subquery's output columns (its plan may carry sort keys after them),
// then filtered and projected like a scan. CteScan is the same over a WITH RECURSIVE query.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class SubqueryScan : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override {
    count_loop();
    input_->open();
  }

 protected:
  void produce(RowBatch& out) override {
    RowBatch batch;
    while (out.empty() && input_->next(batch)) {
      for (auto& row : batch) {
        row.resize(node_.raw_width);
        emit(std::move(row), out);
      }
    }
  }
};

}  // namespace chalkdb
