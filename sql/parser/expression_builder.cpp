#include "sql/parser/expression_builder.h"

#include <charconv>

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/numeric_literal.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/query_builder.h"
#include "sql/parser/string_literal.h"
#include "sql/parser/syntax_error.h"
#include "sql/parser/type_name_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

template <typename T>
bool is(antlr4::tree::ParseTree* tree) {
  return dynamic_cast<T*>(tree) != nullptr;
}

// ---- operators ---------------------------------------------------------------------------

std::string operator_symbol(const antlr4::Token* token) {
  if (token->getType() == P::NOT_EQUALS) return "<>";  // != is another spelling of <>
  return token->getText();
}

std::string binary_operator_name(const antlr4::Token* token) {
  switch (token->getType()) {
    case P::AND: return "AND";
    case P::OR: return "OR";
    default: return operator_symbol(token);
  }
}

// OPERATOR(pg_catalog.~) names the operator ~; every operator lives in pg_catalog.
std::string qualified_operator(P::QualOpContext* context) {
  if (context->OP()) return context->OP()->getText();
  return operator_symbol(context->anyOperator()->allOp()->getStart());
}

std::string subquery_operator(P::SubqueryOpContext* context) {
  if (context->allOp()) return operator_symbol(context->allOp()->getStart());
  if (context->anyOperator()) return operator_symbol(context->anyOperator()->allOp()->getStart());
  const std::string like = context->LIKE() ? "~~" : "~~*";
  return context->NOT() ? "!" + like : like;
}

// gram.y's %nonassoc levels: a binary operator of a level may not be the left operand of
// another operator of the same level (a < b < c, a LIKE b IN (c), a IS DISTINCT FROM b IS
// NULL); PostgreSQL reports the second operator.
struct OperatorLevel {
  int level = 0;  // 0: associative or not a binary operator
  bool binary = false;
};

OperatorLevel operator_level(antlr4::tree::ParseTree* tree) {
  if (is<P::ComparisonExprContext>(tree) || is<P::ComparisonBExprContext>(tree)) return {1, true};
  if (is<P::LikeExprContext>(tree) || is<P::LikeEscapeExprContext>(tree) ||
      is<P::SimilarExprContext>(tree) || is<P::SimilarEscapeExprContext>(tree) ||
      is<P::BetweenExprContext>(tree) || is<P::BetweenAsymmetricExprContext>(tree)) {
    return {2, true};
  }
  if (is<P::InExprContext>(tree)) return {2, false};
  if (is<P::IsDistinctExprContext>(tree) || is<P::IsDistinctBExprContext>(tree)) return {3, true};
  if (is<P::IsExprContext>(tree) || is<P::NullTestExprContext>(tree)) return {3, false};
  return {};
}

void check_non_associative(antlr4::ParserRuleContext* context) {
  const OperatorLevel outer = operator_level(context);
  if (outer.level == 0) return;
  const OperatorLevel left = operator_level(context->children.front());
  if (left.binary && left.level == outer.level) throw syntax_error_at(*child_start(context, 1));
}

// ---- node constructors -------------------------------------------------------------------

ast::ExprPtr make_binary(std::string op, int location, ast::ExprPtr left, ast::ExprPtr right) {
  auto binary = std::make_unique<ast::Binary>(location);
  binary->op = std::move(op);
  binary->left = std::move(left);
  binary->right = std::move(right);
  return binary;
}

ast::ExprPtr make_unary(std::string op, int location, ast::ExprPtr operand) {
  auto unary = std::make_unique<ast::Unary>(location);
  unary->op = std::move(op);
  unary->operand = std::move(operand);
  return unary;
}

std::unique_ptr<ast::FuncCall> make_call(std::vector<std::string> name, int location,
                                         std::vector<ast::ExprPtr> args = {}) {
  auto call = std::make_unique<ast::FuncCall>(location);
  call->name = std::move(name);
  call->args = std::move(args);
  return call;
}

