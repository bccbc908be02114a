// Casts between the built-in types, following pg_cast.
//
// can_cast answers whether a conversion exists in a context: pg_cast's entries (int4 -> int8
// implicit, int8 -> int4 assignment, bool -> int4 explicit, ...), PostgreSQL's automatic I/O
// conversions (anything -> a string type in assignment, a string type -> anything explicitly),
// unknown literals -> anything, and a type to itself (a length coercion such as
// varchar -> varchar(3)). cast_value performs it with PostgreSQL's results and errors: float ->
// int rounds half to even (rint) and numeric -> int half away from zero, 22003 "integer out of
// range", bpchar pads, varchar(n)/char(n) truncate in explicit casts but fail with 22001
// "value too long for type character varying(3)" otherwise (excess spaces are cut silently),
// numeric(p,s) rounds and checks precision, bpchar -> text drops trailing spaces, bool -> text
// is "true"/"false".
#pragma once

#include <string>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

// Ordered from the most to the least permissive place a cast may happen.
enum class CastContext { Implicit, Assignment, Explicit };

bool can_cast(TypeId from, TypeId to, CastContext context);

// Converts a value (NULL gives a NULL of the target type). Throws 42846 "cannot cast type X to
// Y" when no conversion exists; it does not check `context` against can_cast (the binder does),
// `context` only chooses between truncating and failing on over-long strings.
Value cast_value(const Value& value, DataType target, CastContext context);

// varchar(n) / char(n) length coercion of text already converted to the target type.
std::string apply_character_typmod(std::string text, DataType target, bool explicit_cast);

}  // namespace chalkdb
