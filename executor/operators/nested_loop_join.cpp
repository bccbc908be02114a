#include "executor/operators/nested_loop_join.h"

namespace chalkdb {

NestedLoopJoin::NestedLoopJoin(const PlanNode& node, ExecContext& context,
                               std::unique_ptr<Operator> outer, std::unique_ptr<Operator> inner)
    : Operator(node, context), outer_(std::move(outer)), inner_(std::move(inner)) {}

void NestedLoopJoin::open() {
  count_loop();
  outer_->open();
  inner_->open();
  inner_rows_.clear();
  RowBatch batch;
  while (inner_->next(batch))
    for (auto& row : batch) inner_rows_.push_back(std::move(row));
  outer_batch_.clear();
  outer_index_ = inner_index_ = 0;
  outer_done_ = false;
}

void NestedLoopJoin::produce(RowBatch& out) {
  while (out.size() < kBatchSize) {
    if (outer_index_ >= outer_batch_.size()) {
      if (outer_done_ || !outer_->next(outer_batch_)) {
        outer_done_ = true;
        return;
      }
      outer_index_ = inner_index_ = 0;
      context_.check_for_cancel();
    }
    const Row& outer = outer_batch_[outer_index_];
    for (; inner_index_ < inner_rows_.size() && out.size() < kBatchSize; ++inner_index_) {
      Row joined;
      joined.reserve(outer.size() + inner_rows_[inner_index_].size());
      joined.insert(joined.end(), outer.begin(), outer.end());
      joined.insert(joined.end(), inner_rows_[inner_index_].begin(), inner_rows_[inner_index_].end());
      if (node_.join_filter && !evaluate_condition(*node_.join_filter, joined, context_)) continue;
      emit(std::move(joined), out);
    }
    if (inner_index_ >= inner_rows_.size()) {
      ++outer_index_;
      inner_index_ = 0;
    }
  }
}

}  // namespace chalkdb
