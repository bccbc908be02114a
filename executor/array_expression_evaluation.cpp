#include "executor/array_expression_evaluation.h"

#include "sql/types/array_functions.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"

namespace chalkdb {

Value evaluate_array_build(const BoundExpr& expr, const Row& row, ExecContext& context) {
  ArrayValue array;
  array.element_type = *array_element_type(expr.type.id);
  array.elements.reserve(expr.args.size());
  for (const auto& arg : expr.args) array.elements.push_back(evaluate(*arg, row, context));
  return encode_array(array, expr.type.id);
}

Value evaluate_subscript(const BoundExpr& expr, const Row& row, ExecContext& context) {
  Value base = evaluate(*expr.args[0], row, context);
  Value lower = evaluate(*expr.args[1], row, context);
  if (!expr.has_else) {
    if (base.is_null() || lower.is_null()) return Value::null(expr.type.id);
    return array_subscript(base, lower);
  }
  Value upper = evaluate(*expr.args[2], row, context);
  if (base.is_null() || lower.is_null() || upper.is_null()) return Value::null(expr.type.id);
  return array_slice(base, lower, upper);
}

Value evaluate_array_any(const BoundExpr& expr, const Row& row, ExecContext& context) {
  const bool all = expr.negated;
  Value array = evaluate(*expr.args[1], row, context);
  if (array.is_null()) return Value::null(TypeId::Bool);
  ArrayValue elements = decode_array(array);
  if (elements.elements.empty()) return Value::boolean(all);
  Value operand = evaluate(*expr.args[0], row, context);
  if (operand.is_null()) return Value::null(TypeId::Bool);
  bool saw_null = false;
  for (const Value& element : elements.elements) {
    if (element.is_null()) {
      saw_null = true;
      continue;
    }
    Value result = expr.binary_fn(operand, element);
    if (result.is_null()) {
      saw_null = true;
    } else if (result.as_bool() != all) {
      return Value::boolean(!all);
    }
  }
  return saw_null ? Value::null(TypeId::Bool) : Value::boolean(all);
}

}  // namespace chalkdb
