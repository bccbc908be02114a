#include "sql/parser/expression_alternative.h"

#include <typeindex>
#include <unordered_map>

#include "ChalkSqlParser.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;
using A = ExpressionAlternative;

using AlternativeTable = std::unordered_map<std::type_index, ExpressionAlternative>;

void add_operator_alternatives(AlternativeTable& table) {
  table.emplace(typeid(P::PrimaryExprContext), A::Primary);
  table.emplace(typeid(P::TypecastExprContext), A::Typecast);
  table.emplace(typeid(P::UnarySignExprContext), A::UnarySign);
  table.emplace(typeid(P::CollateExprContext), A::Collate);
  table.emplace(typeid(P::AtTimeZoneExprContext), A::AtTimeZone);
  table.emplace(typeid(P::PowerExprContext), A::Power);
  table.emplace(typeid(P::MultiplicativeExprContext), A::Multiplicative);
  table.emplace(typeid(P::AdditiveExprContext), A::Additive);
  table.emplace(typeid(P::OtherOpExprContext), A::OtherOp);
  table.emplace(typeid(P::PrefixOpExprContext), A::PrefixOp);
  table.emplace(typeid(P::QuantifiedExprContext), A::Quantified);
  table.emplace(typeid(P::LikeEscapeExprContext), A::LikeEscape);
  table.emplace(typeid(P::LikeExprContext), A::Like);
  table.emplace(typeid(P::SimilarEscapeExprContext), A::SimilarEscape);
  table.emplace(typeid(P::SimilarExprContext), A::Similar);
  table.emplace(typeid(P::BetweenExprContext), A::Between);
  table.emplace(typeid(P::BetweenAsymmetricExprContext), A::BetweenAsymmetric);
  table.emplace(typeid(P::InExprContext), A::In);
  table.emplace(typeid(P::ComparisonExprContext), A::Comparison);
  table.emplace(typeid(P::IsExprContext), A::Is);
  table.emplace(typeid(P::IsDistinctExprContext), A::IsDistinct);
  table.emplace(typeid(P::NullTestExprContext), A::NullTest);
  table.emplace(typeid(P::NotExprContext), A::Not);
  table.emplace(typeid(P::AndExprContext), A::And);
  table.emplace(typeid(P::OrExprContext), A::Or);
  table.emplace(typeid(P::PrimaryBExprContext), A::Primary);
  table.emplace(typeid(P::TypecastBExprContext), A::Typecast);
  table.emplace(typeid(P::UnarySignBExprContext), A::UnarySign);
  table.emplace(typeid(P::PowerBExprContext), A::Power);
  table.emplace(typeid(P::MultiplicativeBExprContext), A::Multiplicative);
  table.emplace(typeid(P::AdditiveBExprContext), A::Additive);
  table.emplace(typeid(P::OtherOpBExprContext), A::OtherOp);
  table.emplace(typeid(P::PrefixOpBExprContext), A::PrefixOp);
  table.emplace(typeid(P::ComparisonBExprContext), A::Comparison);
  table.emplace(typeid(P::IsDistinctBExprContext), A::IsDistinct);
}

void add_primary_alternatives(AlternativeTable& table) {
  table.emplace(typeid(P::ColumnRefExprContext), A::ColumnRef);
  table.emplace(typeid(P::ParamExprContext), A::Param);
  table.emplace(typeid(P::ParenExprContext), A::Paren);
  table.emplace(typeid(P::ConstantExprContext), A::Constant);
  table.emplace(typeid(P::CaseExprAltContext), A::Case);
  table.emplace(typeid(P::FuncExprAltContext), A::Function);
  table.emplace(typeid(P::ScalarSubqueryExprContext), A::ScalarSubquery);
  table.emplace(typeid(P::ExistsExprContext), A::Exists);
  table.emplace(typeid(P::ArraySubqueryExprContext), A::ArraySubquery);
  table.emplace(typeid(P::ArrayExprContext), A::Array);
  table.emplace(typeid(P::ExplicitRowExprContext), A::ExplicitRow);
  table.emplace(typeid(P::ImplicitRowExprContext), A::ImplicitRow);
  table.emplace(typeid(P::IntegerConstantContext), A::IntegerConstant);
  table.emplace(typeid(P::NumericConstantContext), A::NumericConstant);
  table.emplace(typeid(P::StringConstantContext), A::StringConstant);
  table.emplace(typeid(P::BooleanConstantContext), A::BooleanConstant);
  table.emplace(typeid(P::NullConstantContext), A::NullConstant);
  table.emplace(typeid(P::GenericTypedConstantContext), A::GenericTypedConstant);
  table.emplace(typeid(P::KeywordTypedConstantContext), A::KeywordTypedConstant);
}

void add_function_alternatives(AlternativeTable& table) {
  table.emplace(typeid(P::CastFunctionContext), A::CastFunction);
  table.emplace(typeid(P::ExtractFunctionContext), A::ExtractFunction);
  table.emplace(typeid(P::PositionFunctionContext), A::PositionFunction);
  table.emplace(typeid(P::SubstringFromFunctionContext), A::SubstringFromFunction);
  table.emplace(typeid(P::SubstringForFunctionContext), A::SubstringForFunction);
  table.emplace(typeid(P::SubstringSimilarFunctionContext), A::SubstringSimilarFunction);
  table.emplace(typeid(P::SubstringPlainFunctionContext), A::SubstringPlainFunction);
  table.emplace(typeid(P::TrimFunctionContext), A::TrimFunction);
  table.emplace(typeid(P::ListFunctionContext), A::ListFunction);
  table.emplace(typeid(P::NullifFunctionContext), A::NullifFunction);
  table.emplace(typeid(P::GroupingFunctionContext), A::GroupingFunction);
  table.emplace(typeid(P::SqlValueFunctionContext), A::SqlValueFunction);
  table.emplace(typeid(P::SqlTimeFunctionContext), A::SqlTimeFunction);
}

const AlternativeTable& alternatives() {
  static const AlternativeTable table = [] {
    AlternativeTable built;
    add_operator_alternatives(built);
    add_primary_alternatives(built);
    add_function_alternatives(built);
    return built;
  }();
  return table;
}

}  // namespace

ExpressionAlternative alternative_of(const antlr4::ParserRuleContext& context) {
  const auto found = alternatives().find(typeid(context));
  if (found == alternatives().end()) {
    throw SqlError(sqlstate::kInternalError, "unexpected expression parse tree node");
  }
  return found->second;
}

}  // namespace chalkdb
