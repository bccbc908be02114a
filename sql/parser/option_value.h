// Option values as PostgreSQL's grammar writes them for SET, EXPLAIN options and storage
// parameters: signed numbers as written ("-3", "1.1") and opt_boolean_or_string (TRUE,
// FALSE, ON, an identifier folded to lower case, or a string literal's value).
#pragma once

#include <string>

#include "ChalkSqlParser.h"

namespace chalkdb {

std::string numeric_text(ChalkSqlParser::NumericOnlyContext* context);
std::string boolean_or_string(ChalkSqlParser::BooleanOrStringContext* context);

}  // namespace chalkdb
