// Set-returning functions in the select list (SELECT unnest(tags), generate_series(1, 3)):
// bound as SetFunction nodes that the planner's ProjectSet computes, as PostgreSQL 10+ does.
// Only functions with one output column qualify (a record-returning one such as json_each
// would need composite values); nested set-returning calls and the places PostgreSQL refuses
// them raise its errors.
#include <fmt/format.h>

#include "planner/binder_support.h"
#include "planner/expression_binder.h"
#include "planner/from_clause_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

using namespace binder_support;

namespace {

constexpr const char* kLateralHint = "You might be able to move the set-returning function into a LATERAL FROM item.";

}  // namespace

BoundExprPtr ExpressionBinder::bind_set_function(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  int position = position_of(call.location);
  if (inside_aggregate_) {
    throw SqlError(sqlstate::kGroupingError, "aggregate function calls cannot contain set-returning function calls")
        .with_hint(kLateralHint)
        .with_position(position);
  }
  if (inside_window_function_) {
    throw SqlError(sqlstate::kWindowingError, "window function calls cannot contain set-returning function calls")
        .with_hint(kLateralHint)
        .with_position(position);
  }
  if (inside_set_function_) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "set-returning functions nested in the arguments of a set-returning function are not supported")
        .with_position(position);
  }
  if (!set_functions_allowed_) {
    throw SqlError(sqlstate::kFeatureNotSupported, fmt::format("set-returning functions are not allowed in {}", clause_))
        .with_position(position);
  }
  inside_set_function_ = true;
  std::vector<BoundExprPtr> args;
  try {
    for (const auto& arg : call.args) args.push_back(bind(*arg));
  } catch (...) {
    inside_set_function_ = false;
    throw;
  }
  inside_set_function_ = false;

  auto e = std::make_shared<BoundExpr>();
  e->kind = BoundExprKind::SetFunction;
  e->location = call.location;
  e->name = name;
  e->index = next_set_function_++;
  if (name == "generate_series") {
    e->type = FromClauseBinder::generate_series_type(args, call);
    for (auto& arg : args) e->args.push_back(coerce(arg, e->type, CastContext::Implicit));
    return e;
  }
  std::vector<DataType> types;
  for (const auto& arg : args) types.push_back(arg->type);
  auto resolved = at_location(call.location, [&] { return resolve_table_function(name, types); });
  if (resolved.function->column_types.size() != 1) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("set-returning function {}() returns a record, which is supported only in FROM", name))
        .with_position(position);
  }
  for (size_t i = 0; i < args.size(); ++i) e->args.push_back(coerce(args[i], resolved.args[i], CastContext::Implicit));
  e->type = DataType{resolved.function->column_types[0]};
  e->table_function = resolved.function;
  return e;
}

}  // namespace chalkdb
