#include "planner/object_reference_binder.h"

#include <fmt/format.h>

#include <algorithm>

#include "planner/binder_support.h"
#include "planner/engine_call_binder.h"
#include "planner/expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

using binder_support::at_location;
using binder_support::new_node;
using binder_support::position_of;

bool is_string_type(TypeId type) {
  return type == TypeId::Text || type == TypeId::Varchar || type == TypeId::Name || type == TypeId::Bpchar;
}

namespace {

bool is_string_constant(const BoundExpr& e) {
  return e.kind == BoundExprKind::Constant && !e.constant.is_null() &&
         (e.type.id == TypeId::Unknown || is_string_type(e.type.id));
}

bool is_number(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// regtypein: a type name as format_type prints it or as SQL spells it ("integer",
// "character varying", "int4", "pg_catalog.int4", "text[]").
Oid type_named(std::string text, int location) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  bool is_array = text.size() > 2 && text.ends_with("[]");
  if (is_array) text.resize(text.size() - 2);
  if (text.starts_with("pg_catalog.")) text.erase(0, 11);
  DataType type = at_location(location, [&] { return resolve_type_name(text, {}, is_array); });
  return static_cast<Oid>(type.id);
}

BoundExprPtr constant_reference(Binder& binder, const BoundExpr& operand, DataType target) {
  const std::string& text = operand.constant.as_text();
  if (is_number(text)) return make_constant(Value::oid(static_cast<Oid>(std::stoul(text))), target, operand.location);
  if (target.id == kRegclassType) return bind_regclass(binder, std::make_shared<BoundExpr>(operand));
  if (target.id == kRegtypeType)
    return make_constant(Value::oid(type_named(text, operand.location)), target, operand.location);
  throw SqlError(sqlstate::kFeatureNotSupported, "regnamespace input of a schema name is not supported")
      .with_position(position_of(operand.location));
}

const char* output_function(TypeId type) {
  if (type == kRegclassType) return "regclassout";
  return type == kRegtypeType ? "regtypeout" : "regnamespaceout";
}

}  // namespace

BoundExprPtr object_reference_text(const BoundExprPtr& operand, DataType target, CastContext context) {
  std::string function = output_function(operand->type.id);
  auto overloads = EngineFunctionRegistry::global().overloads(function);
  if (overloads.empty()) throw std::logic_error(function + " is not registered");
  auto e = new_node(BoundExprKind::EngineCall, overloads.front()->result, operand->location);
  e->args = {operand};
  e->engine_function = overloads.front();
  e->strict = overloads.front()->strict;
  e->name = function;
  return target.id == TypeId::Text ? BoundExprPtr(e) : ExpressionBinder::coerce(e, target, context);
}

BoundExprPtr bind_object_reference_cast(Binder& binder, const BoundExprPtr& operand, DataType target) {
  if (is_object_reference_type(target.id)) {
    if (is_string_constant(*operand)) return constant_reference(binder, *operand, target);
    if (operand->kind == BoundExprKind::Constant && operand->constant.is_null())
      return make_constant(Value::null(TypeId::Oid), target, operand->location);
    return nullptr;  // an oid or integer: the ordinary (binary) cast
  }
  if (is_object_reference_type(operand->type.id) && is_string_type(target.id))
    return object_reference_text(operand, target, CastContext::Explicit);
  return nullptr;
}

}  // namespace chalkdb
