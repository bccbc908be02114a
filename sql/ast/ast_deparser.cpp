#include "sql/ast/ast_deparser.h"

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

std::string function_text(const ast::FuncCall& call) {
  if (call.star) return fmt::format("{}(*)", fmt::join(call.name, "."));
  std::vector<std::string> args;
  for (const auto& arg : call.args) args.push_back(deparse_ast(*arg));
  return fmt::format("{}({}{})", fmt::join(call.name, "."), call.distinct ? "DISTINCT " : "",
                     fmt::join(args, ", "));
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
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this kind of expression cannot be stored yet")
          .with_position(expr.location + 1);
  }
}

}  // namespace chalkdb
