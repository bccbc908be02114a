#include "executor/operators/index_scan.h"

#include "executor/expression_evaluator.h"

namespace chalkdb {

std::optional<ScanBound> IndexScan::bound(const std::vector<BoundExprPtr>& prefix, bool inclusive,
                                          bool excludes_nulls) {
  if (prefix.empty() && !excludes_nulls) return std::nullopt;
  ScanBound result;
  result.inclusive = inclusive;
  Row no_row;
  for (const auto& expr : prefix) {
    Value value = evaluate(*expr, no_row, context_);
    if (value.is_null()) empty_ = true;
    result.prefix.push_back(std::move(value));
  }
  if (excludes_nulls) {
    const IndexKeyInfo& key = node_.index_scan->index.keys[prefix.size()];
    result.prefix.push_back(Value::null(node_.table->column_by_attnum(key.attnum)->type.id));
    result.inclusive = false;
  }
  return result;
}

void IndexScan::open() {
  count_loop();
  const IndexScanSpec& spec = *node_.index_scan;
  heap_ = &context_.catalog.heap(*node_.table);
  BTree& tree = context_.catalog.index_tree(*node_.table, spec.index);
  empty_ = false;
  auto lower = bound(spec.lower, spec.lower_inclusive, spec.lower_excludes_nulls);
  auto upper = bound(spec.upper, spec.upper_inclusive, spec.upper_excludes_nulls);
  cursor_.reset();
  if (empty_) return;
  cursor_.emplace(tree.scan(lower, upper, spec.backward ? ScanDirection::Backward : ScanDirection::Forward));
}

void IndexScan::produce(RowBatch& out) {
  if (!cursor_) return;
  while (out.empty()) {
    context_.check_for_cancel();
    if (cursor_->next_batch(tids_, nullptr, kBatchSize) == 0) return;
    for (TupleId tid : tids_) {
      std::optional<std::vector<Value>> row = heap_->fetch(tid, context_.snapshot);
      if (!row) continue;
      row->push_back(Value::tid(tid.block, tid.offset));
      emit(std::move(*row), out);
    }
  }
}

}  // namespace chalkdb
