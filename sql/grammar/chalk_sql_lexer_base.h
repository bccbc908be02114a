// ChalkSqlLexerBase: the context-sensitive parts of PostgreSQL's scanner (scan.l and the
// one-token lookahead of parser.c) that plain ANTLR lexer rules cannot express.
//
// The generated lexer derives from this class. The helpers run from rule actions after a rule
// matched and move the input position to where PostgreSQL's token really ends: they give
// characters back (operators, "1..") or consume more (nested comments, dollar-quoted bodies).
// Token text and positions come from character indices, so line/column bookkeeping, which
// these moves would disturb, is never used. nextToken() retypes tokens whose meaning depends
// on the next one (NOT before LIKE is NOT_LA), as PostgreSQL's base_yylex() does.
#pragma once

#include <memory>
#include <string>

#include "antlr4-runtime.h"

class ChalkSqlLexerBase : public antlr4::Lexer {
 public:
  explicit ChalkSqlLexerBase(antlr4::CharStream* input) : antlr4::Lexer(input) {}

  // Lexes one token ahead after the token types that need it, and retypes them from what
  // follows (PostgreSQL's base_yylex()).
  std::unique_ptr<antlr4::Token> nextToken() override {
    std::unique_ptr<antlr4::Token> token = pending_ ? std::move(pending_) : antlr4::Lexer::nextToken();
    if (needsLookahead(token->getType())) {
      pending_ = antlr4::Lexer::nextToken();
      const size_t type = lookaheadType(token->getType(), pending_->getType());
      if (type != token->getType()) static_cast<antlr4::CommonToken&>(*token).setType(type);
    }
    return token;
  }

 protected:
  virtual bool needsLookahead(size_t type) const = 0;
  virtual size_t lookaheadType(size_t type, size_t next) const = 0;

  // Gives back the last `count` characters of the current token to the input.
  void giveBack(size_t count) { _input->seek(_input->index() - count); }

  // Applies scan.l's operator rules to the operator characters just matched and returns the
  // operator's text: the operator stops before an embedded "/*" or "--", and a multi-character
  // operator may not end in '+' or '-' unless it contains one of ~ ! @ # ^ & | ` ? % (so that
  // "a=-1" is "a", "=", "-", "1").
  std::string truncateOperator() {
    std::string op = getText();
    size_t length = op.size();
    for (size_t i = 0; i + 1 < op.size(); ++i) {
      if ((op[i] == '/' && op[i + 1] == '*') || (op[i] == '-' && op[i + 1] == '-')) {
        length = i;
        break;
      }
    }
    if (length > 1 && isSign(op[length - 1]) && !hasNonSqlOperatorChar(op, length)) {
      do {
        --length;
      } while (length > 1 && isSign(op[length - 1]));
    }
    giveBack(op.size() - length);
    return op.substr(0, length);
  }

  // Consumes a (possibly nested) block comment whose "/*" starts the current token; the token
  // is skipped, or typed `unterminatedType` and extended to the end of input when the comment
  // never closes.
  void skipBlockComment(size_t unterminatedType) {
    _input->seek(tokenStartCharIndex + 2);
    int depth = 1;
    while (depth > 0) {
      size_t c = _input->LA(1);
      if (c == antlr4::Token::EOF) {
        setType(unterminatedType);
        return;
      }
      if (c == '/' && _input->LA(2) == '*') {
        ++depth;
        _input->consume();
      } else if (c == '*' && _input->LA(2) == '/') {
        --depth;
        _input->consume();
      }
      _input->consume();
    }
    skip();
  }

  // The current token is an opening delimiter $tag$; consumes the body up to and including
  // the same delimiter, or to the end of input (typing the token `unterminatedType`).
  void consumeDollarQuotedBody(size_t unterminatedType) {
    const long delimiterLength = static_cast<long>(_input->index() - tokenStartCharIndex);
    while (true) {
      size_t c = _input->LA(1);
      if (c == antlr4::Token::EOF) {
        setType(unterminatedType);
        return;
      }
      if (c == '$' && delimiterFollows(delimiterLength)) {
        for (long i = 0; i < delimiterLength; ++i) _input->consume();
        return;
      }
      _input->consume();
    }
  }

 private:
  std::unique_ptr<antlr4::Token> pending_;

  static bool isSign(char c) { return c == '+' || c == '-'; }

  static bool hasNonSqlOperatorChar(const std::string& op, size_t length) {
    return op.find_first_of("~!@#^&|`?%") < length;
  }

  // True when the input from the current position repeats the opening delimiter, which
  // occupies the `length` characters just before the body started.
  bool delimiterFollows(long length) {
    const long bodyStart = static_cast<long>(tokenStartCharIndex) + length;
    const long distance = static_cast<long>(_input->index()) - bodyStart;
    for (long i = 0; i < length; ++i) {
      // LA(k) for k <= 0 looks back; the delimiter's i-th character is that far behind.
      const long back = -(distance + length) + i;
      if (_input->LA(i + 1) != _input->LA(back)) return false;
    }
    return true;
  }
};
