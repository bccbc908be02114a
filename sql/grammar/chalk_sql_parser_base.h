// ChalkSqlParserBase: the base class of the generated parser. It gives the recursive rules
// (expressions, queries, FROM items) a stack-depth check so deeply nested input fails cleanly
// instead of overflowing the stack (see sql/parser/stack_depth.h), and can switch prediction to
// report syntax errors where PostgreSQL does.
#pragma once

#include <memory>

#include "antlr4-runtime.h"
#include "sql/grammar/grammar_error.h"
#include "sql/parser/stack_depth.h"

class ChalkSqlParserBase : public antlr4::Parser {
 public:
  explicit ChalkSqlParserBase(antlr4::TokenStream* input) : antlr4::Parser(input) {}

  // When no alternative of a decision fits the input, ANTLR normally picks one that leaves
  // the current rule and lets the caller fail at the token where the rule started; bison (and
  // so PostgreSQL) fails at the first token that cannot continue any parse. This makes the
  // prediction report that token instead.
  void reportErrorsAtFirstInvalidToken() {
    auto* current = getInterpreter<antlr4::atn::ParserATNSimulator>();
    auto replacement = std::make_unique<FirstInvalidTokenSimulator>(this, current->atn, current->decisionToDFA,
                                                                    current->getSharedContextCache());
    std::unique_ptr<antlr4::atn::ATNSimulator> replaced(_interpreter);
    _interpreter = replacement.release();  // owned and deleted by the generated parser
  }

  // The index of the first token of the (fully fetched) input that no parse from `startRule`
  // can consume — where bison stops, which may be after the token ANTLR's parse stopped at
  // (SLL prediction inside a rule sometimes leaves it early). Every possible parse is
  // followed at once, so this is only for the error path; `limit` bounds the tokens looked
  // at. Returns npos when the limit is reached or the input is valid.
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
        std::unique_ptr<antlr4::atn::ATNConfigSet> reach = computeReachSet(configs.get(), type, true);
        if (reach == nullptr || reach->size() == 0) return i;
        if (type == antlr4::Token::EOF) break;
        configs = std::move(reach);
      }
      return npos;
    }

   protected:
    size_t getAltThatFinishedDecisionEntryRule(antlr4::atn::ATNConfigSet*) override {
      return antlr4::atn::ATN::INVALID_ALT_NUMBER;
    }
  };
};
