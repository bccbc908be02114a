// AggregateState: the running state of one aggregate call over one group — count, sum, avg,
// min, max, with or without DISTINCT — computing PostgreSQL's result types (sum(int4) is
// bigint, sum(int8) and avg(int) numeric, avg(float) double precision).
#pragma once

#include <functional>
#include <set>

#include "planner/query.h"
#include "sql/types/numeric.h"
#include "sql/value/value.h"

namespace chalkdb {

class AggregateState {
 public:
  explicit AggregateState(const AggregateCall& call);

  // Adds one input value (ignored for count(*); NULLs are skipped by the others).
  void add(const Value& value);
  Value result() const;

 private:
  struct ValueLess {
    bool operator()(const Value& a, const Value& b) const;
  };
  void accumulate(const Value& value);

  const AggregateCall* call_;
  int64_t count_ = 0;
  int64_t int_sum_ = 0;     // sum(int2/int4)
  Numeric numeric_sum_;     // sum(int8/numeric), avg(int/numeric)
  double float_sum_ = 0;    // sum/avg of floats
  Value extreme_;           // min/max
  std::set<Value, ValueLess> seen_;  // DISTINCT
};

}  // namespace chalkdb
