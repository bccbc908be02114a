// Text input and output of real (float4) and double precision (float8), as PostgreSQL 12+.
//
// Output is the shortest string that reads back to the same value (extra_float_digits = 1,
// the default): fixed notation for decimal exponents -4..14 (float4: -4..5), otherwise
// "1.5e-07" style with at least two exponent digits; "Infinity", "-Infinity", "NaN".
// Input accepts what strtod accepts after leading spaces (including PostgreSQL's spellings of
// NaN and infinity), then trailing spaces only, with float8in/float4in's errors.
// Not supported: extra_float_digits <= 0 (the old %g output).
#pragma once

#include <string>
#include <string_view>

namespace chalkdb {

// 22P02 invalid input syntax for type double precision / real; 22003 "..." is out of range.
double parse_float8(std::string_view text);
float parse_float4(std::string_view text);

void append_float8(std::string& out, double value);
void append_float4(std::string& out, float value);

}  // namespace chalkdb
