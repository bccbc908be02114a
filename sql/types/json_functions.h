// json/jsonb operators and functions of PostgreSQL 15: -> ->> #> #>> on json and jsonb,
// jsonb's @> <@ ? ?| ?& || - and comparisons; to_json, to_jsonb, json(b)_build_object,
// json(b)_build_array, json(b)_typeof, json(b)_array_length, jsonb_pretty; the explicit casts
// jsonb -> boolean/numeric/integers/floats. The set-returning json(b)_array_elements(_text) and
// json(b)_each(_text) are table functions (json_table_functions.h).
// json results keep their input text (json -> 'a' is the text of that member as written);
// jsonb results are normalised.
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"
#include "sql/types/json_value.h"

namespace chalkdb {

void add_json_operators(std::vector<OperatorEntry>& ops);
void add_json_functions(std::vector<FunctionEntry>& functions);

// The cast jsonb -> bool/numeric/int2/int4/int8/float4/float8: 22023 "cannot cast jsonb
// string to type integer" when the value is not of the matching JSON kind.
Value jsonb_to_scalar(const Value& jsonb, TypeId target);

// to_jsonb's tree for any value (arrays become JSON arrays, numbers stay numbers, timestamps
// are ISO 8601 strings).
JsonNode json_node_of(const Value& value);

// datum_to_json: the json text of any value (json and jsonb keep their text, arrays are
// "[1,2]" without spaces, NULL is null).
void append_json_datum(std::string& out, const Value& value);
// An object key of json(b)_build_object / json(b)_object_agg: the text of a scalar; 22023
// "key value must be scalar, not array, composite, or json" otherwise.
std::string json_key_text(const Value& key);

// A json or jsonb value's element as a Value of the same type (json keeps its source text).
Value json_member_value(const Value& container, const JsonNode& node);
// ->> of a node: a string's contents, NULL for null, otherwise the JSON text.
Value json_member_text(const Value& container, const JsonNode& node);
JsonNode parse_json_of(const Value& json_or_jsonb);

}  // namespace chalkdb
