// The binder's special forms whose PostgreSQL semantics are a rewrite or a dedicated node:
// LIKE/ILIKE [ESCAPE] (the ~~ operators over like_escape), ARRAY[...] constructors, array
// subscripts and slices, x op ANY/ALL (array), NULLIF, GREATEST/LEAST and BETWEEN SYMMETRIC.
#include <fmt/format.h>

#include <climits>

#include "planner/expression_binder.h"
#include "planner/binder_support.h"
#include "planner/sublink_binder.h"
#include "planner/type_resolution.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_functions.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/conditional_functions.h"
#include "sql/types/functions.h"
#include "sql/types/operators.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

using namespace binder_support;

namespace {

bool all_constant(const std::vector<BoundExprPtr>& args) {
  for (const auto& arg : args)
    if (arg->kind != BoundExprKind::Constant) return false;
  return true;
}

}  // namespace

BoundExprPtr ExpressionBinder::bind_call(const std::string& name, std::vector<BoundExprPtr> args,
                                         int location) {
  std::vector<DataType> types;
  for (const auto& arg : args) types.push_back(arg->type);
  auto resolved = at_location(location, [&] { return resolve_function(name, types); });
  auto e = new_node(BoundExprKind::Function, resolved.result, location);
  for (size_t i = 0; i < args.size(); ++i)
    e->args.push_back(coerce(args[i], resolved.args[i], CastContext::Implicit));
  e->function = resolved.fn;
  e->strict = resolved.strict;
  e->name = name;
  return e;
}

// x LIKE p ESCAPE e is x ~~ like_escape(p, e), as PostgreSQL's grammar rewrites it.
BoundExprPtr ExpressionBinder::bind_like(const ast::Like& like) {
  auto operand = bind(*like.operand);
  auto pattern = bind(*like.pattern);
  if (like.escape) {
    pattern = bind_call("like_escape", {pattern, bind(*like.escape)}, like.location);
  }
  std::string op = like.case_insensitive ? "~~*" : "~~";
  if (like.negated) op = "!" + op;
  return bind_operator(op, operand, pattern, like.location);
}

BoundExprPtr ExpressionBinder::bind_array(const ast::Array& array) {
  if (array.query) return SublinkBinder(binder_, *this).bind(array);
  if (array.elements.empty()) {
    throw SqlError(sqlstate::kIndeterminateDatatype, "cannot determine type of empty array")
        .with_hint("Explicitly cast to the desired type, for example ARRAY[]::integer[].")
        .with_position(position_of(array.location));
  }
  std::vector<BoundExprPtr> elements;
  for (const auto& element : array.elements) {
    if (element->kind == ast::ExprKind::Array) {
      throw SqlError(sqlstate::kFeatureNotSupported, "multidimensional arrays are not supported")
          .with_position(position_of(element->location));
    }
    elements.push_back(bind(*element));
  }
  DataType element_type = at_location(array.location, [&] { return common_type(elements, "ARRAY"); });
  std::optional<TypeId> array_type = array_type_of(element_type.id);
  if (!array_type) {
    throw SqlError(sqlstate::kUndefinedObject,
                   fmt::format("could not find array type for data type {}", format_type(element_type)))
        .with_position(position_of(array.location));
  }
  auto e = new_node(BoundExprKind::ArrayBuild, DataType{*array_type}, array.location);
  for (auto& element : elements) e->args.push_back(coerce(element, DataType{element_type.id}, CastContext::Implicit));
  e->name = "ARRAY";
  if (!all_constant(e->args)) return e;
  ArrayValue value;
  value.element_type = element_type.id;
  for (const auto& arg : e->args) value.elements.push_back(arg->constant);
  return make_constant(encode_array(value, *array_type), e->type, array.location);
}

BoundExprPtr ExpressionBinder::bind_empty_array_cast(const ast::Cast& cast) {
  DataType target = at_location(cast.type.location, [&] {
    return resolve_type_name(cast.type.name, cast.type.modifiers, cast.type.is_array);
  });
  if (!is_array_type(target.id)) {
    throw SqlError(sqlstate::kCannotCoerce,
                   fmt::format("cannot cast type {} to {}", "integer[]", format_type(target)))
        .with_position(position_of(cast.location));
  }
  ArrayValue empty;
  empty.element_type = *array_element_type(target.id);
  return make_constant(encode_array(empty, target.id), target, cast.location);
}

BoundExprPtr ExpressionBinder::bind_subscript(const ast::Subscript& subscript) {
  auto base = bind(*subscript.base);
  std::optional<TypeId> element = array_element_type(base->type.id);
  if (!element) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("cannot subscript type {} because it does not support subscripting",
                               format_type(base->type)))
        .with_position(position_of(subscript.base->location));
  }
  auto bound_index = [&](const ast::ExprPtr& index, int missing) -> BoundExprPtr {
    if (!index) return make_constant(Value::int4(missing), DataType{TypeId::Int4});
    auto bound = bind(*index);
    if (bound->type.id != TypeId::Int4 && bound->type.id != TypeId::Unknown &&
        !can_cast(bound->type.id, TypeId::Int4, CastContext::Assignment)) {
      throw SqlError(sqlstate::kDatatypeMismatch, "array subscript must have type integer")
          .with_position(position_of(index->location));
    }
    return coerce(bound, DataType{TypeId::Int4}, CastContext::Assignment);
  };
  DataType result = subscript.slice ? DataType{base->type.id, base->type.typmod}
                                    : DataType{*element, base->type.typmod};
  auto e = new_node(BoundExprKind::Subscript, result, subscript.location);
  e->args = {base, bound_index(subscript.index, INT32_MIN)};
  if (subscript.slice) {
    e->args.push_back(bound_index(subscript.upper, INT32_MAX));
    e->has_else = true;
  }
  return e;
}

