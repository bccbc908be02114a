// verify_utf8: rejects client text that is not valid UTF-8 before it reaches the parser.
//
// PostgreSQL verifies every string a client sends against the server encoding (pg_verify_mbstr)
// and reports the first bad sequence as 22021 `invalid byte sequence for encoding "UTF8": 0xc3
// 0x28`; this does the same with PostgreSQL's rules (no overlongs, surrogates or code points
// above U+10FFFF, no NUL).
#pragma once

#include <string_view>

namespace chalkdb {

void verify_utf8(std::string_view text);

}  // namespace chalkdb