std::unique_ptr<ast::FuncCall> make_system_call(const std::string& name, int location,
                                                std::vector<ast::ExprPtr> args) {
  return make_call({"pg_catalog", name}, location, std::move(args));
}

ast::ExprPtr make_string(std::string value, int location) {
  auto literal = std::make_unique<ast::Literal>(location);
  literal->literal_kind = ast::LiteralKind::String;
  literal->text = std::move(value);
  return literal;
}

template <typename... Exprs>
std::vector<ast::ExprPtr> expr_vector(Exprs... exprs) {
  std::vector<ast::ExprPtr> list;
  (list.push_back(std::move(exprs)), ...);
  return list;
}

}  // namespace

// ---- entry points ------------------------------------------------------------------------

ast::ExprPtr ExpressionBuilder::build(P::AExprContext* context) {
  check_non_associative(context);
  if (auto* primary = dynamic_cast<P::PrimaryExprContext*>(context)) {
    return build(primary->cExpr());
  }
  if (ast::ExprPtr expr = build_operator(context)) return expr;
  return build_predicate(context);
}

ast::ExprPtr ExpressionBuilder::build(P::BExprContext* context) {
  check_non_associative(context);
  if (auto* primary = dynamic_cast<P::PrimaryBExprContext*>(context)) {
    return build(primary->cExpr());
  }
  return build_bexpr_operator(context);
}

std::vector<ast::ExprPtr> ExpressionBuilder::build_list(P::ExprListContext* context) {
  return build_each(context->aExpr());
}

std::vector<ast::ExprPtr> ExpressionBuilder::build_each(const std::vector<P::AExprContext*>& contexts) {
  std::vector<ast::ExprPtr> list;
  list.reserve(contexts.size());
  for (auto* context : contexts) list.push_back(build(context));
  return list;
}

// ---- operators ---------------------------------------------------------------------------

ast::ExprPtr ExpressionBuilder::build_operator(P::AExprContext* context) {
  if (auto* c = dynamic_cast<P::TypecastExprContext*>(context)) {
    return typecast(c->TYPECAST(), build(c->aExpr()), c->typeName());
  }
  if (auto* c = dynamic_cast<P::UnarySignExprContext*>(context)) {
    return unary_sign(c->getStart(), build(c->aExpr()));
  }
  if (auto* c = dynamic_cast<P::CollateExprContext*>(context)) {
    auto collate = std::make_unique<ast::Collate>(location_of(c->COLLATE()));
    collate->operand = build(c->aExpr());
    collate->collation = dotted_name(c->anyName()->colId(), c->anyName()->colLabel());
    return collate;
  }
  if (auto* c = dynamic_cast<P::AtTimeZoneExprContext*>(context)) {
    ast::ExprPtr value = build(c->aExpr(0));
    return make_system_call("timezone", location_of(c->AT()), expr_vector(build(c->aExpr(1)), std::move(value)));
  }
  if (is<P::PowerExprContext>(context) || is<P::MultiplicativeExprContext>(context) ||
      is<P::AdditiveExprContext>(context) || is<P::AndExprContext>(context) ||
      is<P::OrExprContext>(context)) {
    const antlr4::Token* op = child_start(context, 1);
    return make_binary(binary_operator_name(op), location_of(op),
                       build(context->getRuleContext<P::AExprContext>(0)),
                       build(context->getRuleContext<P::AExprContext>(1)));
  }
  if (auto* c = dynamic_cast<P::OtherOpExprContext*>(context)) {
    return make_binary(qualified_operator(c->qualOp()), location_of(c->qualOp()), build(c->aExpr(0)),
                       build(c->aExpr(1)));
  }
  if (auto* c = dynamic_cast<P::PrefixOpExprContext*>(context)) {
    return make_unary(qualified_operator(c->qualOp()), location_of(c), build(c->aExpr()));
  }
  if (auto* c = dynamic_cast<P::NotExprContext*>(context)) {
    return make_unary("NOT", location_of(c), build(c->aExpr()));
  }
  return nullptr;
}

