// UTF-8 validation with PostgreSQL's error for bad input.
//
// PostgreSQL checks every query string and every string literal built from escapes against
// the server encoding (always UTF8 in ChalkDB) and rejects the first illegal sequence with
// 22021 `invalid byte sequence for encoding "UTF8": 0xe2 0x82`, naming the bytes of the
// character that starts there (pg_verifymbstr / report_invalid_encoding).
#pragma once

#include <string_view>

namespace chalkdb {

// Throws SqlError 22021 unless `bytes` is valid UTF-8 without NUL bytes.
void check_utf8(std::string_view bytes);

}  // namespace chalkdb
