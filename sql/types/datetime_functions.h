// Date/time functions: extract (EXTRACT(field FROM x), numeric as in PostgreSQL 14+),
// date_part (double precision), date_trunc and age, for timestamp, timestamptz, date, time and
// interval, with PostgreSQL's field names and aliases (year, yr, mon, dow, isodow, doy, week,
// quarter, epoch, julian, decade, century, millennium, ...) and errors (22023 unit "foo" not
// recognized for type date; 0A000 unit "hour" not supported for type date). Infinite inputs
// give +/-Infinity for the monotonic fields (year, epoch, ...) and NULL for the others.
// TimeZone is UTC, so timezone fields of timestamptz are 0. functions.cpp registers them.
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb::datetime_functions {

using Args = std::span<const Value>;

Value extract(Args args);     // (text, timestamp | timestamptz | date | time | interval)
Value date_part(Args args);   // the same fields as double precision
Value date_trunc(Args args);  // (text, timestamp | timestamptz | interval)
Value age(Args args);         // (timestamp [, timestamp]): symbolic years, months and days

}  // namespace chalkdb::datetime_functions
