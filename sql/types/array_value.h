// Array values: PostgreSQL's array_in / array_out for one-dimensional arrays, and the decoded
// form operators and functions work on.
//
// A Value of an array type holds the array's canonical text ("{1,2,NULL}", "[0:1]={a,b}"), so
// output, storage and hashing need no conversion; decode_array turns it into element Values.
// Input accepts what array_in accepts for one dimension (whitespace, quoted and backslash-
// escaped elements, NULL, an explicit "[lo:hi]=" bound) and raises its errors (22P02 "malformed
// array literal" with PostgreSQL's DETAIL). A nested literal ("{{1,2},{3,4}}") fails with
// 0A000: multi-dimensional arrays are not supported.
#pragma once

#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct ArrayValue {
  TypeId element_type = TypeId::Unknown;
  int lower_bound = 1;
  std::vector<Value> elements;  // NULL elements are null Values of element_type
};

// array_in for `type` (an array type); the element typmod is the array's typmod.
Value parse_array(std::string_view text, DataType type);
ArrayValue decode_array(const Value& array);
// The array Value of type `array_type` holding `array` (elements already of the element type).
Value encode_array(const ArrayValue& array, TypeId array_type);

// Element-wise order of two arrays of the same type (btree array_ops): elements compare by
// the element type's order, NULL above all values, then the shorter array first.
int compare_arrays(const Value& a, const Value& b);
size_t hash_array(const Value& array);

}  // namespace chalkdb
