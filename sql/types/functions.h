// Scalar function resolution: which built-in function a call names, chosen among the
// overloads of pg_proc by the same rules as operators (overload_resolution.h), e.g.
// round(5) is round(double precision), length('abc') is length(text), abs('-5') is
// abs(double precision).
//
// Available: abs, sign, round, trunc, ceil/ceiling, floor, mod, div, sqrt, cbrt, power/pow,
// exp, ln, log10, log, pi, degrees, radians, gcd, lcm, scale; length, char_length,
// character_length, octet_length, lower, upper, initcap, substr, substring, position, strpos,
// btrim, ltrim, rtrim, replace, left, right, repeat, lpad, rpad, reverse, ascii, chr,
// split_part, starts_with, concat, concat_ws; extract, date_part, date_trunc, age. A type
// name called like a function with one argument (int4(x), text(x), date(x), ...) is an
// explicit cast, as in PostgreSQL.
// The families in their own files add the rest: more_string_functions.h (format, md5,
// encode/decode, ...), more_math_functions.h (random, width_bucket, trigonometry, ...),
// more_datetime_functions.h (now, make_*, justify_*, timezone), formatting_functions.h
// (to_char, to_date, to_timestamp, to_number), regex_functions.h, array_functions.h and
// json_functions.h. Not here (the binder handles them): coalesce, nullif, greatest, least,
// pg_typeof, aggregates; set-returning functions are table_functions.h.
//
// Errors: 42883 "function foo(integer) does not exist" and 42725 "function round(unknown) is
// not unique", with PostgreSQL's hints.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

struct ResolvedFunction {
  std::vector<DataType> args;  // the types to cast the arguments to
  DataType result;
  Value (*fn)(std::span<const Value>);
  // Strict functions are called with non-null arguments only (a NULL argument makes the
  // result NULL without a call). concat and concat_ws are not strict: they see NULLs.
  bool strict = true;
};

ResolvedFunction resolve_function(std::string_view name, const std::vector<DataType>& args);

}  // namespace chalkdb
