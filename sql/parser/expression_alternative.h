// ExpressionAlternative: which alternative of the expression rules (aExpr, bExpr, cExpr,
// constant, specialFunction) a parse-tree node is.
//
// ANTLR gives every labelled alternative its own context class. Finding it with a chain of
// dynamic_casts is slow (libstdc++ compares type names with strcmp on every failed cast), so
// the class is looked up once in a table instead. aExpr and bExpr alternatives of the same
// shape share a value, so both rules are built by the same code.
#pragma once

#include "antlr4-runtime.h"

namespace chalkdb {

enum class ExpressionAlternative {
  // aExpr and bExpr
  Primary, Typecast, UnarySign, Collate, AtTimeZone, Power, Multiplicative, Additive, OtherOp,
  PrefixOp, Quantified, LikeEscape, Like, SimilarEscape, Similar, Between, BetweenAsymmetric,
  In, Comparison, Is, IsDistinct, NullTest, Not, And, Or,
  // cExpr
  ColumnRef, Param, Paren, Constant, Case, Function, ScalarSubquery, Exists, ArraySubquery,
  Array, ExplicitRow, ImplicitRow,
  // constant
  IntegerConstant, NumericConstant, StringConstant, BooleanConstant, NullConstant,
  GenericTypedConstant, KeywordTypedConstant,
  // specialFunction
  CastFunction, ExtractFunction, PositionFunction, SubstringFromFunction, SubstringForFunction,
  SubstringSimilarFunction, SubstringPlainFunction, TrimFunction, ListFunction, NullifFunction,
  GroupingFunction, SqlValueFunction, SqlTimeFunction,
};

ExpressionAlternative alternative_of(const antlr4::ParserRuleContext& context);

}  // namespace chalkdb
