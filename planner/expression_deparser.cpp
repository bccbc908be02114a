#include "planner/expression_deparser.h"

#include <fmt/format.h>

#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

std::string deparse_sort_keys(const std::vector<SortKey>& keys, const DeparseContext& context) {
  std::vector<std::string> items;
  for (const auto& key : keys) {
    std::string item = deparse_expression(*key.expr, context);
    if (key.descending) item += " DESC";
    if (key.nulls_first != key.descending) item += key.nulls_first ? " NULLS FIRST" : " NULLS LAST";
    items.push_back(std::move(item));
  }
  return fmt::format("{}", fmt::join(items, ", "));
}

namespace {

std::string quote_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string deparse_constant(const BoundExpr& expr) {
  if (expr.constant.is_null()) return "NULL::" + format_type(expr.type);
  std::string text = format_value(expr.constant);
  switch (expr.type.id) {
    case TypeId::Int4:
      if (text[0] != '-') return text;
      break;
    case TypeId::Numeric:
      if (std::isdigit(static_cast<unsigned char>(text[0])) &&
          text.find_first_of("eE.") != std::string::npos)
        return text;
      break;
    case TypeId::Bool:
      return expr.constant.as_bool() ? "true" : "false";
    default:
      break;
  }
  return quote_literal(text) + "::" + format_type(expr.type);
}

std::string join_args(const BoundExpr& expr, const DeparseContext& context, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < expr.args.size(); ++i) {
    if (i > from) out += ", ";
    out += deparse_expression(*expr.args[i], context);
  }
  return out;
}

std::string deparse_logic(const BoundExpr& expr, const DeparseContext& context, const char* op) {
  std::string out = "(";
  for (size_t i = 0; i < expr.args.size(); ++i) {
    if (i) out += fmt::format(" {} ", op);
    out += deparse_expression(*expr.args[i], context);
  }
  return out + ")";
}

std::string aggregate_call_text(const AggregateCall& call, const DeparseContext& context) {
  DeparseContext inner = context;
  inner.above_aggregation = false;
  std::string text;
  if (!call.arg) {
    text = call.name + "(*)";
  } else {
    text = fmt::format("{}({}{}", call.name, call.distinct ? "DISTINCT " : "",
                       deparse_expression(*call.arg, inner));
    if (call.delimiter) text += ", " + deparse_expression(*call.delimiter, inner);
    if (!call.order_by.empty()) text += " ORDER BY " + deparse_sort_keys(call.order_by, inner);
    text += ")";
  }
  if (call.filter) text += fmt::format(" FILTER (WHERE {})", deparse_expression(*call.filter, inner));
  return text;
}

std::string deparse_aggregate(const BoundExpr& expr, const DeparseContext& context) {
  if (!context.aggregates || static_cast<size_t>(expr.index) >= context.aggregates->size())
    return expr.name + "(...)";
  std::string text = aggregate_call_text((*context.aggregates)[expr.index], context);
  return context.above_aggregation ? "(" + text + ")" : text;
}

// A window function's call without its window: an aggregate as aggregates print, or f(args).
std::string window_function_text(const WindowCall& call, const DeparseContext& context) {
  if (call.kind == WindowFunctionKind::Aggregate) return aggregate_call_text(call.aggregate, context);
  std::vector<std::string> args;
  for (const auto& arg : call.args) args.push_back(deparse_expression(*arg, context));
  return fmt::format("{}({})", call.name, fmt::join(args, ", "));
}

// f(args) OVER (PARTITION BY ... ORDER BY ...), as ruleutils prints a window with the default frame.
std::string deparse_window_call(const BoundExpr& expr, const DeparseContext& context) {
  if (!context.windows || static_cast<size_t>(expr.index) >= context.windows->window_calls.size())
    return fmt::format("{}(?) OVER (?)", expr.name);
  const WindowCall& call = context.windows->window_calls[static_cast<size_t>(expr.index)];
  const WindowClause& window = context.windows->windows[static_cast<size_t>(call.window)];
  std::string function = window_function_text(call, context);
  std::vector<std::string> clauses;
  if (!window.partition_by.empty()) {
    std::vector<std::string> keys;
    for (const auto& key : window.partition_by) keys.push_back(deparse_expression(*key, context));
    clauses.push_back(fmt::format("PARTITION BY {}", fmt::join(keys, ", ")));
  }
  if (!window.order_by.empty()) clauses.push_back("ORDER BY " + deparse_sort_keys(window.order_by, context));
  return fmt::format("{} OVER ({})", function, fmt::join(clauses, " "));
}

// A window function's result, shown (like PostgreSQL) only above its WindowAgg, where it is
// a column of the input: parenthesized, with the window itself as "(?)".
std::string deparse_window_function(const BoundExpr& expr, const DeparseContext& context) {
  const WindowCall* found = nullptr;
  if (context.window_calls) {
    // The nearest WindowAgg comes first: a subquery's own window functions come later.
    for (const WindowCall* call : *context.window_calls) {
      if (call->id == expr.index) {
        found = call;
        break;
      }
    }
  }
  if (!found) return fmt::format("({}(?) OVER (?))", expr.name);
  return fmt::format("({} OVER (?))", window_function_text(*found, context));
}

