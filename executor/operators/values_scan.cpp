#include "executor/operators/values_scan.h"

namespace chalkdb {

void ValuesScan::open() {
  count_loop();
  next_row_ = 0;
}

void ValuesScan::produce(RowBatch& out) {
  Row empty;
  while (out.size() < kBatchSize && next_row_ < node_.values_rows.size()) {
    Row row;
    for (const auto& expr : node_.values_rows[next_row_]) row.push_back(evaluate(*expr, empty, context_));
    ++next_row_;
    emit(std::move(row), out);
  }
}

void ResultOperator::open() {
  count_loop();
  done_ = false;
}

void ResultOperator::produce(RowBatch& out) {
  if (done_) return;
  done_ = true;
  emit(Row{}, out);
}

}  // namespace chalkdb
