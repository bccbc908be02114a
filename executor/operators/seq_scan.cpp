#include "executor/operators/seq_scan.h"

namespace chalkdb {

void SeqScan::open() {
  count_loop();
  scan_.emplace(context_.catalog.heap(*node_.table).scan(context_.snapshot));
}

void SeqScan::produce(RowBatch& out) {
  while (out.empty()) {
    context_.check_for_cancel();
    if (scan_->next_batch(rows_, tids_, kBatchSize) == 0) return;
    for (size_t i = 0; i < rows_.size(); ++i) {
      rows_[i].push_back(Value::tid(tids_[i].block, tids_[i].offset));
      emit(std::move(rows_[i]), out);
    }
  }
}

}  // namespace chalkdb
