// The built-in aggregate functions and their signatures, as PostgreSQL defines them
// (pg_aggregate): which input types each accepts and what it returns — e.g. sum(int4) is
// bigint, sum(int8) and avg(integer) are numeric, avg(float8) is double precision;
// string_agg(text, text) is text; bool_and/bool_or/every take boolean; stddev and variance
// are numeric for integer and numeric input and double precision for floats.
// array_agg(anynonarray) is its input's array type (array_agg(anyarray), a multi-dimensional
// result in PostgreSQL, is 0A000: ChalkDB's arrays have one dimension); json_agg/jsonb_agg
// take any value, json_object_agg/jsonb_object_agg a key and a value of any types.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "planner/query.h"

namespace chalkdb {

struct AggregateSignature {
  AggregateSignature() = default;
  AggregateSignature(AggregateKind kind, DataType arg, DataType result,
                     std::optional<DataType> second = std::nullopt)
      : kind(kind), arg(arg), result(result), second(second) {}

  AggregateKind kind = AggregateKind::CountStar;
  DataType arg;     // the argument (and string_agg's delimiter) is coerced to this type
  DataType result;
  std::optional<DataType> second;  // the second argument's type when it differs from `arg`
};

bool is_aggregate_name(std::string_view name);

// Throws 42883 `function sum(text) does not exist` when no signature accepts `args`.
AggregateSignature resolve_aggregate(std::string_view name, const std::vector<DataType>& args);

}  // namespace chalkdb
