// Limit: skips OFFSET rows and stops after LIMIT rows; both are evaluated when execution
// starts (PostgreSQL's errors for negative values, NULL meaning no limit). WITH TIES also
// returns the rows that tie with the last one on the ORDER BY keys.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Limit : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  int64_t to_skip_ = 0;
  int64_t remaining_ = -1;  // -1: no limit
  // FETCH ... WITH TIES: after the last counted row, rows equal to it on the sort keys.
  Row last_;
  bool ties_done_ = false;
};

}  // namespace chalkdb
