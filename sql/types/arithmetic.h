// Checked arithmetic on the integer and floating-point types, with PostgreSQL's errors:
// 22003 "smallint out of range" / "integer out of range" / "bigint out of range",
// 22012 "division by zero", 22003 "value out of range: overflow" / "underflow" for floats.
// Shared by the operators (operators.h) and the math functions (functions.h). All functions
// are allocation-free; integers travel as int64 whatever their SQL width.
#pragma once

#include <cstdint>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

// Integer value of type `type` (Int2, Int4 or Int8), failing when out of that type's range.
Value make_integer(TypeId type, int64_t value);
[[noreturn]] void throw_integer_out_of_range(TypeId type);

int64_t integer_add(int64_t a, int64_t b, TypeId result);
int64_t integer_subtract(int64_t a, int64_t b, TypeId result);
int64_t integer_multiply(int64_t a, int64_t b, TypeId result);
int64_t integer_divide(int64_t a, int64_t b, TypeId result);   // truncates toward zero
int64_t integer_modulo(int64_t a, int64_t b);                  // sign of the dividend
int64_t integer_negate(int64_t a, TypeId result);

// Float results: overflow when the result is infinite but no input was, underflow when it is
// zero but `zero_expected` is false (PostgreSQL's check_float8_val).
double check_float8(double result, bool infinite_input, bool zero_expected);
float check_float4(float result, bool infinite_input, bool zero_expected);

double float8_divide(double a, double b);
float float4_divide(float a, float b);
// dpow: POSIX pow with PostgreSQL's errors (2201F for 0 ^ negative and negative ^ fraction).
double float8_power(double base, double exponent);
double float8_sqrt(double value);  // 2201F on negatives

}  // namespace chalkdb