ast::ExprPtr ExpressionBuilder::build_predicate(P::AExprContext* context) {
  if (auto* c = dynamic_cast<P::ComparisonExprContext*>(context)) {
    const antlr4::Token* op = c->comparisonOp()->getStart();
    return make_binary(operator_symbol(op), location_of(op), build(c->aExpr(0)), build(c->aExpr(1)));
  }
  if (auto* c = dynamic_cast<P::LikeExprContext*>(context)) return like(c, c->aExpr());
  if (auto* c = dynamic_cast<P::LikeEscapeExprContext*>(context)) return like(c, c->aExpr());
  if (auto* c = dynamic_cast<P::SimilarExprContext*>(context)) return similar(c, c->aExpr());
  if (auto* c = dynamic_cast<P::SimilarEscapeExprContext*>(context)) return similar(c, c->aExpr());
  if (auto* c = dynamic_cast<P::BetweenExprContext*>(context)) {
    return between(c, c->aExpr(0), c->bExpr(), c->aExpr(1), c->SYMMETRIC() != nullptr);
  }
  if (auto* c = dynamic_cast<P::BetweenAsymmetricExprContext*>(context)) {
    return between(c, c->aExpr(0), c->bExpr(), c->aExpr(1), false);
  }
  if (auto* c = dynamic_cast<P::InExprContext*>(context)) return in(c);
  if (auto* c = dynamic_cast<P::QuantifiedExprContext*>(context)) return quantified(c);
  if (auto* c = dynamic_cast<P::IsExprContext*>(context)) return is_test(c);
  if (auto* c = dynamic_cast<P::IsDistinctExprContext*>(context)) {
    return distinct_from(c, build(c->aExpr(0)), build(c->aExpr(1)));
  }
  auto* c = static_cast<P::NullTestExprContext*>(context);
  auto test = std::make_unique<ast::IsNull>(location_of(child_start(c, 1)));
  test->operand = build(c->aExpr());
  test->negated = c->NOTNULL() != nullptr;
  return test;
}

ast::ExprPtr ExpressionBuilder::build_bexpr_operator(P::BExprContext* context) {
  if (auto* c = dynamic_cast<P::TypecastBExprContext*>(context)) {
    return typecast(c->TYPECAST(), build(c->bExpr()), c->typeName());
  }
  if (auto* c = dynamic_cast<P::UnarySignBExprContext*>(context)) {
    return unary_sign(c->getStart(), build(c->bExpr()));
  }
  if (auto* c = dynamic_cast<P::OtherOpBExprContext*>(context)) {
    return make_binary(qualified_operator(c->qualOp()), location_of(c->qualOp()), build(c->bExpr(0)),
                       build(c->bExpr(1)));
  }
  if (auto* c = dynamic_cast<P::PrefixOpBExprContext*>(context)) {
    return make_unary(qualified_operator(c->qualOp()), location_of(c), build(c->bExpr()));
  }
  if (auto* c = dynamic_cast<P::IsDistinctBExprContext*>(context)) {
    return distinct_from(c, build(c->bExpr(0)), build(c->bExpr(1)));
  }
  // ^ * / % + - and comparisons: the operator is the second child.
  const antlr4::Token* op = child_start(context, 1);
  return make_binary(operator_symbol(op), location_of(op), build(context->getRuleContext<P::BExprContext>(0)),
                     build(context->getRuleContext<P::BExprContext>(1)));
}

ast::ExprPtr ExpressionBuilder::typecast(antlr4::tree::TerminalNode* typecast, ast::ExprPtr operand,
                                         P::TypeNameContext* type) {
  auto cast = std::make_unique<ast::Cast>(location_of(typecast));
  cast->operand = std::move(operand);
  cast->type = type_name(type);
  return cast;
}

