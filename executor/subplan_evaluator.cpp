#include "executor/subplan_evaluator.h"

#include "executor/operator.h"
#include "planner/array_sublink.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"

namespace chalkdb {

namespace {

// Runs the subplan, passing each row to `visit` until it returns false.
template <typename Visit>
void run_subplan(const BoundExpr& expr, ExecContext& context, Visit&& visit) {
  auto& op = context.subqueries->operators[expr.subplan.get()];
  if (!op) op = build_operator(*expr.subplan, context);
  op->open();
  RowBatch batch;
  while (op->next(batch)) {
    for (auto& row : batch)
      if (!visit(row)) return;
  }
}

// How many rows the answer needs: EXISTS one, a scalar subquery two (to detect a second).
size_t rows_needed(const BoundExpr& expr) {
  switch (expr.sublink_type) {
    case SubLinkType::Exists: return 1;
    case SubLinkType::Expr: return 2;
    default: return SIZE_MAX;
  }
}

std::vector<Value> collect_first_column(const BoundExpr& expr, ExecContext& context) {
  std::vector<Value> values;
  size_t limit = rows_needed(expr);
  run_subplan(expr, context, [&](Row& row) {
    values.push_back(row.empty() ? Value::boolean(true) : std::move(row[0]));
    return values.size() < limit;
  });
  return values;
}

// ANY: true if the test is true for some row, else NULL if it was NULL for some, else false.
// ALL: false if false for some row, else NULL if NULL for some, else true.
Value quantified(const BoundExpr& expr, const Row& row, ExecContext& context,
                 const std::vector<Value>& values) {
  bool any = expr.sublink_type == SubLinkType::Any;
  bool saw_null = false;
  const BoundExpr& test = *expr.args.back();
  for (const auto& value : values) {
    set_exec_param(context, expr.test_param, value);
    Value result = evaluate(test, row, context);
    if (result.is_null()) {
      saw_null = true;
    } else if (result.as_bool() == any) {
      return Value::boolean(any);
    }
  }
  return saw_null ? Value::null(TypeId::Bool) : Value::boolean(!any);
}

// ARRAY(SELECT ...): every row's value in order; no rows give an empty array, not NULL.
Value array_of(const BoundExpr& expr, const std::vector<Value>& values) {
  ArrayValue array;
  array.element_type = array_element_type(expr.type.id).value_or(TypeId::Unknown);
  array.elements = values;
  return encode_array(array, expr.type.id);
}

Value answer(const BoundExpr& expr, const Row& row, ExecContext& context, const std::vector<Value>& values) {
  if (expr.sublink_type == kArraySubLink) return array_of(expr, values);
  switch (expr.sublink_type) {
    case SubLinkType::Exists:
      return Value::boolean(!values.empty());
    case SubLinkType::Expr:
      if (values.size() > 1) {
        throw SqlError(sqlstate::kCardinalityViolation,
                       "more than one row returned by a subquery used as an expression");
      }
      return values.empty() ? Value::null(expr.type.id) : values[0];
    default:
      return quantified(expr, row, context, values);
  }
}

}  // namespace

const Value& exec_param(ExecContext& context, int id) {
  static const Value null_value = Value::null(TypeId::Unknown);
  auto& params = context.subqueries->exec_params;
  return static_cast<size_t>(id) < params.size() ? params[id] : null_value;
}

void set_exec_param(ExecContext& context, int id, Value value) {
  auto& params = context.subqueries->exec_params;
  if (params.size() <= static_cast<size_t>(id)) params.resize(id + 1, Value::null(TypeId::Unknown));
  params[id] = std::move(value);
}

Value evaluate_subplan(const BoundExpr& expr, const Row& row, ExecContext& context) {
  if (!expr.correlated) {
    auto& cache = context.subqueries->cached_rows;
    auto it = cache.find(&expr);
    if (it == cache.end()) {
      std::vector<std::vector<Value>> rows;
      rows.push_back(collect_first_column(expr, context));
      it = cache.emplace(&expr, std::move(rows)).first;
    }
    return answer(expr, row, context, it->second[0]);
  }
  for (size_t i = 0; i < expr.param_ids.size(); ++i)
    set_exec_param(context, expr.param_ids[i], evaluate(*expr.args[i], row, context));
  return answer(expr, row, context, collect_first_column(expr, context));
}

}  // namespace chalkdb
