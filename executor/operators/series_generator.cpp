#include "executor/operators/series_generator.h"

#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "sql/types/operators.h"

namespace chalkdb {

void SeriesGenerator::start(const std::vector<Value>& args) {
  done_ = false;
  for (const auto& a : args) done_ = done_ || a.is_null();  // strict: NULL bound → no rows
  if (done_) return;
  type_ = args[0].type();
  add_ = nullptr;
  if (type_ == TypeId::Numeric || type_ == TypeId::Timestamp || type_ == TypeId::TimestampTz)
    return start_values(args);
  next_ = args[0].as_int();
  stop_ = args[1].as_int();
  step_ = args.size() > 2 ? args[2].as_int() : 1;
  if (step_ == 0) throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
}

void SeriesGenerator::start_values(const std::vector<Value>& args) {
  next_value_ = args[0];
  stop_value_ = args[1];
  if (type_ == TypeId::Numeric) {
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
  add_ = resolve_binary_operator("+", DataType{type_}, DataType{TypeId::Interval}).fn;
}

bool SeriesGenerator::next(Value& out) {
  if (done_) return false;
  if (add_) {
    int c = compare_values(next_value_, stop_value_);
    if ((ascending_ && c > 0) || (!ascending_ && c < 0)) return done_ = true, false;
    out = next_value_;
    next_value_ = add_(next_value_, step_value_);
    return true;
  }
  if ((step_ > 0 && next_ > stop_) || (step_ < 0 && next_ < stop_)) return done_ = true, false;
  out = type_ == TypeId::Int8 ? Value::int8(next_) : Value::int4(static_cast<int32_t>(next_));
  if (__builtin_add_overflow(next_, step_, &next_)) done_ = true;  // the series ends at the type's limit
  return true;
}

}  // namespace chalkdb