ast::ExprPtr ExpressionBuilder::unary_sign(antlr4::Token* sign, ast::ExprPtr operand) {
  const int location = location_of(sign);
  if (sign->getType() == P::MINUS && is_number_literal(*operand)) {
    negate_number_literal(static_cast<ast::Literal&>(*operand), location);
    return operand;
  }
  return make_unary(sign->getType() == P::MINUS ? "-" : "+", location, std::move(operand));
}

ast::ExprPtr ExpressionBuilder::like(P::AExprContext* context, const std::vector<P::AExprContext*>& operands) {
  auto like = std::make_unique<ast::Like>(location_of(child_start(context, 1)));
  like->operand = build(operands[0]);
  like->pattern = build(operands[1]);
  if (operands.size() > 2) like->escape = build(operands[2]);
  like->negated = context->getToken(P::NOT, 0) != nullptr;
  like->case_insensitive = context->getToken(P::ILIKE, 0) != nullptr;
  return like;
}

// x SIMILAR TO p [ESCAPE e] is x ~ similar_to_escape(p[, e]), as gram.y rewrites it.
ast::ExprPtr ExpressionBuilder::similar(P::AExprContext* context,
                                        const std::vector<P::AExprContext*>& operands) {
  const int location = location_of(child_start(context, 1));
  ast::ExprPtr value = build(operands[0]);
  std::vector<ast::ExprPtr> args = expr_vector(build(operands[1]));
  if (operands.size() > 2) args.push_back(build(operands[2]));
  const bool negated = context->getToken(P::NOT, 0) != nullptr;
  return make_binary(negated ? "!~" : "~", location, std::move(value),
                     make_system_call("similar_to_escape", location, std::move(args)));
}

ast::ExprPtr ExpressionBuilder::between(P::AExprContext* context, P::AExprContext* operand,
                                        P::BExprContext* low, P::AExprContext* high, bool symmetric) {
  auto between = std::make_unique<ast::Between>(location_of(child_start(context, 1)));
  between->operand = build(operand);
  between->low = build(low);
  between->high = build(high);
  between->negated = context->getToken(P::NOT, 0) != nullptr;
  between->symmetric = symmetric;
  return between;
}

ast::ExprPtr ExpressionBuilder::in(P::InExprContext* context) {
  const int location = location_of(child_start(context, 1));
  if (context->selectWithParens()) {
    auto in = std::make_unique<ast::InSubquery>(location);
    in->operand = build(context->aExpr());
    in->query = queries_.select(context->selectWithParens());
    in->negated = context->NOT() != nullptr;
    return in;
  }
  auto in = std::make_unique<ast::InList>(location);
  in->operand = build(context->aExpr());
  in->list = build_list(context->exprList());
  in->negated = context->NOT() != nullptr;
  return in;
}

ast::ExprPtr ExpressionBuilder::quantified(P::QuantifiedExprContext* context) {
  auto quantified = std::make_unique<ast::Quantified>(location_of(context->subqueryOp()));
  quantified->operand = build(context->aExpr(0));
  quantified->op = subquery_operator(context->subqueryOp());
  quantified->all = context->subType()->ALL() != nullptr;
  if (context->selectWithParens()) {
    quantified->query = queries_.select(context->selectWithParens());
  } else {
    quantified->array = build(context->aExpr(1));
  }
  return quantified;
}

ast::ExprPtr ExpressionBuilder::is_test(P::IsExprContext* context) {
  const int location = location_of(context->IS());
  const bool negated = context->NOT() != nullptr;
  if (context->NULL_P()) {
    auto test = std::make_unique<ast::IsNull>(location);
    test->operand = build(context->aExpr());
    test->negated = negated;
    return test;
  }
  auto test = std::make_unique<ast::IsBool>(location);
  test->operand = build(context->aExpr());
  test->negated = negated;
  if (context->TRUE_P()) {
    test->test = ast::IsBool::Test::True;
  } else if (context->FALSE_P()) {
    test->test = ast::IsBool::Test::False;
  } else {
    test->test = ast::IsBool::Test::Unknown;
  }
  return test;
}

