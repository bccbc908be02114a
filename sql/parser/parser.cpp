#include "sql/parser/parser.h"

#include "ChalkSqlLexer.h"
#include "ChalkSqlParser.h"
#include "sql/error/sql_error.h"
#include "sql/parser/grammar_error_report.h"
#include "sql/parser/source_text.h"
#include "sql/parser/stack_depth.h"
#include "sql/parser/statement_builder.h"
#include "sql/parser/string_literal.h"
#include "sql/parser/syntax_error.h"
#include "sql/parser/utf8_validation.h"

namespace chalkdb {

namespace {

// Two-stage parsing: SLL prediction is much faster and almost always enough; only when it
// fails is the input parsed again with full LL prediction, which also finds the error token
// exactly.
ChalkSqlParser::StmtBlockContext* parse_two_stage(ChalkSqlParser& parser, SyntaxErrorListener& listener) {
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  try {
    return parser.stmtBlock();
  } catch (const antlr4::ParseCancellationException&) {
    // fall through to the full LL parse
  }
  parser.reset();
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.addErrorListener(&listener);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
  return parser.stmtBlock();
}

ChalkSqlParser::StmtBlockContext* parse_syntax_errors_as_sql_errors(ChalkSqlParser& parser,
                                                                   SyntaxErrorListener& listener) {
  try {
    return parse_two_stage(parser, listener);
  } catch (const GrammarError& error) {
    throw report_grammar_error(error);
  }
}

// PostgreSQL's lexer rejects a malformed E'...' string as soon as it reads it, so such a
// string before the point where parsing stopped is the error to report.
void check_escape_strings(antlr4::CommonTokenStream& tokens, size_t up_to_character) {
  tokens.fill();
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getStartIndex() > up_to_character) break;
    if (token->getType() == ChalkSqlLexer::ESCAPE_STRING) decode_string_literal(*token);
  }
}

// Parentheses nested deeper than this are refused before parsing: besides the stack, deciding
// what each "(" opens (expression, row or subquery) looks ahead to the innermost one, so the
// cost of parsing grows with the square of the depth.
constexpr int kMaxNesting = 1000;

void check_nesting(antlr4::CommonTokenStream& tokens) {
  tokens.fill();
  int depth = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    const size_t type = token->getType();
    if (type == ChalkSqlLexer::LPAREN || type == ChalkSqlLexer::LBRACKET) {
      if (++depth > kMaxNesting) throw StackDepth::Exceeded();
    } else if ((type == ChalkSqlLexer::RPAREN || type == ChalkSqlLexer::RBRACKET) && depth > 0) {
      --depth;
    }
  }
}

void list_literal_tokens(antlr4::CommonTokenStream& tokens, std::vector<ScannedLiteral>& literals) {
  for (antlr4::Token* token : tokens.getTokens()) {
    ScannedLiteral::Kind kind;
    switch (token->getType()) {
      case ChalkSqlLexer::ICONST: kind = ScannedLiteral::Kind::Integer; break;
      case ChalkSqlLexer::FCONST: kind = ScannedLiteral::Kind::Decimal; break;
      case ChalkSqlLexer::STRING: kind = ScannedLiteral::Kind::String; break;
      default: continue;
    }
    const auto start = static_cast<int>(token->getStartIndex());
    literals.push_back({kind, start, static_cast<int>(token->getStopIndex()) - start + 1});
  }
}

std::vector<ast::StmtPtr> parse_and_build(std::string_view query, std::vector<ScannedLiteral>* literal_tokens) {
  antlr4::ANTLRInputStream input(query.data(), query.size());
  ChalkSqlLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  check_nesting(tokens);
  ChalkSqlParser parser(&tokens);
  SyntaxErrorListener listener;
  ChalkSqlParser::StmtBlockContext* tree = nullptr;
  try {
    tree = parse_syntax_errors_as_sql_errors(parser, listener);
  } catch (const SqlError& error) {
    check_escape_strings(tokens, static_cast<size_t>(error.position.value_or(1) - 1));
    throw;
  }
  check_escape_strings(tokens, query.size());
  if (literal_tokens) list_literal_tokens(tokens, *literal_tokens);
  SourceText source(query);
  StatementBuilder builder(source);
  return builder.build(tree);
}

std::vector<ast::StmtPtr> parse_sql_listing(std::string_view query, std::vector<ScannedLiteral>* literal_tokens) {
  check_utf8(query);
  StackDepth::Scope stack_scope;
  try {
    return parse_and_build(query, literal_tokens);
  } catch (const StackDepth::Exceeded&) {
    throw SqlError(sqlstate::kStatementTooComplex, "stack depth limit exceeded");
  }
}

}  // namespace

std::vector<ast::StmtPtr> parse_sql(std::string_view query) { return parse_sql_listing(query, nullptr); }

std::vector<ast::StmtPtr> parse_sql(std::string_view query, std::vector<ScannedLiteral>& literal_tokens) {
  return parse_sql_listing(query, &literal_tokens);
}

}  // namespace chalkdb
