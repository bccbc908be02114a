// PostgreSQL's formatting functions (formatting.c): to_char for timestamps, dates (through
// timestamp), intervals and numbers, and the parsers to_date, to_timestamp(text, text) and
// to_number.
//
// Date/time templates: HH24 HH12 HH MI SS MS US AM PM A.M. P.M. (either case) YYYY YYY YY Y
// IYYY MONTH Month month MON Mon mon MM DAY Day day DY Dy dy DDD DD D ID IW WW Q CC J TZ OF,
// the FM prefix, TH/th suffixes, "quoted text" and backslash escapes. Number templates: 9 0
// . , D G S MI PL SG PR V EEEE RN FM TH th. Parsing understands the same numeric fields, month
// and day names and AM/PM; separators in the template skip one input character.
// Differences: locale-dependent output is that of the C locale (D is ".", G is ","), and the
// less common parse templates (IYYY, IW, Julian J, roman numerals) are not accepted by
// to_date/to_timestamp (22007 "formatting field ... is only supported in to_char").
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

void add_formatting_functions(std::vector<FunctionEntry>& functions);

}  // namespace chalkdb