ast::ExprPtr ExpressionBuilder::distinct_from(antlr4::ParserRuleContext* context, ast::ExprPtr left,
                                              ast::ExprPtr right) {
  auto test = std::make_unique<ast::IsBool>(location_of(context->getToken(P::IS, 0)));
  test->test = ast::IsBool::Test::DistinctFrom;
  test->operand = std::move(left);
  test->other = std::move(right);
  test->negated = context->getToken(P::NOT, 0) != nullptr;
  return test;
}

// ---- primaries ---------------------------------------------------------------------------

ast::ExprPtr ExpressionBuilder::build(P::CExprContext* context) {
  if (auto* c = dynamic_cast<P::ColumnRefExprContext*>(context)) return column_ref(c->columnRef());
  if (auto* c = dynamic_cast<P::ParamExprContext*>(context)) {
    return with_subscripts(param(c->PARAM()->getSymbol()), c->subscript());
  }
  if (auto* c = dynamic_cast<P::ParenExprContext*>(context)) {
    return with_subscripts(build(c->aExpr()), c->subscript());
  }
  if (auto* c = dynamic_cast<P::ConstantExprContext*>(context)) return constant(c->constant());
  if (auto* c = dynamic_cast<P::CaseExprAltContext*>(context)) return case_expr(c->caseExpr());
  if (auto* c = dynamic_cast<P::FuncExprAltContext*>(context)) {
    if (c->funcExpr()->funcApplication()) return function_call(c->funcExpr()->funcApplication());
    return special_function(c->funcExpr()->specialFunction());
  }
  if (auto* c = dynamic_cast<P::ScalarSubqueryExprContext*>(context)) {
    auto subquery = std::make_unique<ast::Subquery>(location_of(c));
    subquery->query = queries_.select(c->selectWithParens());
    return with_subscripts(std::move(subquery), c->subscript());
  }
  return build_constructor(context);
}

ast::ExprPtr ExpressionBuilder::build_constructor(P::CExprContext* context) {
  const int location = location_of(context);
  if (auto* c = dynamic_cast<P::ExistsExprContext*>(context)) {
    auto exists = std::make_unique<ast::Exists>(location);
    exists->query = queries_.select(c->selectWithParens());
    return exists;
  }
  if (auto* c = dynamic_cast<P::ArraySubqueryExprContext*>(context)) {
    auto array = std::make_unique<ast::Array>(location);
    array->query = queries_.select(c->selectWithParens());
    return array;
  }
  if (auto* c = dynamic_cast<P::ArrayExprContext*>(context)) return array_literal(c->arrayLiteral(), location);
  auto row = std::make_unique<ast::Row>(location);
  if (auto* c = dynamic_cast<P::ExplicitRowExprContext*>(context)) {
    if (c->exprList()) row->fields = build_list(c->exprList());
  } else {
    row->fields = build_each(static_cast<P::ImplicitRowExprContext*>(context)->aExpr());
  }
  return row;
}

ast::ExprPtr ExpressionBuilder::column_ref(P::ColumnRefContext* context) {
  const int location = location_of(context);
  std::vector<std::string> names = dotted_name(context->colId(), context->colLabel());
  if (context->STAR()) {
    auto star = std::make_unique<ast::Star>(location);
    star->table = names.back();
    return star;
  }
  auto ref = std::make_unique<ast::ColumnRef>(location);
  ref->names = std::move(names);
  return with_subscripts(std::move(ref), context->subscript());
}

ast::ExprPtr ExpressionBuilder::param(antlr4::Token* token) {
  const std::string text = token->getText();
  auto param = std::make_unique<ast::Param>(location_of(token));
  auto [end, error] = std::from_chars(text.data() + 1, text.data() + text.size(), param->number);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw syntax_error_at(*token, "parameter number too large");
  }
  return param;
}

