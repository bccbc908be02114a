// Client encoding negotiation: ChalkDB stores and sends UTF-8 only, so of PostgreSQL's client
// encodings it accepts UTF8 (alias UNICODE) and SQL_ASCII (no conversion, as PostgreSQL does
// for SQL_ASCII clients). Every other valid PostgreSQL encoding name is refused with
// PostgreSQL's "conversion ... is not supported" error instead of being converted.
#pragma once

#include <string>
#include <string_view>

namespace chalkdb {

// The canonical name to report in ParameterStatus, or throws SqlError (FATAL): 22023 for a
// name PostgreSQL does not know, 0A000 for one ChalkDB cannot convert.
std::string resolve_client_encoding(std::string_view requested);

}  // namespace chalkdb
