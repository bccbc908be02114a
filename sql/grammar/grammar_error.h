// GrammarError: an error detected by an action of the grammar while parsing, before the
// parser would otherwise fail — so that it is reported at the point PostgreSQL reports it.
// parse_sql() turns it into the SqlError PostgreSQL gives. Header-only because the generated
// parser (a separate library) throws it.
#pragma once

#include <exception>

#include "antlr4-runtime.h"

namespace chalkdb {

class GrammarError : public std::exception {
 public:
  enum class Kind { UnexpectedToken, SubqueryWithoutAlias };

  // `syntax error at or near` this token (a non-associative operator used twice).
  static GrammarError unexpectedToken(antlr4::Token* token) { return GrammarError(Kind::UnexpectedToken, token, nullptr); }
  // `subquery in FROM must have an alias` for this parenthesized query.
  static GrammarError subqueryWithoutAlias(antlr4::ParserRuleContext* query) {
    return GrammarError(Kind::SubqueryWithoutAlias, query->getStart(), query);
  }

  const char* what() const noexcept override { return "grammar error"; }

  Kind kind;
  antlr4::Token* token;
  antlr4::ParserRuleContext* query;

 private:
  GrammarError(Kind error_kind, antlr4::Token* at, antlr4::ParserRuleContext* subquery)
      : kind(error_kind), token(at), query(subquery) {}
};

}  // namespace chalkdb