std::string deparse_case(const BoundExpr& expr, const DeparseContext& context) {
  std::string out = "CASE";
  size_t pairs = (expr.args.size() - (expr.has_else ? 1 : 0)) / 2;
  for (size_t i = 0; i < pairs; ++i) {
    out += " WHEN " + deparse_expression(*expr.args[2 * i], context) + " THEN " +
           deparse_expression(*expr.args[2 * i + 1], context);
  }
  if (expr.has_else) out += " ELSE " + deparse_expression(*expr.args.back(), context);
  return out + " END";
}

}  // namespace

std::string deparse_expression(const BoundExpr& expr, const DeparseContext& context) {
  switch (expr.kind) {
    case BoundExprKind::Constant:
      return deparse_constant(expr);
    case BoundExprKind::Column:
      return context.qualify && !expr.qualifier.empty() ? expr.qualifier + "." + expr.name : expr.name;
    case BoundExprKind::Param:
      return fmt::format("${}", expr.index);
    case BoundExprKind::Cast:
      return fmt::format("({})::{}", deparse_expression(*expr.args[0], context), format_type(expr.type));
    case BoundExprKind::Operator:
      return fmt::format("({} {} {})", deparse_expression(*expr.args[0], context), expr.name,
                         deparse_expression(*expr.args[1], context));
    case BoundExprKind::Unary:
      return fmt::format("({} {})", expr.name, deparse_expression(*expr.args[0], context));
    case BoundExprKind::Function:
    case BoundExprKind::EngineCall:
      return fmt::format("{}({})", expr.name, join_args(expr, context));
    case BoundExprKind::And:
      return deparse_logic(expr, context, "AND");
    case BoundExprKind::Or:
      return deparse_logic(expr, context, "OR");
    case BoundExprKind::Not:
      return fmt::format("(NOT {})", deparse_expression(*expr.args[0], context));
    case BoundExprKind::IsNull:
      return fmt::format("({} IS {}NULL)", deparse_expression(*expr.args[0], context),
                         expr.negated ? "NOT " : "");
    case BoundExprKind::IsDistinct:
      return fmt::format("({} IS {}DISTINCT FROM {})", deparse_expression(*expr.args[0], context),
                         expr.negated ? "NOT " : "", deparse_expression(*expr.args[1], context));
    case BoundExprKind::Case:
      return deparse_case(expr, context);
    case BoundExprKind::Coalesce:
      return fmt::format("COALESCE({})", join_args(expr, context));
    case BoundExprKind::InList:
      return fmt::format("({} {}IN ({}))", deparse_expression(*expr.args[0], context),
                         expr.negated ? "NOT " : "", join_args(expr, context, 1));
    case BoundExprKind::ArrayAny:
      return fmt::format("({} {} ({}))", deparse_expression(*expr.args[0], context), expr.name,
                         deparse_expression(*expr.args[1], context));
    case BoundExprKind::ArrayBuild:
      return fmt::format("ARRAY[{}]", join_args(expr, context));
    case BoundExprKind::Subscript:
      if (expr.has_else) {
        return fmt::format("({})[{}:{}]", deparse_expression(*expr.args[0], context),
                           deparse_expression(*expr.args[1], context),
                           deparse_expression(*expr.args[2], context));
      }
      return fmt::format("({})[{}]", deparse_expression(*expr.args[0], context),
                         deparse_expression(*expr.args[1], context));
    case BoundExprKind::GroupKey:
      return deparse_expression(*expr.args[0], context);
    case BoundExprKind::AggregateRef:
      return deparse_aggregate(expr, context);
    case BoundExprKind::WindowRef:
      // A view's definition names the window; EXPLAIN shows the call above its WindowAgg.
      return context.windows ? deparse_window_call(expr, context) : deparse_window_function(expr, context);
    case BoundExprKind::SetFunction: {
      std::string call = fmt::format("{}({})", expr.name, join_args(expr, context));
      return context.above_project_set ? "(" + call + ")" : call;
    }
    case BoundExprKind::Sleep:
    case BoundExprKind::SetConfig:
    case BoundExprKind::CurrentSetting:
      return fmt::format("{}({})", expr.name, join_args(expr, context));
    case BoundExprKind::NextVal:
      return fmt::format("nextval('{}'::regclass)", expr.name);
    case BoundExprKind::SubPlan:
      if (expr.display_param >= 0) return fmt::format("${}", expr.display_param);
      if (!expr.correlated && expr.sublink_type == SubLinkType::Any)
        return fmt::format("(hashed SubPlan {})", expr.index);
      return fmt::format("(SubPlan {})", expr.index);
    case BoundExprKind::ExecParam:
      return expr.qualifier.empty() ? expr.name : expr.qualifier + "." + expr.name;
    case BoundExprKind::SequenceFunction: {
      if (expr.name == "lastval") return "lastval()";
      if (expr.sequence_oid == 0) {  // named by a text computed at run time
        std::string args = fmt::format("({})::regclass", deparse_expression(*expr.args[0], context));
        if (expr.args.size() > 1) args += ", " + join_args(expr, context, 1);
        return fmt::format("{}({})", expr.name, args);
      }
      std::string args = fmt::format("'{}'::regclass", expr.qualifier);
      if (!expr.args.empty()) args += ", " + join_args(expr, context);
      return fmt::format("{}({})", expr.name, args);
    }
  }
  return "?";
}

}  // namespace chalkdb
