// The built-in aggregate functions and their signatures, as PostgreSQL defines them
// (pg_aggregate): which input types each accepts and what it returns — e.g. sum(int4) is
// bigint, sum(int8) and avg(integer) are numeric, avg(float8) is double precision;
// string_agg(text, text) is text; bool_and/bool_or/every take boolean; stddev and variance
// are numeric for integer and numeric input and double precision for floats.
#pragma once

#include <string_view>
#include <vector>

#include "planner/query.h"

namespace chalkdb {

struct AggregateSignature {
  AggregateKind kind;
  DataType arg;     // the argument (and string_agg's delimiter) is coerced to this type
  DataType result;
};

bool is_aggregate_name(std::string_view name);

// Throws 42883 `function sum(text) does not exist` when no signature accepts `args`.
AggregateSignature resolve_aggregate(std::string_view name, const std::vector<DataType>& args);

}  // namespace chalkdb
