// Date/time functions beyond extract/date_part/date_trunc/age (datetime_functions.h):
// now, transaction_timestamp, current_timestamp, statement_timestamp, clock_timestamp,
// current_date, localtimestamp, localtime, timeofday (transaction and statement start as in
// PostgreSQL, statement_clock.h), make_date, make_time, make_timestamp, make_timestamptz,
// make_interval (positional arguments), justify_days, justify_hours, justify_interval,
// to_timestamp(double precision), isfinite.
// current_time is time with time zone in PostgreSQL, a type ChalkDB lacks: it fails with 0A000.
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

void add_more_datetime_functions(std::vector<FunctionEntry>& functions);

}  // namespace chalkdb
