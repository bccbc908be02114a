#include "executor/operators/recursive_union.h"

namespace chalkdb {

void RecursiveUnion::open() {
  count_loop();
  seen_.clear();
  next_round_.clear();
  in_base_ = true;
  done_ = false;
  base_->open();
}

void RecursiveUnion::accept(Row& row, RowBatch& out) {
  row.resize(node_.raw_width);
  if (!node_.set_all && !seen_.insert(row).second) return;
  next_round_.push_back(row);
  emit(std::move(row), out);
}

// Makes the last round's rows the work table and restarts the recursive term over them.
bool RecursiveUnion::start_round() {
  if (next_round_.empty()) return false;
  context_.subqueries->worktables[node_.worktable_id] = std::move(next_round_);
  next_round_.clear();
  recursive_->open();
  return true;
}

void RecursiveUnion::produce(RowBatch& out) {
  RowBatch batch;
  while (out.empty() && !done_) {
    context_.check_for_cancel();
    Operator& source = in_base_ ? *base_ : *recursive_;
    if (source.next(batch)) {
      for (auto& row : batch) accept(row, out);
      continue;
    }
    in_base_ = false;
    if (!start_round()) done_ = true;
  }
}

}  // namespace chalkdb
