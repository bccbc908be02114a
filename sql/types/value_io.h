// Text I/O of values: each type's output and input function, as PostgreSQL 15 with default
// settings (DateStyle ISO, MDY; extra_float_digits 1; bytea_output hex; TimeZone UTC).
//
// format_value prints a non-null value exactly as PostgreSQL's typoutput would (t/f, shortest
// floats, numeric with its display scale, "2024-01-02 03:04:05.5+00", "\x0001ff"); a NULL
// prints as the empty string (callers decide how NULL is shown). append_value is the same,
// appending to a caller's buffer without allocating for integers, booleans and dates.
//
// parse_value is the typinput function: it accepts what PostgreSQL accepts and raises its
// errors (22P02 invalid input syntax, 22003 out of range, 22007/22008 for dates). A typmod on
// the target applies as the input function applies it (numeric(p,s) rounding, varchar(n) and
// char(n) length checks with the assignment rules, timestamp(p) rounding).
// void has no text input (0A000).
#pragma once

#include <string>
#include <string_view>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

std::string format_value(const Value& value);
void append_value(std::string& out, const Value& value);

Value parse_value(std::string_view text, DataType type);

// Pieces other components reuse.
bool parse_bool(std::string_view text);     // 22P02 invalid input syntax for type boolean
std::string parse_bytea(std::string_view text);
std::string parse_char(std::string_view text);  // "char": one byte, or \ooo
void append_bytea(std::string& out, std::string_view bytes);

}  // namespace chalkdb
