// Mathematical functions beyond those in functions.cpp: random and setseed (a per-thread
// generator, so each session has its own sequence as each PostgreSQL backend has), width_bucket
// (double precision and numeric), the trigonometric functions in radians (sin, cos, tan, cot,
// asin, acos, atan, atan2), factorial, trim_scale and min_scale.
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

void add_more_math_functions(std::vector<FunctionEntry>& functions);

}  // namespace chalkdb
