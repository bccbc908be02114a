// Parser: SQL text to AST, through the ANTLR4 grammar in sql/grammar/.
//
// A query string may hold several statements separated by ';'. Syntax errors are thrown as
// SqlError 42601 `syntax error at or near "X"` (or `syntax error at end of input`) with the
// 1-based character position of the offending token, exactly as PostgreSQL reports them.
#pragma once

#include <string_view>
#include <vector>

#include "sql/ast/ast.h"

namespace chalkdb {

std::vector<ast::StmtPtr> parse_sql(std::string_view query);

}  // namespace chalkdb
