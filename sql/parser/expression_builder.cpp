#include "sql/parser/expression_builder.h"

#include <charconv>

#include "sql/error/sql_error.h"
#include "sql/parser/expression_alternative.h"
#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/numeric_literal.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/query_builder.h"
#include "sql/parser/stack_depth.h"
#include "sql/parser/string_literal.h"
#include "sql/parser/syntax_error.h"
#include "sql/parser/type_name_builder.h"
#include "sql/parser/window_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;
using A = ExpressionAlternative;

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
  return context->NOT_LA() ? "!" + like : like;
}

bool is_chained_operator(ExpressionAlternative alternative) {
  switch (alternative) {
    case A::Power:
    case A::Multiplicative:
    case A::Additive:
    case A::OtherOp:
    case A::And:
    case A::Or: return true;
    default: return false;
  }
}

bool is_operand(antlr4::tree::ParseTree* tree) {
  auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(tree);
  return rule != nullptr && (rule->getRuleIndex() == P::RuleAExpr || rule->getRuleIndex() == P::RuleBExpr);
}

// The i-th aExpr/bExpr child of an operator node.
antlr4::ParserRuleContext* operand(antlr4::ParserRuleContext* context, size_t i) {
  for (antlr4::tree::ParseTree* child : context->children) {
    if (is_operand(child) && i-- == 0) return static_cast<antlr4::ParserRuleContext*>(child);
  }
  return nullptr;
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

ast::ExprPtr ExpressionBuilder::build(P::AExprContext* context) { return build_node(context); }

ast::ExprPtr ExpressionBuilder::build(P::BExprContext* context) { return build_node(context); }

ast::ExprPtr ExpressionBuilder::build(P::CExprContext* context) { return build_node(context); }

std::vector<ast::ExprPtr> ExpressionBuilder::build_list(P::ExprListContext* context) {
  return build_each(context->aExpr());
}

std::vector<ast::ExprPtr> ExpressionBuilder::build_each(const std::vector<P::AExprContext*>& contexts) {
  std::vector<ast::ExprPtr> list;
  list.reserve(contexts.size());
  for (auto* context : contexts) list.push_back(build(context));
  return list;
}

ast::ExprPtr ExpressionBuilder::build_node(antlr4::ParserRuleContext* context) {
  StackDepth::check();
  const ExpressionAlternative alternative = alternative_of(*context);
  if (is_chained_operator(alternative)) return operator_chain(context);
  switch (alternative) {
    case A::Primary: return build_node(context->getRuleContext<P::CExprContext>(0));
    case A::Typecast:
      return typecast(context->getToken(P::TYPECAST, 0), build_node(operand(context, 0)),
                      context->getRuleContext<P::TypeNameContext>(0));
    case A::UnarySign: return unary_sign(context->getStart(), build_node(operand(context, 0)));
    case A::Comparison: {
      const antlr4::Token* op = child_start(context, 1);
      return make_binary(operator_symbol(op), location_of(op), build_node(operand(context, 0)),
                         build_node(operand(context, 1)));
    }
    case A::PrefixOp:
      return make_unary(qualified_operator(context->getRuleContext<P::QualOpContext>(0)), location_of(context),
                        build_node(operand(context, 0)));
    case A::Not: return make_unary("NOT", location_of(context), build_node(operand(context, 0)));
    case A::IsDistinct:
      return distinct_from(context, build_node(operand(context, 0)), build_node(operand(context, 1)));
    default: return build_special_operator(context, alternative);
  }
}

// The aExpr-only alternatives, and the cExpr alternatives.
ast::ExprPtr ExpressionBuilder::build_special_operator(antlr4::ParserRuleContext* context,
                                                       ExpressionAlternative alternative) {
  switch (alternative) {
    case A::Collate: {
      auto* c = static_cast<P::CollateExprContext*>(context);
      auto collate = std::make_unique<ast::Collate>(location_of(c->COLLATE()));
      collate->operand = build(c->aExpr());
      collate->collation = dotted_name(c->anyName()->colId(), c->anyName()->colLabel());
      return collate;
    }
    case A::AtTimeZone: {
      ast::ExprPtr value = build_node(operand(context, 0));
      return make_system_call("timezone", location_of(child_start(context, 1)),
                              expr_vector(build_node(operand(context, 1)), std::move(value)));
    }
    case A::Like:
    case A::LikeEscape: return like(context);
    case A::Similar:
    case A::SimilarEscape: return similar(context);
    case A::Between:
    case A::BetweenAsymmetric: return between(context, alternative == A::Between);
    case A::In: return in(static_cast<P::InExprContext*>(context));
    case A::Quantified: return quantified(static_cast<P::QuantifiedExprContext*>(context));
    case A::Is: return is_test(static_cast<P::IsExprContext*>(context));
    case A::NullTest: {
      auto test = std::make_unique<ast::IsNull>(location_of(child_start(context, 1)));
      test->operand = build_node(operand(context, 0));
      test->negated = context->getToken(P::NOTNULL, 0) != nullptr;
      return test;
    }
    default: return build_primary(context, alternative);
  }
}

// ---- operators ---------------------------------------------------------------------------

// A left-associative chain (a + b + c ..., x OR y OR z ...) is a left-deep tree; it is walked
// iteratively so that a WHERE clause with thousands of ORs does not recurse per operator.
// Longer chains are refused: whatever walks the tree later recurses once per operator
// (PostgreSQL itself runs out of stack on 10000 additions).
ast::ExprPtr ExpressionBuilder::operator_chain(antlr4::ParserRuleContext* context) {
  constexpr size_t kMaxChain = 10000;
  std::vector<antlr4::ParserRuleContext*> chain;
  antlr4::ParserRuleContext* leftmost = context;
  while (is_chained_operator(alternative_of(*leftmost))) {
    if (chain.size() == kMaxChain) throw StackDepth::Exceeded();
    chain.push_back(leftmost);
    leftmost = operand(leftmost, 0);
  }
  ast::ExprPtr result = build_node(leftmost);
  for (auto link = chain.rbegin(); link != chain.rend(); ++link) {
    auto* qualified = (*link)->getRuleContext<P::QualOpContext>(0);
    const antlr4::Token* op = qualified ? qualified->getStart() : child_start(*link, 1);
    std::string name = qualified ? qualified_operator(qualified) : binary_operator_name(op);
    result = make_binary(std::move(name), location_of(op), std::move(result), build_node(operand(*link, 1)));
  }
  return result;
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

ast::ExprPtr ExpressionBuilder::like(antlr4::ParserRuleContext* context) {
  auto like = std::make_unique<ast::Like>(location_of(child_start(context, 1)));
  like->operand = build_node(operand(context, 0));
  like->pattern = build_node(operand(context, 1));
  if (antlr4::ParserRuleContext* escape = operand(context, 2)) like->escape = build_node(escape);
  like->negated = context->getToken(P::NOT_LA, 0) != nullptr;
  like->case_insensitive = context->getToken(P::ILIKE, 0) != nullptr;
  return like;
}

// x SIMILAR TO p [ESCAPE e] is x ~ similar_to_escape(p[, e]), as gram.y rewrites it.
ast::ExprPtr ExpressionBuilder::similar(antlr4::ParserRuleContext* context) {
  const int location = location_of(child_start(context, 1));
  ast::ExprPtr value = build_node(operand(context, 0));
  std::vector<ast::ExprPtr> args = expr_vector(build_node(operand(context, 1)));
  if (antlr4::ParserRuleContext* escape = operand(context, 2)) args.push_back(build_node(escape));
  const bool negated = context->getToken(P::NOT_LA, 0) != nullptr;
  return make_binary(negated ? "!~" : "~", location, std::move(value),
                     make_system_call("similar_to_escape", location, std::move(args)));
}

ast::ExprPtr ExpressionBuilder::between(antlr4::ParserRuleContext* context, bool may_be_symmetric) {
  auto between = std::make_unique<ast::Between>(location_of(child_start(context, 1)));
  between->operand = build_node(operand(context, 0));
  between->low = build_node(operand(context, 1));
  between->high = build_node(operand(context, 2));
  between->negated = context->getToken(P::NOT_LA, 0) != nullptr;
  between->symmetric = may_be_symmetric && context->getToken(P::SYMMETRIC, 0) != nullptr;
  return between;
}

ast::ExprPtr ExpressionBuilder::in(P::InExprContext* context) {
  const int location = location_of(child_start(context, 1));
  if (context->selectWithParens()) {
    auto in = std::make_unique<ast::InSubquery>(location);
    in->operand = build(context->aExpr());
    in->query = queries_.select(context->selectWithParens());
    in->negated = context->NOT_LA() != nullptr;
    return in;
  }
  auto in = std::make_unique<ast::InList>(location);
  in->operand = build(context->aExpr());
  in->list = build_list(context->exprList());
  in->negated = context->NOT_LA() != nullptr;
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

ast::ExprPtr ExpressionBuilder::build_primary(antlr4::ParserRuleContext* context, ExpressionAlternative alternative) {
  switch (alternative) {
    case A::ColumnRef: return column_ref(static_cast<P::ColumnRefExprContext*>(context)->columnRef());
    case A::Param: {
      auto* c = static_cast<P::ParamExprContext*>(context);
      return with_subscripts(param(c->PARAM()->getSymbol()), c->subscript());
    }
    case A::Paren: {
      auto* c = static_cast<P::ParenExprContext*>(context);
      return with_subscripts(build(c->aExpr()), c->subscript());
    }
    case A::Constant: return build_node(static_cast<P::ConstantExprContext*>(context)->constant());
    case A::Case: return case_expr(static_cast<P::CaseExprAltContext*>(context)->caseExpr());
    case A::Function: {
      P::FuncExprContext* function = static_cast<P::FuncExprAltContext*>(context)->funcExpr();
      if (function->funcApplication()) return window_or_filtered_call(function);
      return build_node(function->specialFunction());
    }
    case A::ScalarSubquery: {
      auto* c = static_cast<P::ScalarSubqueryExprContext*>(context);
      auto subquery = std::make_unique<ast::Subquery>(location_of(c));
      subquery->query = queries_.select(c->selectWithParens());
      return with_subscripts(std::move(subquery), c->subscript());
    }
    default: return build_constructor(context, alternative);
  }
}

ast::ExprPtr ExpressionBuilder::build_constructor(antlr4::ParserRuleContext* context,
                                                  ExpressionAlternative alternative) {
  const int location = location_of(context);
  switch (alternative) {
    case A::Exists: {
      auto exists = std::make_unique<ast::Exists>(location);
      exists->query = queries_.select(static_cast<P::ExistsExprContext*>(context)->selectWithParens());
      return exists;
    }
    case A::ArraySubquery: {
      auto array = std::make_unique<ast::Array>(location);
      array->query = queries_.select(static_cast<P::ArraySubqueryExprContext*>(context)->selectWithParens());
      return array;
    }
    case A::Array: return array_literal(static_cast<P::ArrayExprContext*>(context)->arrayLiteral(), location);
    case A::ExplicitRow: {
      auto row = std::make_unique<ast::Row>(location);
      auto* list = static_cast<P::ExplicitRowExprContext*>(context)->exprList();
      if (list) row->fields = build_list(list);
      return row;
    }
    case A::ImplicitRow: {
      auto row = std::make_unique<ast::Row>(location);
      row->fields = build_each(static_cast<P::ImplicitRowExprContext*>(context)->aExpr());
      return row;
    }
    default: return constant(context, alternative);
  }
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

ast::ExprPtr ExpressionBuilder::constant(antlr4::ParserRuleContext* context, ExpressionAlternative alternative) {
  const int location = location_of(context);
  switch (alternative) {
    case A::IntegerConstant: return make_integer_literal(context->getText(), location);
    case A::NumericConstant: return make_numeric_literal(context->getText(), location);
    case A::StringConstant: return string_constant(context->getRuleContext<P::SconstContext>(0));
    case A::NullConstant: return std::make_unique<ast::Literal>(location);
    case A::BooleanConstant: {
      auto literal = std::make_unique<ast::Literal>(location);
      literal->literal_kind = ast::LiteralKind::Bool;
      literal->text = context->getToken(P::TRUE_P, 0) ? "true" : "false";
      return literal;
    }
    case A::GenericTypedConstant:
    case A::KeywordTypedConstant: {
      // TYPE 'text' is a cast of the string to the type.
      auto cast = std::make_unique<ast::Cast>(location);
      auto* generic = context->getRuleContext<P::FuncNameContext>(0);
      cast->type = generic ? generic_type_name(generic) : const_type_name(context->getRuleContext<P::ConstTypeNameContext>(0));
      cast->operand = string_constant(context->getRuleContext<P::SconstContext>(0));
      return cast;
    }
    default: return special_function(context, alternative);
  }
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
  if (arguments->sortClause()) call->order_by = queries_.order_items(arguments->sortClause());
  return call;
}

// f(...) FILTER (WHERE ...) OVER ...
ast::ExprPtr ExpressionBuilder::window_or_filtered_call(P::FuncExprContext* context) {
  auto call = function_call(context->funcApplication());
  if (auto* filter = context->filterClause()) call->filter = build(filter->aExpr());
  if (auto* over = context->overClause()) {
    if (over->windowSpecification()) {
      call->over = std::make_unique<ast::WindowSpec>(
          build_window_spec(queries_, over->windowSpecification()));
    } else {
      call->over = std::make_unique<ast::WindowSpec>();
      call->over->name = identifier_name(over->colId());
      call->over->location = location_of(over->colId());
    }
  }
  return call;
}

ast::ExprPtr ExpressionBuilder::special_function(antlr4::ParserRuleContext* context,
                                                 ExpressionAlternative alternative) {
  const int location = location_of(context);
  switch (alternative) {
    case A::CastFunction: {
      auto cast = std::make_unique<ast::Cast>(location);
      cast->operand = build_node(operand(context, 0));
      cast->type = type_name(context->getRuleContext<P::TypeNameContext>(0));
      return cast;
    }
    case A::ExtractFunction: {
      P::ExtractFieldContext* field = static_cast<P::ExtractFunctionContext*>(context)->extractField();
      std::string name =
          field->sconst() ? decode_string_literal(*field->getStart()) : fold_identifier(field->getText());
      return make_system_call("extract", location,
                              expr_vector(make_string(std::move(name), location_of(field)),
                                          build_node(operand(context, 0))));
    }
    case A::PositionFunction: {
      ast::ExprPtr needle = build_node(operand(context, 0));
      return make_system_call("position", location, expr_vector(build_node(operand(context, 1)), std::move(needle)));
    }
    case A::TrimFunction: return trim_function(static_cast<P::TrimFunctionContext*>(context));
    case A::ListFunction: {
      auto* list = static_cast<P::ListFunctionContext*>(context);
      return make_call({fold_identifier(list->name->getText())}, location, build_list(list->exprList()));
    }
    case A::NullifFunction:
      return make_call({"nullif"}, location, build_each(static_cast<P::NullifFunctionContext*>(context)->aExpr()));
    case A::GroupingFunction:
      return make_call({"grouping"}, location,
                       build_list(static_cast<P::GroupingFunctionContext*>(context)->exprList()));
    case A::SqlValueFunction:
    case A::SqlTimeFunction: return sql_value_function(context);
    default: return substring_function(context, alternative);
  }
}

// SUBSTRING(x FROM a FOR b) and its variants, argument order as gram.y's substr_list.
ast::ExprPtr ExpressionBuilder::substring_function(antlr4::ParserRuleContext* context,
                                                   ExpressionAlternative alternative) {
  const int location = location_of(context);
  if (alternative == A::SubstringPlainFunction) {
    std::vector<ast::ExprPtr> args;
    auto* list = context->getRuleContext<P::FuncArgListContext>(0);
    if (list) args = build_each(list->aExpr());
    return make_call({"substring"}, location, std::move(args));
  }
  if (alternative == A::SubstringSimilarFunction) {
    return make_system_call("substring", location, build_each(static_cast<P::SubstringSimilarFunctionContext*>(context)->aExpr()));
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

ast::ExprPtr ExpressionBuilder::sql_value_function(antlr4::ParserRuleContext* context) {
  const int location = location_of(context);
  auto call = make_call({fold_identifier(context->getStart()->getText())}, location);
  if (antlr4::tree::TerminalNode* precision = context->getToken(P::ICONST, 0)) {
    call->args.push_back(make_integer_literal(precision->getText(), location_of(precision)));
  }
  return call;
}

}  // namespace chalkdb
