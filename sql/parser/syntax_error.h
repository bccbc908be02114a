// Syntax errors reported as PostgreSQL's scanner_yyerror reports them.
//
// Every error names the offending token: `syntax error at or near "X"` with X the token's
// text exactly as written, or `syntax error at end of input`; the position is the token's
// 1-based character offset in the whole query string. Tokens that stand for malformed input
// (an unterminated string, "123abc", ...) carry the lexer's own message instead, as
// PostgreSQL's lexer would have raised it when reaching that token.
#pragma once

#include <string>

#include "antlr4-runtime.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

// 42601 with `message` and the position of the 0-based character offset `location`.
SqlError syntax_error(std::string message, int location);

// 42601 `<message> at or near "<token text>"` (or `at end of input`) at the token.
SqlError syntax_error_at(const antlr4::Token& token, const std::string& message = "syntax error");

// Throws the error PostgreSQL gives when parsing stops at `token`.
[[noreturn]] void throw_unexpected_token(const antlr4::Token& token);

// Turns the first error ANTLR reports into the SqlError for the token where PostgreSQL's
// parser would have stopped (the first token no parse can consume; ANTLR sometimes stops one
// rule earlier). Only for the full-LL stage: it needs the ChalkSqlParser as recognizer.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending_symbol, size_t line,
                   size_t column, const std::string& message, std::exception_ptr error) override;
};

}  // namespace chalkdb
