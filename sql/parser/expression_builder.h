// ExpressionBuilder: turns the grammar's expression rules (aExpr, bExpr, cExpr and function
// calls) into ast::Expr trees.
//
// It applies what gram.y does while parsing: a minus sign is folded into a numeric literal,
// the SQL-standard special forms (EXTRACT, SUBSTRING, TRIM, AT TIME ZONE, SIMILAR TO, ...)
// become function calls, and gram.y's non-associative operator levels are enforced
// (`a < b < c` is a syntax error at the second "<"). Subqueries are built by the
// QueryBuilder it is given.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/expression_alternative.h"

namespace chalkdb {

class QueryBuilder;

class ExpressionBuilder {
 public:
  explicit ExpressionBuilder(QueryBuilder& queries) : queries_(queries) {}

  ast::ExprPtr build(ChalkSqlParser::AExprContext* context);
  ast::ExprPtr build(ChalkSqlParser::BExprContext* context);
  ast::ExprPtr build(ChalkSqlParser::CExprContext* context);
  std::vector<ast::ExprPtr> build_list(ChalkSqlParser::ExprListContext* context);
  std::unique_ptr<ast::FuncCall> function_call(ChalkSqlParser::FuncApplicationContext* context);
  ast::ExprPtr window_or_filtered_call(ChalkSqlParser::FuncExprContext* context);

 private:
  using P = ChalkSqlParser;

  ast::ExprPtr build_node(antlr4::ParserRuleContext* context);
  ast::ExprPtr operator_chain(antlr4::ParserRuleContext* context);
  ast::ExprPtr build_special_operator(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  ast::ExprPtr build_primary(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  ast::ExprPtr build_constructor(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  ast::ExprPtr constant(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  ast::ExprPtr special_function(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  ast::ExprPtr substring_function(antlr4::ParserRuleContext* context, ExpressionAlternative alternative);
  std::vector<ast::ExprPtr> build_each(const std::vector<P::AExprContext*>& contexts);

  ast::ExprPtr column_ref(P::ColumnRefContext* context);
  ast::ExprPtr param(antlr4::Token* token);
  ast::ExprPtr with_subscripts(ast::ExprPtr base, const std::vector<P::SubscriptContext*>& subscripts);
  ast::ExprPtr string_constant(P::SconstContext* context);
  ast::ExprPtr case_expr(P::CaseExprContext* context);
  ast::ExprPtr array_literal(P::ArrayLiteralContext* context, int location);
  ast::ExprPtr trim_function(P::TrimFunctionContext* context);
  ast::ExprPtr sql_value_function(antlr4::ParserRuleContext* context);

  ast::ExprPtr typecast(antlr4::tree::TerminalNode* typecast, ast::ExprPtr operand,
                        P::TypeNameContext* type);
  ast::ExprPtr unary_sign(antlr4::Token* sign, ast::ExprPtr operand);
  ast::ExprPtr like(antlr4::ParserRuleContext* context);
  ast::ExprPtr similar(antlr4::ParserRuleContext* context);
  ast::ExprPtr between(antlr4::ParserRuleContext* context, bool may_be_symmetric);
  ast::ExprPtr in(P::InExprContext* context);
  ast::ExprPtr quantified(P::QuantifiedExprContext* context);
  ast::ExprPtr is_test(P::IsExprContext* context);
  ast::ExprPtr distinct_from(antlr4::ParserRuleContext* context, ast::ExprPtr left,
                             ast::ExprPtr right);

  QueryBuilder& queries_;
};

}  // namespace chalkdb
