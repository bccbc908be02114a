// Parser: SQL text to AST, through the ANTLR4 grammar in sql/grammar/.
//
// A query string may hold several statements separated by ';'. Syntax errors are thrown as
// SqlError 42601 `syntax error at or near "X"` (or `syntax error at end of input`) with the
// 1-based character position of the offending token, exactly as PostgreSQL reports them.
#pragma once

#include <string_view>
#include <vector>

#include "sql/ast/ast.h"
#include "sql/parser/literal_scanner.h"

namespace chalkdb {

std::vector<ast::StmtPtr> parse_sql(std::string_view query);

// As parse_sql, also listing the query's integer, decimal and plain string literal tokens as
// the lexer found them (for checking LiteralScanner's view of the same query).
std::vector<ast::StmtPtr> parse_sql(std::string_view query, std::vector<ScannedLiteral>& literal_tokens);

}  // namespace chalkdb
