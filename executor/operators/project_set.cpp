#include "executor/operators/project_set.h"

#include <algorithm>

#include "sql/types/table_functions.h"

namespace chalkdb {

void ProjectSet::open() {
  count_loop();
  input_->open();
  input_batch_.clear();
  input_position_ = 0;
  input_done_ = false;
  has_current_ = false;
}

void ProjectSet::start_row(Row row) {
  const auto& calls = node_.set_functions;
  table_rows_.assign(calls.size(), {});
  series_.assign(calls.size(), SeriesGenerator());
  call_done_.assign(calls.size(), false);
  for (size_t i = 0; i < calls.size(); ++i) {
    std::vector<Value> args;
    for (const auto& arg : calls[i]->args) args.push_back(evaluate(*arg, row, context_));
    if (!calls[i]->table_function) {
      series_[i].start(args);
      continue;
    }
    // Strict: a NULL argument returns no rows (unnest(NULL) is empty).
    if (std::none_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); }))
      table_rows_[i] = calls[i]->table_function->rows(args);
  }
  current_ = std::move(row);
  has_current_ = true;
  output_index_ = 0;
}

// The current input row with each call's next value; false when all calls are done.
bool ProjectSet::next_output(Row& out) {
  const auto& calls = node_.set_functions;
  out = current_;
  bool any = false;
  for (size_t i = 0; i < calls.size(); ++i) {
    Value value = Value::null(calls[i]->type.id);
    if (calls[i]->table_function) {
      if (output_index_ < table_rows_[i].size()) {
        value = table_rows_[i][output_index_][0];
        any = true;
      }
    } else if (!call_done_[i]) {
      call_done_[i] = !series_[i].next(value);
      any = any || !call_done_[i];
    }
    out.push_back(std::move(value));
  }
  ++output_index_;
  return any;
}

void ProjectSet::produce(RowBatch& out) {
  Row row;
  while (out.size() < kBatchSize) {
    if (has_current_) {
      if (next_output(row)) {
        emit(std::move(row), out);
        continue;
      }
      has_current_ = false;
    }
    if (input_position_ < input_batch_.size()) {
      start_row(std::move(input_batch_[input_position_++]));
      continue;
    }
    if (input_done_) return;
    context_.check_for_cancel();
    if (!input_->next(input_batch_)) {
      input_done_ = true;
      return;
    }
    input_position_ = 0;
  }
}

}  // namespace chalkdb
