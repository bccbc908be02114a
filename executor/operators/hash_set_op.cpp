#include "executor/operators/hash_set_op.h"

#include <algorithm>

namespace chalkdb {

void HashSetOp::open() {
  count_loop();
  input_->open();
  groups_.clear();
  next_group_ = emitted_ = 0;
  std::unordered_map<Row, size_t, RowKeyHash, RowKeyEqual> index;
  RowBatch batch;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) {
      bool right = row.back().as_int() != 0;
      row.pop_back();
      auto [it, inserted] = index.emplace(row, groups_.size());
      if (inserted) groups_.emplace_back(std::move(row), Counts{});
      Counts& counts = groups_[it->second].second;
      (right ? counts.right : counts.left) += 1;
    }
  }
}

size_t HashSetOp::copies(const Counts& counts) const {
  if (node_.set_op == SetOpKind::Intersect) {
    if (node_.set_all) return std::min(counts.left, counts.right);
    return counts.left > 0 && counts.right > 0 ? 1 : 0;
  }
  if (node_.set_all) return counts.left > counts.right ? counts.left - counts.right : 0;
  return counts.left > 0 && counts.right == 0 ? 1 : 0;
}

void HashSetOp::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_group_ < groups_.size()) {
    const auto& [row, counts] = groups_[next_group_];
    if (emitted_ < copies(counts)) {
      ++emitted_;
      emit(Row(row), out);
      continue;
    }
    ++next_group_;
    emitted_ = 0;
  }
}

}  // namespace chalkdb
