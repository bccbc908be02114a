// Total order and hashing of values, for sorting, B-tree keys, hash joins and hash aggregation.
//
// compare_values orders two non-null values of the same type as PostgreSQL's default btree
// operator class does: floats put NaN above every other value (NaN equals NaN, -0 equals 0),
// numeric orders -Infinity < numbers < Infinity < NaN and ignores trailing zeros (1.0 = 1.00),
// intervals compare by their span (a month is 30 days: '1 mon' = '30 days'),
// text, varchar, name and bytea compare bytes (the C collation of a C.UTF-8 cluster), bpchar
// ignores trailing spaces. hash_value is consistent with it: values that compare equal hash
// equal, so 1.0 and 1.00, 0 and -0, 'ab' and 'ab  '::char(4) land in the same bucket.
// Integers of different widths (int2, int4, int8, oid) hash alike for equal values too.
#pragma once

#include <cstddef>

#include "sql/value/value.h"

namespace chalkdb {

// <0, 0, >0. Both values non-null and of the same type (int types may be mixed).
int compare_values(const Value& a, const Value& b);

size_t hash_value(const Value& value);

}  // namespace chalkdb
