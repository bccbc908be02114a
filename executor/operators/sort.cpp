#include "executor/operators/sort.h"

#include <algorithm>

#include "sql/types/comparison.h"

namespace chalkdb {

bool Sort::less(const Row& a, const Row& b) const {
  for (const auto& key : node_.sort_keys) {
    const Value& x = a[key.slot];
    const Value& y = b[key.slot];
    if (x.is_null() || y.is_null()) {
      if (x.is_null() && y.is_null()) continue;
      return x.is_null() == key.nulls_first;
    }
    int c = compare_values(x, y);
    if (c != 0) return key.descending ? c > 0 : c < 0;
  }
  return false;
}

void Sort::open() {
  count_loop();
  input_->open();
  rows_.clear();
  next_ = 0;
  RowBatch batch;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) rows_.push_back(std::move(row));
  }
  std::stable_sort(rows_.begin(), rows_.end(), [this](const Row& a, const Row& b) { return less(a, b); });
}

void Sort::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_ < rows_.size()) emit(std::move(rows_[next_++]), out);
}

}  // namespace chalkdb
