// Sort: reads all input rows and sorts them in memory by the plan's sort keys (ASC/DESC,
// NULLS FIRST/LAST as PostgreSQL orders them). Spilling to disk past work_mem (PostgreSQL's
// external merge) is not done yet.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Sort : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  bool less(const Row& a, const Row& b) const;

  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace chalkdb
