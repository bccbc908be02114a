#include "executor/operators/function_scan.h"

#include <algorithm>

#include "planner/engine_function.h"
#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/operators.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

namespace {

Value make_integer(TypeId type, int64_t v) {
  return type == TypeId::Int8 ? Value::int8(v) : Value::int4(static_cast<int32_t>(v));
}

}  // namespace

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
  for (const auto& a : args) done_ = done_ || a.is_null();  // strict: NULL bound → no rows
  table_function_ = node_.relation_name != "generate_series";
  if (done_) return;
  if (table_function_) return open_table_function(args);
  add_ = nullptr;
  TypeId type = args[0].type();
  if (type == TypeId::Numeric || type == TypeId::Timestamp || type == TypeId::TimestampTz)
    return open_value_series(args);
  next_ = args[0].as_int();
  stop_ = args[1].as_int();
  step_ = args.size() > 2 ? args[2].as_int() : 1;
  if (step_ == 0) throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
}

void FunctionScan::open_value_series(const std::vector<Value>& args) {
  next_value_ = args[0];
  stop_value_ = args[1];
  if (args[0].type() == TypeId::Numeric) {
    step_value_ = args.size() > 2 ? args[2] : Value::numeric(Numeric::from_int64(1));
    if (step_value_.as_numeric().is_zero())
      throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
    ascending_ = !step_value_.as_numeric().is_negative();
    add_ = resolve_binary_operator("+", DataType{TypeId::Numeric}, DataType{TypeId::Numeric}).fn;
    return;
  }
  // generate_series_timestamp: the step's sign is its comparison with a zero interval.
  step_value_ = args.at(2);
  int sign = compare_values(step_value_, interval_value(Interval{}));
  if (sign == 0) throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
  ascending_ = sign > 0;
  add_ = resolve_binary_operator("+", DataType{args[0].type()}, DataType{TypeId::Interval}).fn;
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
    if (add_) produce_values(out);
    else produce_integers(out);
  }
}

void FunctionScan::produce_integers(RowBatch& out) {
  TypeId type = node_.function_args[0]->type.id;
  for (size_t n = 0; n < kBatchSize; ++n) {
    if ((step_ > 0 && next_ > stop_) || (step_ < 0 && next_ < stop_)) {
      done_ = true;
      return;
    }
    emit(Row{make_integer(type, next_)}, out);
    if (__builtin_add_overflow(next_, step_, &next_)) {  // the series ends at the type's limit
      done_ = true;
      return;
    }
  }
}

void FunctionScan::produce_values(RowBatch& out) {
  for (size_t n = 0; n < kBatchSize; ++n) {
    int c = compare_values(next_value_, stop_value_);
    if ((ascending_ && c > 0) || (!ascending_ && c < 0)) {
      done_ = true;
      return;
    }
    emit(Row{next_value_}, out);
    next_value_ = add_(next_value_, step_value_);
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
