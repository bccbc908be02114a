#include "executor/operators/nested_loop_join.h"

#include "executor/subplan_evaluator.h"

namespace chalkdb {

NestedLoopJoin::NestedLoopJoin(const PlanNode& node, ExecContext& context,
                               std::unique_ptr<Operator> outer, std::unique_ptr<Operator> inner)
    : Operator(node, context), outer_(std::move(outer)), inner_(std::move(inner)) {
  inner_width_ = node.raw_width - output_width(*node.children[0]);
}

void NestedLoopJoin::open() {
  count_loop();
  outer_->open();
  outer_batch_.clear();
  inner_batch_.clear();
  outer_index_ = inner_index_ = 0;
  started_ = outer_done_ = outer_matched_ = false;
}

bool NestedLoopJoin::advance_outer(RowBatch& out) {
  bool keep_unmatched = node_.join_type == JoinType::Left || node_.join_type == JoinType::Anti;
  if (started_ && keep_unmatched && !outer_matched_)
    emit(null_extended(outer_batch_[outer_index_], inner_width_), out);
  outer_matched_ = false;
  if (started_) ++outer_index_;
  started_ = true;
  if (outer_index_ >= outer_batch_.size()) {
    context_.check_for_cancel();
    if (!outer_->next(outer_batch_)) return false;
    outer_index_ = 0;
  }
  for (const auto& [id, expr] : node_.nest_params)
    set_exec_param(context_, id, evaluate(*expr, outer_batch_[outer_index_], context_));
  inner_->open();
  inner_batch_.clear();
  inner_index_ = 0;
  return true;
}

void NestedLoopJoin::produce(RowBatch& out) {
  while (out.size() < kBatchSize && !outer_done_) {
    if (inner_index_ >= inner_batch_.size()) {
      if (!started_ || skip_inner_ || !inner_->next(inner_batch_)) {
        skip_inner_ = false;
        if (!advance_outer(out)) {
          outer_done_ = true;
          return;
        }
        continue;
      }
      inner_index_ = 0;
    }
    const Row& outer = outer_batch_[outer_index_];
    const Row& inner = inner_batch_[inner_index_++];
    Row joined;
    joined.reserve(outer.size() + inner.size());
    joined.insert(joined.end(), outer.begin(), outer.end());
    joined.insert(joined.end(), inner.begin(), inner.end());
    if (node_.join_filter && !evaluate_condition(*node_.join_filter, joined, context_)) continue;
    outer_matched_ = true;
    if (node_.join_type == JoinType::Semi || node_.join_type == JoinType::Anti) {
      // One match decides: a semi join emits the outer row once, an anti join drops it.
      if (node_.join_type == JoinType::Semi) emit(null_extended(outer, inner_width_), out);
      inner_index_ = inner_batch_.size();
      skip_inner_ = true;
      continue;
    }
    emit(std::move(joined), out);
  }
}

}  // namespace chalkdb
