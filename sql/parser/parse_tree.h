// Small accessors over ANTLR parse trees shared by the AST builders: where a node starts
// (AST locations are 0-based character offsets of a node's first token) and which token a
// child is.
#pragma once

#include "antlr4-runtime.h"

namespace chalkdb {

inline int location_of(const antlr4::Token* token) { return static_cast<int>(token->getStartIndex()); }

inline int location_of(antlr4::ParserRuleContext* context) { return location_of(context->getStart()); }

inline int location_of(antlr4::tree::TerminalNode* node) { return location_of(node->getSymbol()); }

// The first token of the i-th child of `context` (a token or a rule).
inline antlr4::Token* child_start(antlr4::ParserRuleContext* context, size_t i) {
  antlr4::tree::ParseTree* child = context->children.at(i);
  if (auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(child)) return rule->getStart();
  return static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol();
}

}  // namespace chalkdb
