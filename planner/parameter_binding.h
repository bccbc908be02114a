// ParameterBinding: the $n parameters of a statement while it is bound (PostgreSQL's
// parse_param.c hooks).
//
// At Parse time parameters have declared types (from the Parse message or PREPARE) or none
// (`unknown`); an undeclared parameter takes the type its context first coerces it to — the
// other operand of an operator, the INSERT target column, a cast — and a parameter still
// untyped when binding ends is 42P18 "could not determine data type of parameter $n". At Bind
// time values are known too and each parameter binds as a constant of its type, so every
// execution is planned with its actual values (PostgreSQL's custom plans).
//
// The binding in effect is the one of the innermost ParameterScope on this thread: coercion is
// a static helper used all over the binder, and the scope saves threading the binding through
// each of its callers.
#pragma once

#include <optional>
#include <vector>

#include "planner/bound_expr.h"
#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

class ParameterBinding {
 public:
  // Parse time: types as declared (Unknown where not given); more parameters than declared
  // may appear and are inferred.
  explicit ParameterBinding(std::vector<DataType> declared) : types_(std::move(declared)) {}
  // Bind time: the final types and one value (already of that type) per parameter.
  ParameterBinding(std::vector<DataType> types, std::vector<Value> values)
      : types_(std::move(types)), values_(std::move(values)) {}

  // The bound node for $number at `location`: a Param node (Parse time) or a constant.
  BoundExprPtr bind(int number, int location);
  // Records the type an untyped parameter is coerced to; returns the retyped node.
  BoundExprPtr resolve(const BoundExpr& param, DataType type);

  const std::vector<DataType>& types() const { return types_; }
  // Throws 42P18 for the first parameter whose type is still unknown (Parse time only).
  void check_all_resolved() const;

  // The binding of the innermost scope on this thread, or null.
  static ParameterBinding* current();

 private:
  std::vector<DataType> types_;
  std::optional<std::vector<Value>> values_;
};

// Makes `binding` current for the lifetime of the scope.
class ParameterScope {
 public:
  explicit ParameterScope(ParameterBinding* binding);
  ~ParameterScope();
  ParameterScope(const ParameterScope&) = delete;
  ParameterScope& operator=(const ParameterScope&) = delete;

 private:
  ParameterBinding* previous_;
};

}  // namespace chalkdb
