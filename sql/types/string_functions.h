// The built-in string functions (length, lower, substr, position, trim, lpad, concat, ...),
// with PostgreSQL's semantics in a UTF8 database: positions and lengths count characters,
// substr accepts start positions before 1, left/right take negative counts, and errors match
// (22011 negative substring length not allowed, 54000 null character not permitted, ...).
// functions.cpp registers them under their SQL names and signatures; arguments arrive already
// cast to the declared types and non-null, except for concat and concat_ws which see NULLs.
#pragma once

#include <span>

#include "sql/value/value.h"

namespace chalkdb::string_functions {

using Args = std::span<const Value>;

Value length(Args args);         // text: characters
Value bpchar_length(Args args);  // character(n): characters without trailing spaces
Value byte_length(Args args);    // bytea length, octet_length of anything
Value lower(Args args);
Value upper(Args args);
Value initcap(Args args);
Value substr(Args args);         // (text, int [, int])
Value bytea_substr(Args args);   // (bytea, int [, int])
Value position(Args args);       // (string, substring) = strpos
Value btrim(Args args);          // (text [, characters])
Value ltrim(Args args);
Value rtrim(Args args);
Value replace(Args args);
Value left(Args args);
Value right(Args args);
Value repeat(Args args);
Value lpad(Args args);           // (text, int [, fill])
Value rpad(Args args);
Value reverse(Args args);
Value ascii(Args args);
Value chr(Args args);
Value split_part(Args args);
Value starts_with(Args args);
Value concat(Args args);         // not strict: NULLs are skipped
Value concat_ws(Args args);      // not strict: NULL separator gives NULL, NULL items skipped

}  // namespace chalkdb::string_functions
