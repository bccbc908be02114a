#include "executor/operators/materialize.h"

#include "executor/row_key.h"

namespace chalkdb {

void Materialize::open() {
  count_loop();
  next_ = 0;
  // Inside a correlated subquery or LATERAL item the input depends on exec params: reload
  // when they have changed since the rows were stored.
  const auto& params = context_.subqueries->exec_params;
  if (loaded_ && RowKeyEqual{}(params, loaded_params_)) return;
  rows_.clear();
  loaded_params_ = params;
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
