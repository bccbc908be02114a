// Fuzzy matching of a mistyped column name against the columns in scope, for PostgreSQL's
// HINT "Perhaps you meant to reference the column "t.name"." (parse_relation.c does the same
// with a Levenshtein distance bounded by half the name's length).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chalkdb {

// candidates: (qualifier, column). Returns the hint text, or nothing when no single column is
// close enough.
std::optional<std::string> closest_column_hint(
    const std::string& name, const std::vector<std::pair<std::string, std::string>>& candidates);

}  // namespace chalkdb
