// Array operators and functions of PostgreSQL 15 for one-dimensional arrays: comparison
// (= <> < > <= >=, element-wise by the element type's order), || (array || array, array ||
// element, element || array), @> <@ &&, and array_length, array_lower, array_upper,
// array_ndims, array_dims, cardinality, array_position, array_append, array_prepend,
// array_cat, array_remove, array_replace, array_to_string, string_to_array.
// Each polymorphic (anyarray/anyelement) entry of pg_proc is registered once per array type.
// unnest is set-returning and lives with the table functions, not here.
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

void add_array_operators(std::vector<OperatorEntry>& ops);
void add_array_functions(std::vector<FunctionEntry>& functions);

// Array element access with PostgreSQL's rules: a subscript outside the array gives NULL, a
// slice is clipped to the array's bounds and has lower bound 1.
Value array_subscript(const Value& array, const Value& index);
Value array_slice(const Value& array, const Value& lower, const Value& upper);

}  // namespace chalkdb
