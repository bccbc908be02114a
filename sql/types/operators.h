// Operator resolution: which function computes `a op b` (or `op a`) for the given input
// types, chosen among the built-in operators of pg_operator by PostgreSQL's rules
// (overload_resolution.h), e.g. int4 + int8 -> int8, int4 / int4 truncates, integer = '1'
// compares integers, 'a' || 1 concatenates text.
//
// Available: + - * / % ^ on int2/int4/int8/float4/float8/numeric (with PostgreSQL's mixed
// integer forms), & | # << >> ~ on integers, = <> < > <= >= on every type (and across integer
// widths, float widths, date/timestamp/timestamptz, text/name), || on text, bytea and
// "anything || text", LIKE/ILIKE as ~~ !~~ ~~* !~~*, date +/- integer, date - date,
// date + time, and the interval operators (timestamp/date/time +/- interval, timestamp -
// timestamp, interval * / float8, interval +/- interval); prefix - + @ (abs) |/ (sqrt) ||/
// (cbrt) ~; the array (array_functions.h), json/jsonb (json_functions.h) and regular
// expression (regex_functions.h) operators. Geometric and network operators do not exist.
//
// The resolved functions are strict: callers evaluate NULL inputs to NULL themselves and pass
// only non-null values, already cast to the resolved argument types. Errors when no operator
// fits: 42883 "operator does not exist: integer + text" (HINT as PostgreSQL's), 42725
// "operator is not unique: unknown + unknown".
//
// Function resolution follows the same rules and lives in functions.h (included here).
#pragma once

#include <string_view>

#include "sql/types/functions.h"
#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct ResolvedOperator {
  DataType left, right, result;
  Value (*fn)(const Value&, const Value&);
};

struct ResolvedUnaryOperator {
  DataType arg, result;
  Value (*fn)(const Value&);
};

ResolvedOperator resolve_binary_operator(std::string_view op, DataType left, DataType right);
ResolvedUnaryOperator resolve_unary_operator(std::string_view op, DataType arg);

}  // namespace chalkdb