// x op ANY|ALL (array): the operator between x and the element type must yield boolean.
BoundExprPtr ExpressionBinder::bind_quantified_array(const ast::Quantified& quantified) {
  auto operand = bind(*quantified.operand);
  auto array = bind(*quantified.array);
  if (array->type.id == TypeId::Unknown) {
    TypeId left = operand->type.id == TypeId::Unknown ? TypeId::Text : operand->type.id;
    std::optional<TypeId> array_type = array_type_of(left);
    if (array_type) array = coerce(array, DataType{*array_type}, CastContext::Implicit);
  }
  std::optional<TypeId> element = array_element_type(array->type.id);
  const char* quantifier = quantified.all ? "ALL" : "ANY";
  if (!element) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("op {}/{} (array) requires array on right side", "ANY", "ALL"))
        .with_position(position_of(quantified.location));
  }
  auto resolved = at_location(quantified.location, [&] {
    return resolve_binary_operator(quantified.op, operand->type, DataType{*element});
  });
  if (resolved.result.id != TypeId::Bool) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("op {}/{} (array) requires operator to yield boolean", "ANY", "ALL"))
        .with_position(position_of(quantified.location));
  }
  auto e = new_node(BoundExprKind::ArrayAny, DataType{TypeId::Bool}, quantified.location);
  std::optional<TypeId> coerced_array = array_type_of(resolved.right.id);
  e->args = {coerce(operand, resolved.left, CastContext::Implicit),
             coerced_array ? coerce(array, DataType{*coerced_array}, CastContext::Implicit) : array};
  e->binary_fn = resolved.fn;
  e->negated = quantified.all;
  e->name = fmt::format("{} {}", quantified.op, quantifier);
  return e;
}

// NULLIF(a, b) is CASE WHEN a = b THEN NULL ELSE a END, typed as the = operator's left input
// (so NULLIF(1, 2.5) is numeric and NULLIF(NULL, 1) is integer).
BoundExprPtr ExpressionBinder::bind_nullif(const ast::FuncCall& call) {
  auto equal = make_operator("=", bind(*call.args[0]), bind(*call.args[1]), call.location);
  BoundExprPtr value = equal->args[0];
  auto e = new_node(BoundExprKind::Case, value->type, call.location);
  e->args = {coerce_to_boolean(equal, "NULLIF"), make_constant(Value::null(value->type.id), value->type),
             value};
  e->has_else = true;
  e->name = "NULLIF";
  return e;
}

BoundExprPtr ExpressionBinder::bind_greatest_least(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  const char* construct = name == "greatest" ? "GREATEST" : "LEAST";
  std::vector<BoundExprPtr> args;
  for (const auto& arg : call.args) args.push_back(bind(*arg));
  DataType common = at_location(call.location, [&] { return common_type(args, construct); });
  auto e = new_node(BoundExprKind::Function, common, call.location);
  for (auto& arg : args) e->args.push_back(coerce(arg, common, CastContext::Implicit));
  // Resolving "<" checks the type has an ordering, as PostgreSQL's MinMaxExpr requires.
  at_location(call.location, [&] { return resolve_binary_operator("<", common, common); });
  e->function = name == "greatest" ? greatest_of : least_of;
  e->strict = false;
  e->name = construct;
  return e;
}

// a BETWEEN SYMMETRIC b AND c is (a BETWEEN b AND c) OR (a BETWEEN c AND b); NOT BETWEEN
// SYMMETRIC negates both sides and ANDs them.
BoundExprPtr ExpressionBinder::bind_between_symmetric(const ast::Between& between) {
  auto operand = bind(*between.operand);
  auto low = bind(*between.low);
  auto high = bind(*between.high);
  auto range = [&](const BoundExprPtr& from, const BoundExprPtr& to) {
    auto lower = bind_operator(between.negated ? "<" : ">=", operand, from, between.location);
    auto upper = bind_operator(between.negated ? ">" : "<=", operand, to, between.location);
    return make_bool_op(between.negated ? BoundExprKind::Or : BoundExprKind::And, {lower, upper});
  };
  auto e = std::const_pointer_cast<BoundExpr>(make_bool_op(
      between.negated ? BoundExprKind::And : BoundExprKind::Or, {range(low, high), range(high, low)}));
  e->location = between.location;
  return e;
}

// pg_typeof(x): the type's name. PostgreSQL's result is regtype, which prints the same.
BoundExprPtr ExpressionBinder::bind_pg_typeof(const ast::FuncCall& call) {
  auto arg = bind(*call.args[0]);
  return make_constant(Value::text(format_type(DataType{arg->type.id})), DataType{TypeId::Text},
                       call.location);
}

void ExpressionBinder::check_cast_exists(DataType from, DataType to, int location) {
  if (from.id == TypeId::Unknown || can_cast(from.id, to.id, CastContext::Explicit)) return;
  std::optional<TypeId> from_element = array_element_type(from.id);
  std::optional<TypeId> to_element = array_element_type(to.id);
  if (from_element && to_element) {
    from = DataType{*from_element};
    to = DataType{*to_element};
  }
  throw SqlError(sqlstate::kCannotCoerce,
                 fmt::format("cannot cast type {} to {}", format_type(DataType{from.id}),
                             format_type(DataType{to.id})))
      .with_position(position_of(location));
}

}  // namespace chalkdb
