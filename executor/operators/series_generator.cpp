#include "executor/operators/series_generator.h"

#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/numeric.h"

namespace chalkdb {

void SeriesGenerator::start(const std::vector<Value>& args) {
  done_ = false;
  for (const auto& a : args) done_ = done_ || a.is_null();  // strict: NULL bound → no rows
  if (done_) return;
  type_ = args[0].type();
  if (type_ == TypeId::Numeric) {
    next_numeric_ = args[0];
    stop_numeric_ = args[1];
    step_numeric_ = args.size() > 2 ? args[2] : Value::numeric(Numeric::from_int64(1));
    if (step_numeric_.as_numeric().is_zero())
      throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
    return;
  }
  next_ = args[0].as_int();
  stop_ = args[1].as_int();
  step_ = args.size() > 2 ? args[2].as_int() : 1;
  if (step_ == 0) throw SqlError(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
}

bool SeriesGenerator::next(Value& out) {
  if (done_) return false;
  if (type_ == TypeId::Numeric) {
    bool ascending = !step_numeric_.as_numeric().is_negative();
    int c = compare_values(next_numeric_, stop_numeric_);
    if ((ascending && c > 0) || (!ascending && c < 0)) return done_ = true, false;
    out = next_numeric_;
    next_numeric_ = Value::numeric(next_numeric_.as_numeric() + step_numeric_.as_numeric());
    return true;
  }
  if ((step_ > 0 && next_ > stop_) || (step_ < 0 && next_ < stop_)) return done_ = true, false;
  out = type_ == TypeId::Int8 ? Value::int8(next_) : Value::int4(static_cast<int32_t>(next_));
  if (__builtin_add_overflow(next_, step_, &next_)) done_ = true;  // the series ends at the type's limit
  return true;
}

}  // namespace chalkdb
