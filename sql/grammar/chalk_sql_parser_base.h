// ChalkSqlParserBase: the base class of the generated parser, giving its recursive rules
// (expressions, queries, FROM items) a stack-depth check so deeply nested input fails cleanly
// instead of overflowing the stack (see sql/parser/stack_depth.h).
#pragma once

#include "antlr4-runtime.h"
#include "sql/parser/stack_depth.h"

class ChalkSqlParserBase : public antlr4::Parser {
 public:
  explicit ChalkSqlParserBase(antlr4::TokenStream* input) : antlr4::Parser(input) {}

 protected:
  static void checkStackDepth() { chalkdb::StackDepth::check(); }
};
