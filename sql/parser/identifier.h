// Identifier names as PostgreSQL derives them from tokens.
//
// Unquoted identifiers and keywords used as names are folded to lower case (ASCII letters
// only, as PostgreSQL does for multibyte encodings); quoted identifiers keep their case with
// "" turned into ". Names longer than NAMEDATALEN-1 (63) bytes are truncated at a character
// boundary; PostgreSQL also sends a NOTICE then, which the parser has no channel for.
#pragma once

#include <string>
#include <string_view>

#include "antlr4-runtime.h"

namespace chalkdb {

inline constexpr size_t kMaxIdentifierBytes = 63;

std::string fold_identifier(std::string_view text);

// The name a single-token rule (colId, colLabel, ...) or a name token stands for.
std::string identifier_name(const antlr4::Token& token);
std::string identifier_name(antlr4::ParserRuleContext* context);

}  // namespace chalkdb
