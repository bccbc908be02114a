#include "sql/ast/ast_deparser.h"

#include <set>

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

std::string type_text(const ast::TypeName& type) {
  std::string text = type.name;
  if (!type.modifiers.empty()) text += fmt::format("({})", fmt::join(type.modifiers, ","));
  if (type.is_array) text += "[]";
  return text;
}

std::string literal_text(const ast::Literal& literal) {
  switch (literal.literal_kind) {
    case ast::LiteralKind::String: return quote_sql_literal(literal.text);
    case ast::LiteralKind::Null: return "NULL";
    default: return literal.text;
  }
}

std::string deparse_list(const std::vector<ast::ExprPtr>& items) {
  std::vector<std::string> texts;
  for (const auto& item : items) texts.push_back(deparse_ast(*item));
  return fmt::format("{}", fmt::join(texts, ", "));
}

// CURRENT_DATE, CURRENT_USER, ... arrive as argument-less calls named after the keyword, and
// CURRENT_TIMESTAMP(p) with the precision as its one argument; the grammar accepts them only
// as keywords, never as "current_date()".
bool is_sql_value_function(const ast::FuncCall& call) {
  static const std::set<std::string> kKeywords = {
      "current_date", "current_role", "current_user", "session_user", "user", "current_catalog",
      "current_schema", "current_time", "current_timestamp", "localtime", "localtimestamp"};
  return call.name.size() == 1 && kKeywords.contains(call.name[0]) && !call.star &&
         !call.distinct && call.order_by.empty() && !call.filter && !call.over;
}

std::string function_text(const ast::FuncCall& call) {
  if (is_sql_value_function(call)) {
    if (call.args.empty()) return call.name[0];
    return fmt::format("{}({})", call.name[0], deparse_ast(*call.args.at(0)));
  }
  if (call.star) return fmt::format("{}(*)", fmt::join(call.name, "."));
  return fmt::format("{}({}{})", fmt::join(call.name, "."), call.distinct ? "DISTINCT " : "",
                     deparse_list(call.args));
}

std::string like_text(const ast::Like& like) {
  std::string text = fmt::format("({} {}{} {}", deparse_ast(*like.operand), like.negated ? "NOT " : "",
                                 like.case_insensitive ? "ILIKE" : "LIKE", deparse_ast(*like.pattern));
  if (like.escape) text += fmt::format(" ESCAPE {}", deparse_ast(*like.escape));
  return text + ")";
}

std::string in_list_text(const ast::InList& in) {
  return fmt::format("({} {}IN ({}))", deparse_ast(*in.operand), in.negated ? "NOT " : "",
                     deparse_list(in.list));
}

std::string between_text(const ast::Between& between) {
  return fmt::format("({} {}BETWEEN {}{} AND {})", deparse_ast(*between.operand),
                     between.negated ? "NOT " : "", between.symmetric ? "SYMMETRIC " : "",
                     deparse_ast(*between.low), deparse_ast(*between.high));
}

std::string is_bool_text(const ast::IsBool& test) {
  const char* negation = test.negated ? "NOT " : "";
  switch (test.test) {
    case ast::IsBool::Test::True: return fmt::format("({} IS {}TRUE)", deparse_ast(*test.operand), negation);
    case ast::IsBool::Test::False: return fmt::format("({} IS {}FALSE)", deparse_ast(*test.operand), negation);
    case ast::IsBool::Test::Unknown:
      return fmt::format("({} IS {}UNKNOWN)", deparse_ast(*test.operand), negation);
    case ast::IsBool::Test::DistinctFrom:
      return fmt::format("({} IS {}DISTINCT FROM {})", deparse_ast(*test.operand), negation,
                         deparse_ast(*test.other));
  }
  return {};
}

std::string case_text(const ast::Case& expr) {
  std::string text = "CASE";
  if (expr.arg) text += fmt::format(" {}", deparse_ast(*expr.arg));
  for (const auto& when : expr.whens) {
    text += fmt::format(" WHEN {} THEN {}", deparse_ast(*when.condition), deparse_ast(*when.result));
  }
  if (expr.else_result) text += fmt::format(" ELSE {}", deparse_ast(*expr.else_result));
  return text + " END";
}

}  // namespace

std::string quote_sql_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string deparse_ast(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Literal:
      return literal_text(static_cast<const ast::Literal&>(expr));
    case ast::ExprKind::ColumnRef:
      return fmt::format("{}", fmt::join(static_cast<const ast::ColumnRef&>(expr).names, "."));
    case ast::ExprKind::Unary: {
      const auto& unary = static_cast<const ast::Unary&>(expr);
      return fmt::format("({} {})", unary.op, deparse_ast(*unary.operand));
    }
    case ast::ExprKind::Binary: {
      const auto& binary = static_cast<const ast::Binary&>(expr);
      return fmt::format("({} {} {})", deparse_ast(*binary.left), binary.op, deparse_ast(*binary.right));
    }
    case ast::ExprKind::FuncCall:
      return function_text(static_cast<const ast::FuncCall&>(expr));
    case ast::ExprKind::Cast: {
      const auto& cast = static_cast<const ast::Cast&>(expr);
      return fmt::format("({})::{}", deparse_ast(*cast.operand), type_text(cast.type));
    }
    case ast::ExprKind::IsNull: {
      const auto& is_null = static_cast<const ast::IsNull&>(expr);
      return fmt::format("({} IS {}NULL)", deparse_ast(*is_null.operand), is_null.negated ? "NOT " : "");
    }
    case ast::ExprKind::IsBool:
      return is_bool_text(static_cast<const ast::IsBool&>(expr));
    case ast::ExprKind::Between:
      return between_text(static_cast<const ast::Between&>(expr));
    case ast::ExprKind::InList:
      return in_list_text(static_cast<const ast::InList&>(expr));
    case ast::ExprKind::Like:
      return like_text(static_cast<const ast::Like&>(expr));
    case ast::ExprKind::Case:
      return case_text(static_cast<const ast::Case&>(expr));
    case ast::ExprKind::Row:
      return fmt::format("ROW({})", deparse_list(static_cast<const ast::Row&>(expr).fields));
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this kind of expression cannot be stored yet")
          .with_position(expr.location + 1);
  }
}

}  // namespace chalkdb
