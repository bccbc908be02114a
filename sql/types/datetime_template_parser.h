// DatetimeTemplateParser: to_date(text, text) and to_timestamp(text, text), reading the
// fields a date/time template names from the input (formatting.c's DCH_from_char).
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb::formatting {

Value to_date_fn(std::span<const Value> args);
Value to_timestamp_text_fn(std::span<const Value> args);

}  // namespace chalkdb::formatting
