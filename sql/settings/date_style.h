// DateStyle: validation of the DateStyle setting, as PostgreSQL's check_datestyle().
//
// The value is a list of an output style (ISO, SQL, Postgres, German) and a field order
// (MDY/US/NonEuro, DMY/Euro/European, YMD), in any case and order; what is not given is kept
// from the current value, DEFAULT stands for "ISO, MDY", and the canonical result is
// "<style>, <order>". ChalkDB prints dates in the ISO style only, so the other styles are
// refused (PostgreSQL would accept them).
#pragma once

#include <string>
#include <string_view>

namespace chalkdb {

// The canonical DateStyle for `value` given the `current` one, or SqlError 22023
// `invalid value for parameter "DateStyle": "..."` with PostgreSQL's DETAIL.
std::string check_date_style(std::string_view value, std::string_view current);

}  // namespace chalkdb
