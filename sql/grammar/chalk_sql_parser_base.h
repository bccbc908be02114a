// ChalkSqlParserBase: the base class of the generated parser. It gives the recursive rules
// (expressions, queries, FROM items) a stack-depth check so deeply nested input fails cleanly
// instead of overflowing the stack (see sql/parser/stack_depth.h), and finds the token where
// PostgreSQL would report a syntax error.
#pragma once

#include <memory>
#include <utility>

#include "antlr4-runtime.h"
#include "sql/grammar/grammar_error.h"
#include "sql/parser/stack_depth.h"

class ChalkSqlParserBase : public antlr4::Parser {
 public:
  explicit ChalkSqlParserBase(antlr4::TokenStream* input) : antlr4::Parser(input) {}

  // The index of the first token of the (fully fetched) input that no parse from `startRule`
  // can consume. That is where bison, and so PostgreSQL, reports a syntax error; ANTLR may
  // stop earlier, because when a decision has no viable alternative it takes the one leaving
  // the current rule and lets the caller fail (for "WHERE a AND" it reports AND, PostgreSQL
  // the end of input). Every possible parse is followed at once, so this is for the error
  // path only; `limit` bounds the tokens looked at. Returns npos when the limit is reached or
  // the input is valid. Actions (the non-associativity checks) are not run.
  size_t firstUnparsableToken(size_t startRule, size_t limit) {
    FirstInvalidTokenSimulator simulator(this, getATN(), getInterpreter<antlr4::atn::ParserATNSimulator>()->decisionToDFA,
                                         getInterpreter<antlr4::atn::ParserATNSimulator>()->getSharedContextCache());
    return simulator.firstUnparsableToken(getTokenStream(), startRule, limit);
  }

  static constexpr size_t npos = static_cast<size_t>(-1);

 protected:
  static void checkStackDepth() { chalkdb::StackDepth::check(); }

 private:
  class FirstInvalidTokenSimulator : public antlr4::atn::ParserATNSimulator {
   public:
    using antlr4::atn::ParserATNSimulator::ParserATNSimulator;

    size_t firstUnparsableToken(antlr4::TokenStream* input, size_t startRule, size_t limit) {
      _input = input;
      _startIndex = 0;
      _outerContext = &antlr4::ParserRuleContext::EMPTY;
      _dfa = nullptr;
      std::unique_ptr<antlr4::atn::ATNConfigSet> configs =
          computeStartState(atn.ruleToStartState[startRule], &antlr4::ParserRuleContext::EMPTY, true);
      for (size_t i = 0; i < limit && i < input->size(); ++i) {
        const size_t type = input->get(i)->getType();
        configs = advance(*configs, type);
        if (configs->size() == 0) return i;
        if (type == antlr4::Token::EOF) break;
      }
      return npos;
    }

   private:
    // The configurations after matching one token: computeReachSet() without its shortcut
    // of skipping the closure once a single alternative is left (enough for prediction, not
    // for following the whole parse).
    std::unique_ptr<antlr4::atn::ATNConfigSet> advance(const antlr4::atn::ATNConfigSet& configs, size_t type) {
      auto reach = std::make_unique<antlr4::atn::ATNConfigSet>(true);
      antlr4::atn::ATNConfig::Set busy;
      for (const auto& config : configs.configs) {
        for (antlr4::atn::Transition* transition : config->state->transitions) {
          antlr4::atn::ATNState* target = getReachableTarget(transition, type);
          if (target == nullptr) continue;
          closure(std::make_shared<antlr4::atn::ATNConfig>(config, target), reach.get(), busy, false, true, false);
        }
      }
      return reach;
    }
  };
};
