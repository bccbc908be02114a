// Unique: over rows sorted on its keys, keeps the first of each run of rows equal on the
// first `unique_columns` sort keys (SELECT DISTINCT ON).
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Unique : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override {
    count_loop();
    input_->open();
    has_previous_ = false;
  }

 protected:
  void produce(RowBatch& out) override;

 private:
  Row previous_keys_;
  bool has_previous_ = false;
};

// True when `a` and `b` are equal on the first `count` sort keys (NULLs equal).
bool equal_on_sort_keys(const std::vector<SortSpec>& keys, size_t count, const Row& a, const Row& b);

}  // namespace chalkdb
