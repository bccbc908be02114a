// GREATEST and LEAST over values already coerced to one common type: NULL arguments are
// ignored, the result is NULL only when all are (PostgreSQL's MinMaxExpr).
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb {

Value greatest_of(std::span<const Value> values);
Value least_of(std::span<const Value> values);

}  // namespace chalkdb
