#include "sql/parser/syntax_error.h"

#include <fmt/format.h>

#include "ChalkSqlLexer.h"
#include "ChalkSqlParser.h"

namespace chalkdb {

namespace {

// The message scan.l raises for a token that is itself malformed; nullptr for a well-formed
// token the grammar just does not accept there.
const char* lexer_message(size_t token_type) {
  switch (token_type) {
    case ChalkSqlLexer::UNTERMINATED_STRING:
    case ChalkSqlLexer::UNTERMINATED_ESCAPE_STRING:
      return "unterminated quoted string";
    case ChalkSqlLexer::UNTERMINATED_QUOTED_IDENT:
      return "unterminated quoted identifier";
    case ChalkSqlLexer::EMPTY_QUOTED_IDENT:
      return "zero-length delimited identifier";
    case ChalkSqlLexer::UNTERMINATED_COMMENT:
      return "unterminated /* comment";
    case ChalkSqlLexer::UNTERMINATED_DOLLAR_STRING:
      return "unterminated dollar-quoted string";
    case ChalkSqlLexer::NUMBER_JUNK:
    case ChalkSqlLexer::REAL_FAIL:
      return "trailing junk after numeric literal";
    case ChalkSqlLexer::PARAM_JUNK:
      return "trailing junk after parameter";
    default:
      return nullptr;
  }
}

// Queries longer than this are not re-examined for where PostgreSQL would have stopped.
constexpr size_t kMaxTokensToReexamine = 5000;

// ANTLR's parse may stop before PostgreSQL's would (see firstUnparsableToken); the token
// where no parse can continue is the one PostgreSQL reports.
antlr4::Token* first_invalid_token(ChalkSqlParser& parser, antlr4::Token* reported) {
  const size_t index = parser.firstUnparsableToken(ChalkSqlParser::RuleStmtBlock, kMaxTokensToReexamine);
  if (index == ChalkSqlParser::npos || index < reported->getTokenIndex()) return reported;
  return parser.getTokenStream()->get(index);
}

}  // namespace

SqlError syntax_error(std::string message, int location) {
  return std::move(SqlError(sqlstate::kSyntaxError, std::move(message)).with_position(location + 1));
}

SqlError syntax_error_at(const antlr4::Token& token, const std::string& message) {
  const int location = static_cast<int>(token.getStartIndex());
  if (token.getType() == antlr4::Token::EOF) {
    return syntax_error(message + " at end of input", location);
  }
  return syntax_error(fmt::format("{} at or near \"{}\"", message, token.getText()), location);
}

void throw_unexpected_token(const antlr4::Token& token) {
  const char* message = lexer_message(token.getType());
  throw syntax_error_at(token, message ? message : "syntax error");
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending_symbol,
                                      size_t, size_t, const std::string& message,
                                      std::exception_ptr) {
  if (offending_symbol == nullptr) throw SqlError(sqlstate::kSyntaxError, message);
  throw_unexpected_token(*first_invalid_token(static_cast<ChalkSqlParser&>(*recognizer), offending_symbol));
}

}  // namespace chalkdb
