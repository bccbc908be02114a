// The results of PostgreSQL's json aggregates from their collected inputs: json_agg,
// jsonb_agg, json_object_agg and jsonb_object_agg.
//
// The json forms are text written as PostgreSQL's transition functions write it:
// json_agg is "[1, 2]" with a "\n " before every array-valued element but the first
// (json_agg_transfn), json_object_agg is "{ "k" : v, ... }"; the jsonb forms are normalised
// jsonb (sorted keys, the last duplicate key kept). Unlike PostgreSQL the inputs are kept
// until the end rather than appended to a running string, which lets the aggregate state
// stay one class for every aggregate.
#pragma once

#include <utility>
#include <vector>

#include "sql/value/value.h"

namespace chalkdb {

Value json_agg_result(const std::vector<Value>& items);
Value jsonb_agg_result(const std::vector<Value>& items);
// 22023 "field name must not be null" for a NULL key and "key value must be scalar, ..." for
// an array or json key, checked row by row as the transition functions do.
void check_json_object_agg_key(const Value& key);
Value json_object_agg_result(const std::vector<std::pair<Value, Value>>& members);
Value jsonb_object_agg_result(const std::vector<std::pair<Value, Value>>& members);

}  // namespace chalkdb