ast::ExprPtr ExpressionBuilder::with_subscripts(ast::ExprPtr base,
                                                const std::vector<P::SubscriptContext*>& subscripts) {
  for (auto* subscript : subscripts) {
    auto node = std::make_unique<ast::Subscript>(base->location);
    node->base = std::move(base);
    if (auto* index = dynamic_cast<P::IndexSubscriptContext*>(subscript)) {
      node->index = build(index->aExpr());
    } else {
      auto* slice = static_cast<P::SliceSubscriptContext*>(subscript);
      node->slice = true;
      if (slice->lower) node->index = build(slice->lower);
      if (slice->upper) node->upper = build(slice->upper);
    }
    base = std::move(node);
  }
  return base;
}

ast::ExprPtr ExpressionBuilder::constant(P::ConstantContext* context) {
  const int location = location_of(context);
  if (is<P::IntegerConstantContext>(context)) return make_integer_literal(context->getText(), location);
  if (is<P::NumericConstantContext>(context)) return make_numeric_literal(context->getText(), location);
  if (auto* c = dynamic_cast<P::StringConstantContext*>(context)) return string_constant(c->sconst());
  if (is<P::NullConstantContext>(context)) return std::make_unique<ast::Literal>(location);
  if (auto* c = dynamic_cast<P::BooleanConstantContext*>(context)) {
    auto literal = std::make_unique<ast::Literal>(location);
    literal->literal_kind = ast::LiteralKind::Bool;
    literal->text = c->TRUE_P() ? "true" : "false";
    return literal;
  }
  // A typed literal: TYPE 'text' is a cast of the string to the type.
  auto cast = std::make_unique<ast::Cast>(location);
  if (auto* c = dynamic_cast<P::GenericTypedConstantContext*>(context)) {
    cast->type = generic_type_name(c->funcName());
    cast->operand = string_constant(c->sconst());
  } else {
    auto* keyword = static_cast<P::KeywordTypedConstantContext*>(context);
    cast->type = const_type_name(keyword->constTypeName());
    cast->operand = string_constant(keyword->sconst());
  }
  return cast;
}

ast::ExprPtr ExpressionBuilder::string_constant(P::SconstContext* context) {
  return make_string(decode_string_literal(*context->getStart()), location_of(context));
}

ast::ExprPtr ExpressionBuilder::case_expr(P::CaseExprContext* context) {
  auto node = std::make_unique<ast::Case>(location_of(context));
  if (context->arg) node->arg = build(context->arg);
  for (auto* when : context->caseWhen()) {
    node->whens.push_back(ast::CaseWhen{build(when->aExpr(0)), build(when->aExpr(1))});
  }
  if (context->ELSE()) node->else_result = build(context->aExpr().back());
  return node;
}

ast::ExprPtr ExpressionBuilder::array_literal(P::ArrayLiteralContext* context, int location) {
  auto array = std::make_unique<ast::Array>(location);
  array->elements = build_each(context->aExpr());
  for (auto* nested : context->arrayLiteral()) {
    array->elements.push_back(array_literal(nested, location_of(nested)));
  }
  return array;
}

// ---- function calls ----------------------------------------------------------------------

std::unique_ptr<ast::FuncCall> ExpressionBuilder::function_call(P::FuncApplicationContext* context) {
  auto* star = dynamic_cast<P::StarCallContext*>(context);
  auto* name = star ? star->funcName() : static_cast<P::ArgumentCallContext*>(context)->funcName();
  auto call = make_call(function_name(name), location_of(context));
  if (star) {
    call->star = true;
    return call;
  }
  auto* arguments = static_cast<P::ArgumentCallContext*>(context);
  if (arguments->funcArgList()) call->args = build_each(arguments->funcArgList()->aExpr());
  call->distinct = arguments->setQuantifier() && arguments->setQuantifier()->DISTINCT();
  return call;
}

