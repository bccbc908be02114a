// NumberTemplate: to_char(number, text) and to_number(text, text) with PostgreSQL's numeric
// templates (9 0 . , D G S MI PL SG PR V EEEE RN FM TH; formatting.c's NUM_processor).
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb::formatting {

Value to_char_number_fn(std::span<const Value> args);
Value to_number_fn(std::span<const Value> args);

}  // namespace chalkdb::formatting
