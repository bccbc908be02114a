#include "executor/operators/seq_scan.h"

namespace chalkdb {

void SeqScan::open() {
  count_loop();
  scan_.emplace(context_.catalog.heap(*node_.table).scan(context_.snapshot));
  sequence_done_ = false;
}

void SeqScan::produce_sequence_row(RowBatch& out) {
  if (sequence_done_) return;
  sequence_done_ = true;
  if (scan_->next_batch(rows_, tids_, 1) == 0) return;  // not visible to this snapshot
  SequenceState state = context_.catalog.sequence_state(node_.table->oid);
  Row row{Value::int8(state.last_value), Value::int8(state.log_cnt), Value::boolean(state.is_called),
          Value::tid(tids_[0].block, tids_[0].offset)};
  emit(std::move(row), out);
}

void SeqScan::produce(RowBatch& out) {
  if (node_.table->relkind == kRelkindSequence) return produce_sequence_row(out);
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
