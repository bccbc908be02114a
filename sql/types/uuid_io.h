// uuid text I/O as uuid_in / uuid_out: 32 hex digits, optionally in braces and with a hyphen
// after any group of four digits; output is lower-case 8-4-4-4-12. The Value holds the 16 bytes.
#pragma once

#include <string>
#include <string_view>

namespace chalkdb {

std::string parse_uuid(std::string_view text);  // 22P02 invalid input syntax for type uuid
void append_uuid(std::string& out, std::string_view bytes);

}  // namespace chalkdb
