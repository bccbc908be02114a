// DatetimeToChar: to_char(timestamp[tz], text) and to_char(interval, text), printing a
// broken-down moment through a date/time template (formatting.c's DCH_to_char).
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb::formatting {

Value to_char_timestamp_fn(std::span<const Value> args);
Value to_char_interval_fn(std::span<const Value> args);

}  // namespace chalkdb::formatting
