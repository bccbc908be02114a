// AggregateState: the running state of one aggregate call over one group — count, sum, avg,
// min, max, string_agg, bool_and/bool_or/every, variance and stddev, array_agg, json(b)_agg
// and json(b)_object_agg, with or without DISTINCT or an ORDER BY of its input — computing PostgreSQL's result types (sum(int4) is bigint,
// sum(int8) and avg(int) numeric, avg(float) double precision; variance/stddev of integers and
// numerics are numeric with numeric_stddev_internal's scale, of floats double precision with
// float8_accum's Youngs-Cramer sums).
//
// array_agg and the json aggregates keep NULL inputs (the others skip them); json_object_agg's
// value is the call's second argument.
//
// DISTINCT sorts the inputs and drops repeats, as PostgreSQL's sorted DISTINCT input does.
// With an ORDER BY the inputs are kept and fed in order when the result is asked for, as
// PostgreSQL's sorted aggregate input does. result() leaves the state as it was, so a window
// aggregate can read it after each row it adds.
#pragma once

#include <functional>
#include <vector>

#include "planner/query.h"
#include "sql/types/numeric.h"
#include "sql/value/value.h"

namespace chalkdb {

class AggregateState {
 public:
  explicit AggregateState(const AggregateCall& call);

  // Adds one input value (ignored for count(*); NULLs are skipped by the others).
  // `delimiter` is string_agg's second argument; `sort_keys` the values of the call's ORDER BY.
  void add(const Value& value, const Value& delimiter = Value(),
           std::vector<Value> sort_keys = {});
  Value result() const;

 private:
  struct SortedInput {
    Value value, delimiter;
    std::vector<Value> keys;
  };
  void accumulate(const Value& value, const Value& delimiter);
  bool keeps_nulls() const;
  Value statistics_result() const;
  Value collected_result() const;
  Value sorted_result() const;

  const AggregateCall* call_;
  int64_t count_ = 0;
  int64_t int_sum_ = 0;     // sum(int2/int4)
  Numeric numeric_sum_;     // sum(int8/numeric), avg(int/numeric), variance: sum of x
  Numeric numeric_squares_; // variance of numerics: sum of x * x
  double float_sum_ = 0;    // sum/avg of floats, variance: Sx
  double float_squares_ = 0;  // variance of floats: Sxx (Youngs-Cramer)
  Value extreme_;           // min/max
  bool bool_result_ = false;  // bool_and / bool_or
  std::string text_;        // string_agg
  bool has_text_ = false;
  std::vector<Value> items_;  // array_agg, json(b)_agg; json(b)_object_agg's keys
  std::vector<Value> item_values_;  // json(b)_object_agg's values
  std::vector<SortedInput> sorted_;  // ORDER BY: inputs kept until result()
};

}  // namespace chalkdb