ast::ExprPtr ExpressionBuilder::special_function(P::SpecialFunctionContext* context) {
  const int location = location_of(context);
  if (auto* c = dynamic_cast<P::CastFunctionContext*>(context)) {
    auto cast = std::make_unique<ast::Cast>(location);
    cast->operand = build(c->aExpr());
    cast->type = type_name(c->typeName());
    return cast;
  }
  if (auto* c = dynamic_cast<P::ExtractFunctionContext*>(context)) {
    P::ExtractFieldContext* field = c->extractField();
    std::string name = field->sconst() ? decode_string_literal(*field->getStart()) : fold_identifier(field->getText());
    return make_system_call("extract", location,
                            expr_vector(make_string(std::move(name), location_of(field)), build(c->aExpr())));
  }
  if (auto* c = dynamic_cast<P::PositionFunctionContext*>(context)) {
    ast::ExprPtr needle = build(c->bExpr(0));
    return make_system_call("position", location, expr_vector(build(c->bExpr(1)), std::move(needle)));
  }
  if (auto* c = dynamic_cast<P::TrimFunctionContext*>(context)) return trim_function(c);
  if (auto* c = dynamic_cast<P::ListFunctionContext*>(context)) {
    return make_call({fold_identifier(c->name->getText())}, location, build_list(c->exprList()));
  }
  if (auto* c = dynamic_cast<P::NullifFunctionContext*>(context)) {
    return make_call({"nullif"}, location, build_each(c->aExpr()));
  }
  if (is<P::SqlValueFunctionContext>(context) || is<P::SqlTimeFunctionContext>(context)) {
    return sql_value_function(context);
  }
  return substring_function(context);
}

// SUBSTRING(x FROM a FOR b) and its variants, argument order as gram.y's substr_list.
ast::ExprPtr ExpressionBuilder::substring_function(P::SpecialFunctionContext* context) {
  const int location = location_of(context);
  if (auto* c = dynamic_cast<P::SubstringPlainFunctionContext*>(context)) {
    std::vector<ast::ExprPtr> args;
    if (c->funcArgList()) args = build_each(c->funcArgList()->aExpr());
    return make_call({"substring"}, location, std::move(args));
  }
  if (auto* c = dynamic_cast<P::SubstringSimilarFunctionContext*>(context)) {
    return make_system_call("substring", location, build_each(c->aExpr()));
  }
  P::AExprContext* value = context->getRuleContext<P::AExprContext>(0);
  auto* from = context->getRuleContext<P::SubstringFromContext>(0);
  auto* length = context->getRuleContext<P::SubstringForContext>(0);
  std::vector<ast::ExprPtr> args = expr_vector(build(value));
  if (from) {
    args.push_back(build(from->aExpr()));
  } else {
    args.push_back(make_integer_literal("1", location));  // SUBSTRING(x FOR n) starts at 1
  }
  if (length) args.push_back(build(length->aExpr()));
  return make_system_call("substring", location, std::move(args));
}

// TRIM([BOTH|LEADING|TRAILING] [chars] FROM s) is btrim|ltrim|rtrim(s[, chars]).
ast::ExprPtr ExpressionBuilder::trim_function(P::TrimFunctionContext* context) {
  std::string name = "btrim";
  if (context->trimSide && context->trimSide->getType() == P::LEADING) name = "ltrim";
  if (context->trimSide && context->trimSide->getType() == P::TRAILING) name = "rtrim";
  P::TrimArgumentsContext* arguments = context->trimArguments();
  std::vector<ast::ExprPtr> args = build_list(arguments->exprList());
  if (arguments->trimmed) args.push_back(build(arguments->trimmed));
  return make_system_call(name, location_of(context), std::move(args));
}

ast::ExprPtr ExpressionBuilder::sql_value_function(P::SpecialFunctionContext* context) {
  const int location = location_of(context);
  auto call = make_call({fold_identifier(context->getStart()->getText())}, location);
  if (auto* time = dynamic_cast<P::SqlTimeFunctionContext*>(context); time && time->ICONST()) {
    call->args.push_back(make_integer_literal(time->ICONST()->getText(), location_of(time->ICONST())));
  }
  return call;
}

}  // namespace chalkdb
