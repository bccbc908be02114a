// Binary I/O of values: each type's send and receive function (PostgreSQL's typsend/typreceive),
// used for the extended query protocol's binary parameter and result formats.
//
// Layouts are PostgreSQL 15's: big-endian integers, IEEE floats, bool as one byte, date as int32
// days and time/timestamp(tz) as int64 microseconds since 2000-01-01, interval as int64 µs +
// int32 days + int32 months, numeric as base-10000 digits (ndigits, weight, sign, dscale),
// text-like types and bytea as their raw bytes. A receive that does not use up exactly the
// bytes given raises 22P03 "incorrect binary data format", as PostgreSQL does for a bind
// parameter. Types without a binary form here raise 0A000.
#pragma once

#include <string>
#include <string_view>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

// Appends the binary form of a non-null value.
void append_binary_value(std::string& out, const Value& value);

// Reads a value of `type` from its binary form; `parameter_number` (1-based) names the bind
// parameter in errors.
Value parse_binary_value(std::string_view bytes, DataType type, int parameter_number);

}  // namespace chalkdb
