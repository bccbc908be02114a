#include "executor/operators/function_scan.h"

#include <algorithm>

#include "planner/engine_function.h"
#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/numeric.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

void FunctionScan::open() {
  count_loop();
  Row empty;
  std::vector<Value> args;
  for (const auto& arg : node_.function_args) args.push_back(evaluate(*arg, empty, context_));
  done_ = false;
  if (node_.engine_function) {
    engine_args_ = std::move(args);
    engine_called_ = false;
    return;
  }
  table_function_ = node_.relation_name != "generate_series";
  if (!table_function_) return series_.start(args);
  for (const auto& a : args) done_ = done_ || a.is_null();  // strict: NULL argument → no rows
  if (!done_) open_table_function(args);
}

void FunctionScan::open_table_function(const std::vector<Value>& args) {
  std::vector<DataType> types;
  for (const auto& arg : node_.function_args) types.push_back(arg->type);
  table_rows_ = resolve_table_function(node_.relation_name, types).function->rows(args);
  next_table_row_ = 0;
}

void FunctionScan::produce_table_rows(RowBatch& out) {
  for (size_t n = 0; n < kBatchSize && next_table_row_ < table_rows_.size(); ++n)
    emit(Row(std::move(table_rows_[next_table_row_++])), out);
  if (next_table_row_ >= table_rows_.size()) done_ = true;
}

void FunctionScan::produce(RowBatch& out) {
  if (node_.engine_function) return produce_engine_rows(out);
  while (out.empty() && !done_) {
    context_.check_for_cancel();
    if (table_function_) {
      produce_table_rows(out);
      continue;
    }
    produce_series(out);
  }
}

void FunctionScan::produce_series(RowBatch& out) {
  Value value;
  for (size_t n = 0; n < kBatchSize; ++n) {
    if (!series_.next(value)) {
      done_ = true;
      return;
    }
    emit(Row{value}, out);
  }
}

void FunctionScan::call_engine_function() {
  const EngineFunction& function = *node_.engine_function;
  engine_rows_.clear();
  next_engine_row_ = 0;
  engine_called_ = true;
  bool null_argument = std::any_of(engine_args_.begin(), engine_args_.end(),
                                   [](const Value& v) { return v.is_null(); });
  if (function.set_returning()) {
    if (!(function.strict && null_argument)) function.rows(context_, engine_args_, engine_rows_);
    return;
  }
  // A scalar function in FROM gives one row, NULL when a strict function gets a NULL.
  Value result = function.strict && null_argument ? Value::null(function.result.id)
                                                  : function.scalar(context_, engine_args_);
  engine_rows_.push_back({std::move(result)});
}

void FunctionScan::produce_engine_rows(RowBatch& out) {
  if (!engine_called_) call_engine_function();
  while (out.empty() && next_engine_row_ < engine_rows_.size()) {
    context_.check_for_cancel();
    size_t end = std::min(engine_rows_.size(), next_engine_row_ + kBatchSize);
    for (; next_engine_row_ < end; ++next_engine_row_)
      emit(std::move(engine_rows_[next_engine_row_]), out);
  }
}

}  // namespace chalkdb
