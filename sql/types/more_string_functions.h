// String and binary functions beyond string_functions.h: format (%s %I %L %%, positions
// %n$, widths and the - flag, * widths), quote_ident, quote_literal, quote_nullable, md5
// (text and bytea), to_hex, translate, encode/decode (hex, base64, escape), get_byte,
// set_byte, bit_length, gen_random_uuid. md5 and the random bytes of gen_random_uuid come from
// OpenSSL's libcrypto.
#pragma once

#include <vector>

#include "sql/types/builtin_entry.h"

namespace chalkdb {

void add_more_string_functions(std::vector<FunctionEntry>& functions);

// PostgreSQL's quote_identifier: quoted unless all lower-case letters, digits and
// underscores (not starting with a digit) and not a reserved-ish keyword.
std::string quote_identifier(std::string_view name);
// quote_literal: '...' with quotes doubled; E'...' with backslashes doubled when it has any.
std::string quote_literal_text(std::string_view text);

}  // namespace chalkdb
