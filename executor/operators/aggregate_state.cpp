#include "executor/operators/aggregate_state.h"

#include <algorithm>
#include <cmath>

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/cast.h"
#include "sql/types/json_aggregation.h"
#include "sql/types/comparison.h"

namespace chalkdb {

namespace {

bool is_float(TypeId t) { return t == TypeId::Float4 || t == TypeId::Float8; }

// ORDER BY inside an aggregate: NULLS FIRST/LAST and DESC as the call says.
int compare_sort_keys(const std::vector<Value>& a, const std::vector<Value>& b,
                      const std::vector<SortKey>& keys) {
  for (size_t i = 0; i < keys.size(); ++i) {
    bool a_null = a[i].is_null(), b_null = b[i].is_null();
    if (a_null || b_null) {
      if (a_null == b_null) continue;
      return (a_null == keys[i].nulls_first) ? -1 : 1;
    }
    int c = compare_values(a[i], b[i]);
    if (c != 0) return keys[i].descending ? -c : c;
  }
  return 0;
}

bool same_value(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return compare_values(a, b) == 0;
}

}  // namespace

AggregateState::AggregateState(const AggregateCall& call)
    : call_(&call), bool_result_(call.kind == AggregateKind::BoolAnd) {}

void AggregateState::add(const Value& value, const Value& delimiter, std::vector<Value> sort_keys) {
  if (call_->kind == AggregateKind::CountStar) {
    ++count_;
    return;
  }
  if (value.is_null() && !keeps_nulls()) return;
  if (call_->kind == AggregateKind::JsonObjectAgg || call_->kind == AggregateKind::JsonbObjectAgg)
    check_json_object_agg_key(value);
  // DISTINCT sorts its input like PostgreSQL's (so array_agg(DISTINCT x) comes out in order)
  // and drops the duplicates, which the sort makes adjacent.
  if (!call_->order_by.empty() || call_->distinct) {
    sorted_.push_back(SortedInput{value, delimiter, std::move(sort_keys)});
    return;
  }
  accumulate(value, delimiter);
}

bool AggregateState::keeps_nulls() const {
  switch (call_->kind) {
    case AggregateKind::ArrayAgg:
    case AggregateKind::JsonAgg:
    case AggregateKind::JsonbAgg:
    case AggregateKind::JsonObjectAgg:
    case AggregateKind::JsonbObjectAgg:
      return true;
    default:
      return false;
  }
}

void AggregateState::accumulate(const Value& value, const Value& delimiter) {
  ++count_;
  TypeId type = value.type();
  switch (call_->kind) {
    case AggregateKind::CountStar:
    case AggregateKind::Count:
    case AggregateKind::Grouping:
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
    case AggregateKind::BoolAnd:
      bool_result_ = bool_result_ && value.as_bool();
      return;
    case AggregateKind::BoolOr:
      bool_result_ = bool_result_ || value.as_bool();
      return;
    case AggregateKind::StringAgg:
      // The delimiter goes before every value but the first (a NULL delimiter adds nothing).
      if (has_text_ && !delimiter.is_null()) text_ += delimiter.as_text();
      text_ += value.as_text();
      has_text_ = true;
      return;
    case AggregateKind::ArrayAgg:
    case AggregateKind::JsonAgg:
    case AggregateKind::JsonbAgg:
      items_.push_back(value);
      return;
    case AggregateKind::JsonObjectAgg:
    case AggregateKind::JsonbObjectAgg:
      items_.push_back(value);
      item_values_.push_back(delimiter);
      return;
    case AggregateKind::VarSamp:
    case AggregateKind::VarPop:
    case AggregateKind::StddevSamp:
    case AggregateKind::StddevPop:
      if (type == TypeId::Numeric) {
        const Numeric& x = value.as_numeric();
        numeric_sum_ += x;
        numeric_squares_ += x * x;
      } else {
        // float8_accum: Youngs-Cramer, so the sums stay accurate.
        double x = value.as_float();
        double n = static_cast<double>(count_);
        float_sum_ += x;
        if (count_ > 1) {
          double tmp = x * n - float_sum_;
          float_squares_ += tmp * tmp / (n * (n - 1.0));
        }
      }
      return;
  }
}

// numeric_stddev_internal / float8_var_* over the sums.
Value AggregateState::statistics_result() const {
  AggregateKind kind = call_->kind;
  bool sample = kind == AggregateKind::VarSamp || kind == AggregateKind::StddevSamp;
  bool stddev = kind == AggregateKind::StddevSamp || kind == AggregateKind::StddevPop;
  TypeId result = call_->result_type.id;
  if (count_ == 0 || (sample && count_ == 1)) return Value::null(result);
  if (result == TypeId::Float8) {
    double n = static_cast<double>(count_);
    double variance = float_squares_ / (sample ? n - 1.0 : n);
    return Value::float8(stddev ? std::sqrt(variance) : variance);
  }
  Numeric n = Numeric::from_int64(count_);
  Numeric numerator = n * numeric_squares_ - numeric_sum_ * numeric_sum_;
  if (numerator.sign() <= 0) return Value::numeric(Numeric());
  Numeric denominator = sample ? n * Numeric::from_int64(count_ - 1) : n * n;
  Numeric variance = numerator / denominator;
  return Value::numeric(stddev ? variance.sqrt_to_scale(variance.scale()) : variance);
}

// Feeds the kept inputs in ORDER BY order (DISTINCT alone: the values' order, NULLs last) to
// a fresh state, skipping repeats of the previous value under DISTINCT.
Value AggregateState::sorted_result() const {
  std::vector<const SortedInput*> order;
  for (const auto& input : sorted_) order.push_back(&input);
  auto by_value = [](const SortedInput* a, const SortedInput* b) {
    if (a->value.is_null() || b->value.is_null()) return !a->value.is_null() && b->value.is_null();
    return compare_values(a->value, b->value) < 0;
  };
  auto by_keys = [&](const SortedInput* a, const SortedInput* b) {
    return compare_sort_keys(a->keys, b->keys, call_->order_by) < 0;
  };
  if (call_->order_by.empty()) {
    std::stable_sort(order.begin(), order.end(), by_value);
  } else {
    std::stable_sort(order.begin(), order.end(), by_keys);
  }
  AggregateCall unsorted = *call_;
  unsorted.order_by.clear();
  unsorted.distinct = false;
  AggregateState state(unsorted);
  const SortedInput* previous = nullptr;
  for (const auto* input : order) {
    if (call_->distinct && previous != nullptr && same_value(previous->value, input->value)) continue;
    state.add(input->value, input->delimiter);
    previous = input;
  }
  return state.result();
}

// array_agg and the json aggregates: NULL over no rows, as PostgreSQL's.
Value AggregateState::collected_result() const {
  TypeId result = call_->result_type.id;
  if (items_.empty()) return Value::null(result);
  switch (call_->kind) {
    case AggregateKind::ArrayAgg:
      return encode_array(ArrayValue{*array_element_type(result), 1, items_}, result);
    case AggregateKind::JsonAgg:
      return json_agg_result(items_);
    case AggregateKind::JsonbAgg:
      return jsonb_agg_result(items_);
    default:
      break;
  }
  std::vector<std::pair<Value, Value>> members;
  for (size_t i = 0; i < items_.size(); ++i) members.emplace_back(items_[i], item_values_[i]);
  return call_->kind == AggregateKind::JsonObjectAgg ? json_object_agg_result(members)
                                                     : jsonb_object_agg_result(members);
}

Value AggregateState::result() const {
  if (!sorted_.empty()) return sorted_result();
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
    case AggregateKind::BoolAnd:
    case AggregateKind::BoolOr:
      return count_ == 0 ? Value::null(result) : Value::boolean(bool_result_);
    case AggregateKind::Grouping:
      return Value::int4(0);  // a plain GROUP BY groups by every key
    case AggregateKind::StringAgg:
      return has_text_ ? Value::text(text_) : Value::null(result);
    case AggregateKind::ArrayAgg:
    case AggregateKind::JsonAgg:
    case AggregateKind::JsonbAgg:
    case AggregateKind::JsonObjectAgg:
    case AggregateKind::JsonbObjectAgg:
      return collected_result();
    case AggregateKind::VarSamp:
    case AggregateKind::VarPop:
    case AggregateKind::StddevSamp:
    case AggregateKind::StddevPop:
      return statistics_result();
  }
  return Value::null(result);
}

}  // namespace chalkdb
