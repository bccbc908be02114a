#include "planner/rule_deparser.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "planner/expression_deparser.h"
#include "sql/ast/ast_deparser.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

bool is_binary_operator(const BoundExpr& e) { return e.kind == BoundExprKind::Operator && e.args.size() == 2; }

// A constant the binder computed from an expression of constants (a cast, an operator) prints
// as that expression: its argument.
bool is_folded(const BoundExpr& e) { return e.kind == BoundExprKind::Constant && !e.args.empty(); }

bool is_implicit_cast(const BoundExpr& e) {
  return e.kind == BoundExprKind::Cast && e.cast_context != CastContext::Explicit;
}

class RuleDeparser {
 public:
  explicit RuleDeparser(bool pretty) : pretty_(pretty) {}

  // get_rule_expr
  std::string expr(const BoundExpr& e, bool show_implicit) {
    switch (e.kind) {
      case BoundExprKind::Constant:
        return is_folded(e) ? expr(*e.args[0], show_implicit) : constant(e, 0);
      case BoundExprKind::Column:
        return e.name;
      case BoundExprKind::Cast:
        return cast(e, show_implicit);
      case BoundExprKind::Operator:
        if (e.args.size() == 2) {
          return open() + paren(*e.args[0], true, e) + " " + e.name + " " + paren(*e.args[1], true, e) + close();
        }
        break;
      case BoundExprKind::Unary:
        return open() + e.name + " " + paren(*e.args[0], true, e) + close();
      case BoundExprKind::Function:
      case BoundExprKind::EngineCall:
        return e.name + "(" + list(e, 0, true) + ")";
      case BoundExprKind::And:
      case BoundExprKind::Or:
        return open() + logic(e, e.kind == BoundExprKind::And ? " AND " : " OR ") + close();
      case BoundExprKind::Not:
        return open() + "NOT " + paren(*e.args[0], false, e) + close();
      case BoundExprKind::IsNull:
        return open() + paren(*e.args[0], true, e) + (e.negated ? " IS NOT NULL" : " IS NULL") + close();
      case BoundExprKind::IsDistinct:
        return open() + paren(*e.args[0], true, e) + (e.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") +
               paren(*e.args[1], true, e) + close();
      case BoundExprKind::InList:
        return open() + paren(*e.args[0], true, e) + (e.negated ? " <> ALL (ARRAY[" : " = ANY (ARRAY[") +
               list(e, 1, true) + "])" + close();
      case BoundExprKind::ArrayAny:
        return open() + paren(*e.args[0], true, e) + " " + e.name + " (" + paren(*e.args[1], true, e) + ")" + close();
      case BoundExprKind::ArrayBuild:
        return "ARRAY[" + list(e, 0, true) + "]";
      case BoundExprKind::Coalesce:
        return "COALESCE(" + list(e, 0, true) + ")";
      case BoundExprKind::Case:
        return case_expr(e);
      case BoundExprKind::NextVal:
        return fmt::format("nextval('{}'::regclass)", e.name);
      default:
        break;
    }
    return deparse_expression(e, DeparseContext{});
  }

 private:
  std::string open() const { return pretty_ ? "" : "("; }
  std::string close() const { return pretty_ ? "" : ")"; }

  // get_rule_expr_paren: parentheses in pretty mode unless the node is simple under its parent.
  std::string paren(const BoundExpr& e, bool show_implicit, const BoundExpr& parent) {
    bool need = pretty_ && !simple(e, parent);
    std::string text = expr(e, show_implicit);
    return need ? fmt::format("({})", text) : text;
  }

  std::string list(const BoundExpr& e, size_t from, bool show_implicit) {
    std::string out;
    for (size_t i = from; i < e.args.size(); ++i) {
      if (i > from) out += ", ";
      out += expr(*e.args[i], show_implicit);
    }
    return out;
  }

  std::string logic(const BoundExpr& e, const char* op) {
    std::string out;
    for (size_t i = 0; i < e.args.size(); ++i) {
      if (i) out += op;
      out += paren(*e.args[i], false, e);
    }
    return out;
  }

  std::string case_expr(const BoundExpr& e) {
    std::string out = "CASE";
    size_t pairs = (e.args.size() - (e.has_else ? 1 : 0)) / 2;
    for (size_t i = 0; i < pairs; ++i)
      out += " WHEN " + expr(*e.args[2 * i], false) + " THEN " + expr(*e.args[2 * i + 1], true);
    if (e.has_else) out += " ELSE " + expr(*e.args.back(), true);
    return out + " END";
  }

  // get_func_expr / get_coercion_expr for casts.
  std::string cast(const BoundExpr& e, bool show_implicit) {
    const BoundExpr& arg = *e.args[0];
    if (is_implicit_cast(e) && !show_implicit) return paren(arg, false, e);
    std::string type = format_type_with_typmod(e.type);
    if (arg.kind == BoundExprKind::Constant && !is_folded(arg) && arg.type.id == e.type.id)
      return constant(arg, -1) + "::" + type;
    std::string text = pretty_ ? paren(arg, false, e) : fmt::format("({})", expr(arg, false));
    return text + "::" + type;
  }

  // get_const_expr; show_type -1 never labels, 0 labels where the text alone would not
  // read back as the same type.
  std::string constant(const BoundExpr& e, int show_type) {
    DataType type{e.type.id, -1};
    if (e.constant.is_null()) return show_type >= 0 ? "NULL::" + format_type_with_typmod(type) : "NULL";
    std::string text = format_value(e.constant);
    bool need_label = false;
    std::string out;
    switch (e.type.id) {
      case TypeId::Int4:
        out = text[0] != '-' ? text : quote_sql_literal(text);
        need_label = text[0] == '-';
        break;
      case TypeId::Numeric:
        if (std::isdigit(static_cast<unsigned char>(text[0])) && text.find_first_of("eE.") != std::string::npos) {
          out = text;
        } else {
          out = quote_sql_literal(text);
          need_label = true;
        }
        break;
      case TypeId::Bool:
        out = e.constant.as_bool() ? "true" : "false";
        break;
      default:
        out = quote_sql_literal(text);
        need_label = e.type.id != TypeId::Unknown;
        break;
    }
    if (show_type < 0 || !need_label) return out;
    return out + "::" + format_type_with_typmod(type);
  }

  // isSimpleNode (PRETTYFLAG_PAREN): may the node go without parentheses under its parent?
  bool simple(const BoundExpr& e, const BoundExpr& parent) const {
    switch (e.kind) {
      case BoundExprKind::Column:
      case BoundExprKind::Param:
      case BoundExprKind::Function:
      case BoundExprKind::EngineCall:
      case BoundExprKind::NextVal:
      case BoundExprKind::ArrayBuild:
      case BoundExprKind::Coalesce:
      case BoundExprKind::Case:
      case BoundExprKind::Subscript:
        return true;
      case BoundExprKind::Constant:
        return !is_folded(e) || simple(*e.args[0], parent);
      case BoundExprKind::Cast:
        return simple(*e.args[0], e);
      case BoundExprKind::Operator:
        if (is_binary_operator(parent) && is_binary_operator(e)) return simple_operator(e, parent);
        return simple_under(parent);
      case BoundExprKind::IsNull:
      case BoundExprKind::IsDistinct:
      case BoundExprKind::InList:
      case BoundExprKind::ArrayAny:
      case BoundExprKind::SubPlan:
        return simple_under(parent);
      case BoundExprKind::And:
      case BoundExprKind::Or:
      case BoundExprKind::Not:
        if (parent.kind == BoundExprKind::And || parent.kind == BoundExprKind::Or || parent.kind == BoundExprKind::Not) {
          if (e.kind == BoundExprKind::Or) return parent.kind == BoundExprKind::Or;
          return parent.kind != BoundExprKind::Not;
        }
        return simple_under(parent);
      default:
        return false;
    }
  }

  // Parents whose syntax separates their operands: boolean operators, function-like forms.
  static bool simple_under(const BoundExpr& parent) {
    switch (parent.kind) {
      case BoundExprKind::Function:
      case BoundExprKind::EngineCall:
      case BoundExprKind::And:
      case BoundExprKind::Or:
      case BoundExprKind::Not:
      case BoundExprKind::ArrayBuild:
      case BoundExprKind::Coalesce:
      case BoundExprKind::Case:
      case BoundExprKind::Subscript:
        return true;
      default:
        return false;
    }
  }

  // Arithmetic under arithmetic: * / % bind tighter than + -; equal priority only on the left.
  static bool simple_operator(const BoundExpr& e, const BoundExpr& parent) {
    auto priority = [](const std::string& op) {
      if (op == "+" || op == "-") return 1;
      if (op == "*" || op == "/" || op == "%") return 2;
      return 0;
    };
    int own = priority(e.name), outer = priority(parent.name);
    if (own == 0 || outer == 0) return false;
    if (own != outer) return own > outer;
    return parent.args[0].get() == &e;
  }

  bool pretty_;
};

}  // namespace

std::string deparse_stored_expression(const BoundExpr& expr, bool pretty) {
  return RuleDeparser(pretty).expr(expr, false);
}

}  // namespace chalkdb
