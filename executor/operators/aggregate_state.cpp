#include "executor/operators/aggregate_state.h"

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"

namespace chalkdb {

namespace {

bool is_float(TypeId t) { return t == TypeId::Float4 || t == TypeId::Float8; }

}  // namespace

bool AggregateState::ValueLess::operator()(const Value& a, const Value& b) const {
  return compare_values(a, b) < 0;
}

AggregateState::AggregateState(const AggregateCall& call) : call_(&call) {}

void AggregateState::add(const Value& value) {
  if (call_->kind == AggregateKind::CountStar) {
    ++count_;
    return;
  }
  if (value.is_null()) return;
  if (call_->distinct && !seen_.insert(value).second) return;
  accumulate(value);
}

void AggregateState::accumulate(const Value& value) {
  ++count_;
  TypeId type = value.type();
  switch (call_->kind) {
    case AggregateKind::CountStar:
    case AggregateKind::Count:
      return;
    case AggregateKind::Sum:
    case AggregateKind::Avg:
      if (is_float(type)) {
        float_sum_ += value.as_float();
      } else if (type == TypeId::Numeric) {
        numeric_sum_ += value.as_numeric();
      } else if (call_->result_type.id == TypeId::Int8) {
        if (__builtin_add_overflow(int_sum_, value.as_int(), &int_sum_))
          throw SqlError(sqlstate::kNumericValueOutOfRange, "bigint out of range");
      } else {
        numeric_sum_.add_int64(value.as_int());
      }
      return;
    case AggregateKind::Min:
      if (extreme_.is_null() || compare_values(value, extreme_) < 0) extreme_ = value;
      return;
    case AggregateKind::Max:
      if (extreme_.is_null() || compare_values(value, extreme_) > 0) extreme_ = value;
      return;
  }
}

Value AggregateState::result() const {
  TypeId result = call_->result_type.id;
  switch (call_->kind) {
    case AggregateKind::CountStar:
    case AggregateKind::Count:
      return Value::int8(count_);
    case AggregateKind::Min:
    case AggregateKind::Max:
      return extreme_.is_null() ? Value::null(result) : extreme_;
    case AggregateKind::Sum:
      if (count_ == 0) return Value::null(result);
      if (result == TypeId::Int8) return Value::int8(int_sum_);
      if (result == TypeId::Float4) return Value::float4(static_cast<float>(float_sum_));
      if (result == TypeId::Float8) return Value::float8(float_sum_);
      return Value::numeric(numeric_sum_);
    case AggregateKind::Avg:
      if (count_ == 0) return Value::null(result);
      if (result == TypeId::Float8) return Value::float8(float_sum_ / static_cast<double>(count_));
      return Value::numeric(numeric_sum_ / Numeric::from_int64(count_));
  }
  return Value::null(result);
}

}  // namespace chalkdb
