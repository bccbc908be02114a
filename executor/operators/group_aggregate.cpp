#include "executor/operators/group_aggregate.h"

#include "sql/types/comparison.h"

namespace chalkdb {

void GroupAggregate::open() {
  count_loop();
  input_->open();
  batch_.clear();
  position_ = 0;
  input_done_ = false;
  in_group_ = false;
}

bool GroupAggregate::same_group(const std::vector<Value>& a, const std::vector<Value>& b) const {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null() || b[i].is_null()) {
      if (a[i].is_null() != b[i].is_null()) return false;  // NULLs form one group
      continue;
    }
    if (compare_values(a[i], b[i]) != 0) return false;
  }
  return true;
}

void GroupAggregate::finish_group(RowBatch& out) {
  Row row = keys_;
  for (const auto& state : states_) row.push_back(state.result());
  emit(std::move(row), out);
  in_group_ = false;
}

void GroupAggregate::produce(RowBatch& out) {
  std::vector<Value> keys;
  while (out.size() < kBatchSize) {
    if (input_done_) return;
    if (position_ >= batch_.size()) {
      if (!input_->next(batch_)) {
        input_done_ = true;
        if (in_group_) finish_group(out);
        return;
      }
      position_ = 0;
      context_.check_for_cancel();
    }
    const Row& row = batch_[position_++];
    keys.clear();
    for (const auto& key : node_.group_keys) keys.push_back(evaluate(*key, row, context_));
    if (in_group_ && !same_group(keys, keys_)) finish_group(out);
    if (!in_group_) {
      keys_ = keys;
      states_ = new_states();
      in_group_ = true;
    }
    accumulate(states_, row);
  }
}

}  // namespace chalkdb
