// POSIX regular expressions, SIMILAR TO and LIKE ... ESCAPE: the operators ~ ~* !~ !~*, and
// regexp_replace, regexp_match, regexp_like, regexp_count, regexp_split_to_array, substring(text
// from pattern), substring(text similar pattern escape e), similar_to_escape, like_escape.
//
// Patterns are compiled with std::regex's ECMAScript grammar, which covers the common part of
// PostgreSQL's ARE flavour (classes [[:alpha:]], \d \w \s, (?:...), lazy quantifiers, {m,n},
// back references); differences: "." does not match a newline, and ARE-only escapes (\m \M \y,
// embedded options) are not understood. A bad pattern fails with 2201B "invalid regular
// expression: parentheses () not balanced" and PostgreSQL's other texts; a bad flag with 22023
// "invalid regular expression option: "z"". Compiled patterns are cached per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sql/types/builtin_entry.h"
#include "sql/value/value.h"

namespace chalkdb {

void add_regex_operators(std::vector<OperatorEntry>& ops);
void add_regex_functions(std::vector<FunctionEntry>& functions);

// regexp_split_to_table / _array: the pieces between matches.
std::vector<Value> regexp_split(const std::string& text, const std::string& pattern, std::string_view flags);
// regexp_matches: one text[] of the groups (or the whole match) per match, all of them with 'g'.
std::vector<Value> regexp_matches(const std::string& text, const std::string& pattern, std::string_view flags);

// similar_escape: a SIMILAR TO pattern as an anchored regular expression.
std::string similar_to_regex(std::string_view pattern, std::string_view escape);

}  // namespace chalkdb
