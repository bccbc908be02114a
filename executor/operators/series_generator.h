// SeriesGenerator: the values of generate_series(start, stop [, step]) over int4, int8,
// numeric, or timestamp / timestamptz with an interval step, one at a time, for a Function
// Scan in FROM and a ProjectSet in the select list.
// Errors as PostgreSQL's: 22023 "step size cannot equal zero". An integer series ends at the
// type's limit instead of overflowing.
#pragma once

#include <cstdint>
#include <vector>

#include "sql/value/value.h"

namespace chalkdb {

class SeriesGenerator {
 public:
  // The arguments are already of the series type; a NULL one gives an empty series.
  void start(const std::vector<Value>& args);
  // The next value, false once the series is done.
  bool next(Value& out);

 private:
  void start_values(const std::vector<Value>& args);

  bool done_ = true;
  TypeId type_ = TypeId::Int4;
  int64_t next_ = 0, stop_ = 0, step_ = 1;
  // numeric and timestamp series: next_value_ + step_value_ with the type's "+" operator
  Value next_value_, stop_value_, step_value_;
  Value (*add_)(const Value&, const Value&) = nullptr;
  bool ascending_ = true;
};

}  // namespace chalkdb
