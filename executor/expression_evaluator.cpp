#include "executor/expression_evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "executor/array_expression_evaluation.h"
#include "executor/sequence_functions.h"
#include "executor/subplan_evaluator.h"
#include "sql/error/sql_error.h"
#include "planner/engine_function.h"
#include "sql/types/cast.h"

namespace chalkdb {

namespace {

Value null_of(const BoundExpr& expr) { return Value::null(expr.type.id); }

// Three-valued AND/OR: `dominant` (false for AND, true for OR) wins over NULL.
Value evaluate_logic(const BoundExpr& expr, const Row& row, ExecContext& context, bool dominant) {
  bool saw_null = false;
  for (const auto& arg : expr.args) {
    Value v = evaluate(*arg, row, context);
    if (v.is_null()) saw_null = true;
    else if (v.as_bool() == dominant) return Value::boolean(dominant);
  }
  return saw_null ? Value::null(TypeId::Bool) : Value::boolean(!dominant);
}

Value evaluate_case(const BoundExpr& expr, const Row& row, ExecContext& context) {
  size_t pairs = (expr.args.size() - (expr.has_else ? 1 : 0)) / 2;
  for (size_t i = 0; i < pairs; ++i) {
    if (evaluate_condition(*expr.args[2 * i], row, context))
      return evaluate(*expr.args[2 * i + 1], row, context);
  }
  return expr.has_else ? evaluate(*expr.args.back(), row, context) : null_of(expr);
}

Value evaluate_in_list(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value operand = evaluate(*expr.args[0], row, context);
  if (operand.is_null()) return Value::null(TypeId::Bool);
  bool saw_null = false;
  for (size_t i = 1; i < expr.args.size(); ++i) {
    Value item = evaluate(*expr.args[i], row, context);
    if (item.is_null()) {
      saw_null = true;
      continue;
    }
    if (expr.in_equals[i - 1](operand, item).as_bool()) return Value::boolean(!expr.negated);
  }
  return saw_null ? Value::null(TypeId::Bool) : Value::boolean(expr.negated);
}

Value evaluate_is_distinct(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value a = evaluate(*expr.args[0], row, context);
  Value b = evaluate(*expr.args[1], row, context);
  bool distinct;
  if (a.is_null() || b.is_null()) distinct = a.is_null() != b.is_null();
  else distinct = !expr.binary_fn(a, b).as_bool();
  return Value::boolean(distinct != expr.negated);
}

Value evaluate_function(const BoundExpr& expr, const Row& row, ExecContext& context) {
  std::vector<Value> args;
  args.reserve(expr.args.size());
  for (const auto& arg : expr.args) {
    args.push_back(evaluate(*arg, row, context));
    if (expr.strict && args.back().is_null()) return null_of(expr);
  }
  if (expr.kind == BoundExprKind::EngineCall) return expr.engine_function->scalar(context, args);
  return expr.function(args);
}

Value evaluate_setting(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value name = evaluate(*expr.args[0], row, context);
  if (name.is_null()) {
    throw SqlError(sqlstate::kNullValueNotAllowed,
                   "SET requires parameter name");
  }
  if (expr.kind == BoundExprKind::SetConfig) {
    Value value = evaluate(*expr.args[1], row, context);
    Value local = evaluate(*expr.args[2], row, context);
    bool is_local = !local.is_null() && local.as_bool();
    if (value.is_null()) context.settings.reset(name.as_text());
    else context.settings.set(name.as_text(), value.as_text(), is_local);
  }
  return Value::text(context.settings.show(name.as_text()));
}

Value sleep_for(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value seconds = evaluate(*expr.args[0], row, context);
  if (!seconds.is_null()) {
    auto until = std::chrono::steady_clock::now() +
                 std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(std::max(0.0, seconds.as_float())));
    while (std::chrono::steady_clock::now() < until) {
      context.check_for_cancel();
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
          std::chrono::milliseconds(10), until - std::chrono::steady_clock::now()));
    }
  }
  return Value::text("", TypeId::Void);
}

}  // namespace

Value evaluate(const BoundExpr& expr, const Row& row, ExecContext& context) {
  switch (expr.kind) {
    case BoundExprKind::Constant:
      return expr.constant;
    case BoundExprKind::SubPlan:
      return evaluate_subplan(expr, row, context);
    case BoundExprKind::ExecParam:
      return exec_param(context, expr.index);
    case BoundExprKind::Column:
    case BoundExprKind::GroupKey:
    case BoundExprKind::AggregateRef:
    case BoundExprKind::WindowRef:
    case BoundExprKind::SetFunction:  // computed by ProjectSet
      return row[expr.slot];
    case BoundExprKind::Cast: {
      Value v = evaluate(*expr.args[0], row, context);
      if (v.is_null()) return null_of(expr);
      return cast_value(v, expr.type, expr.cast_context);
    }
    case BoundExprKind::Operator: {
      Value a = evaluate(*expr.args[0], row, context);
      if (a.is_null()) return null_of(expr);
      Value b = evaluate(*expr.args[1], row, context);
      if (b.is_null()) return null_of(expr);
      return expr.binary_fn(a, b);
    }
    case BoundExprKind::Unary: {
      Value a = evaluate(*expr.args[0], row, context);
      return a.is_null() ? null_of(expr) : expr.unary_fn(a);
    }
    case BoundExprKind::Function:
    case BoundExprKind::EngineCall:
      return evaluate_function(expr, row, context);
    case BoundExprKind::And:
      return evaluate_logic(expr, row, context, false);
    case BoundExprKind::Or:
      return evaluate_logic(expr, row, context, true);
    case BoundExprKind::Not: {
      Value v = evaluate(*expr.args[0], row, context);
      return v.is_null() ? v : Value::boolean(!v.as_bool());
    }
    case BoundExprKind::IsNull:
      return Value::boolean(evaluate(*expr.args[0], row, context).is_null() != expr.negated);
    case BoundExprKind::IsDistinct:
      return evaluate_is_distinct(expr, row, context);
    case BoundExprKind::Case:
      return evaluate_case(expr, row, context);
    case BoundExprKind::Coalesce:
      for (const auto& arg : expr.args) {
        Value v = evaluate(*arg, row, context);
        if (!v.is_null()) return v;
      }
      return null_of(expr);
    case BoundExprKind::InList:
      return evaluate_in_list(expr, row, context);
    case BoundExprKind::ArrayAny:
      return evaluate_array_any(expr, row, context);
    case BoundExprKind::ArrayBuild:
      return evaluate_array_build(expr, row, context);
    case BoundExprKind::Subscript:
      return evaluate_subscript(expr, row, context);
    case BoundExprKind::NextVal:
      return evaluate_nextval(expr, context);
    case BoundExprKind::SequenceFunction:
      return evaluate_sequence_function(expr, row, context);
    case BoundExprKind::Sleep:
      return sleep_for(expr, row, context);
    case BoundExprKind::SetConfig:
    case BoundExprKind::CurrentSetting:
      return evaluate_setting(expr, row, context);
    case BoundExprKind::Param:
      if (context.parameters && expr.index >= 1 && static_cast<size_t>(expr.index) <= context.parameters->size())
        return (*context.parameters)[static_cast<size_t>(expr.index - 1)];
      throw SqlError(sqlstate::kUndefinedParameter,
                     fmt::format("there is no parameter ${}", expr.index));
  }
  throw SqlError(sqlstate::kInternalError, "unknown expression kind");
}

bool evaluate_condition(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value v = evaluate(expr, row, context);
  return !v.is_null() && v.as_bool();
}

}  // namespace chalkdb
