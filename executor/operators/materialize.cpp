#include "executor/operators/materialize.h"

namespace chalkdb {

void Materialize::open() {
  count_loop();
  next_ = 0;
  if (loaded_) return;
  input_->open();
  RowBatch batch;
  while (input_->next(batch))
    for (auto& row : batch) rows_.push_back(std::move(row));
  loaded_ = true;
}

void Materialize::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_ < rows_.size()) out.push_back(rows_[next_++]);
}

}  // namespace chalkdb
