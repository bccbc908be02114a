// Materialize: keeps every row of its input the first time it is read, and replays them on
// each later rescan (the inner side of a nested loop), as PostgreSQL's Material node.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Materialize : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  std::vector<Row> rows_;
  std::vector<Value> loaded_params_;
  bool loaded_ = false;
  size_t next_ = 0;
};

}  // namespace chalkdb
