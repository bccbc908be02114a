#include "executor/operators/unique.h"

#include "sql/types/comparison.h"

namespace chalkdb {

bool equal_on_sort_keys(const std::vector<SortSpec>& keys, size_t count, const Row& a, const Row& b) {
  for (size_t i = 0; i < count && i < keys.size(); ++i) {
    const Value& x = a[keys[i].slot];
    const Value& y = b[keys[i].slot];
    if (x.is_null() || y.is_null()) {
      if (x.is_null() != y.is_null()) return false;
      continue;
    }
    if (compare_values(x, y) != 0) return false;
  }
  return true;
}

void Unique::produce(RowBatch& out) {
  RowBatch batch;
  while (out.empty() && input_->next(batch)) {
    for (auto& row : batch) {
      if (has_previous_ && equal_on_sort_keys(node_.sort_keys, node_.unique_columns, previous_keys_, row)) continue;
      previous_keys_ = row;
      has_previous_ = true;
      emit(std::move(row), out);
    }
  }
}

}  // namespace chalkdb
