// HashSetOp: INTERSECT / EXCEPT [ALL]. Its input (an Append) gives each row with a flag
// column last (0: left operand, 1: right); it counts each distinct row on both sides in a
// hash table, then emits, per row, 1 or 0 copies (INTERSECT / EXCEPT) or min(l, r) /
// max(l - r, 0) copies (the ALL forms), as PostgreSQL's nodeSetOp does.
#pragma once

#include <unordered_map>

#include "executor/operator.h"
#include "executor/row_key.h"

namespace chalkdb {

class HashSetOp : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  struct Counts {
    size_t left = 0, right = 0;
  };
  size_t copies(const Counts& counts) const;

  std::vector<std::pair<Row, Counts>> groups_;  // in first-seen order
  size_t next_group_ = 0, emitted_ = 0;
};

}  // namespace chalkdb
