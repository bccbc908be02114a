#include "planner/expression_binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "planner/aggregate_catalog.h"
#include "planner/binder_support.h"
#include "planner/engine_call_binder.h"
#include "planner/name_matching.h"
#include "planner/grouping_sets.h"
#include "planner/parameter_binding.h"
#include "planner/object_reference_binder.h"
#include "planner/sublink_binder.h"
#include "planner/type_resolution.h"
#include "planner/window_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/object_reference_types.h"
#include "sql/types/operators.h"
#include "sql/types/table_functions.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

using namespace binder_support;

namespace {

// A constant computed from `source`, which it keeps as its argument: evaluation needs only the
// value, pg_get_expr shows what was written ('x'::text || 'y'::text, 0::numeric), as
// PostgreSQL stores expressions before its planner folds them.
BoundExprPtr folded_constant(Value value, const BoundExprPtr& source) {
  auto constant =
      std::const_pointer_cast<BoundExpr>(make_constant(std::move(value), source->type, source->location));
  constant->args = {source};
  return constant;
}

// Operators are immutable, so one over constants is computed now, as PostgreSQL's planner
// does (eval_const_expressions): `SELECT 1/0` fails before any row is described.
BoundExprPtr fold_constant(const std::shared_ptr<BoundExpr>& e) {
  for (const auto& arg : e->args)
    if (arg->kind != BoundExprKind::Constant) return e;
  for (const auto& arg : e->args)
    if (arg->constant.is_null()) return folded_constant(Value::null(e->type.id), e);
  Value folded = e->kind == BoundExprKind::Unary ? e->unary_fn(e->args[0]->constant)
                                                  : e->binary_fn(e->args[0]->constant, e->args[1]->constant);
  return folded_constant(std::move(folded), e);
}

bool same_aggregate(const AggregateCall& a, const AggregateCall& b) {
  auto same = [](const BoundExprPtr& x, const BoundExprPtr& y) {
    return (!x && !y) || (x && y && same_expression(*x, *y));
  };
  if (a.kind != b.kind || a.name != b.name || a.distinct != b.distinct || !same(a.arg, b.arg) ||
      !same(a.delimiter, b.delimiter) || !same(a.filter, b.filter) ||
      a.order_by.size() != b.order_by.size())
    return false;
  for (size_t i = 0; i < a.order_by.size(); ++i) {
    if (a.order_by[i].descending != b.order_by[i].descending ||
        a.order_by[i].nulls_first != b.order_by[i].nulls_first ||
        !same(a.order_by[i].expr, b.order_by[i].expr))
      return false;
  }
  return true;
}

}  // namespace

BoundExprPtr ExpressionBinder::bind(const ast::Expr& expr) {
  using K = ast::ExprKind;
  switch (expr.kind) {
    case K::ColumnRef: return bind_column(static_cast<const ast::ColumnRef&>(expr));
    case K::Literal: return bind_literal(static_cast<const ast::Literal&>(expr));
    case K::Param: return bind_param(static_cast<const ast::Param&>(expr));
    case K::Unary: return bind_unary(static_cast<const ast::Unary&>(expr));
    case K::Binary: return bind_binary(static_cast<const ast::Binary&>(expr));
    case K::IsNull: return bind_is_null(static_cast<const ast::IsNull&>(expr));
    case K::IsBool: return bind_is_bool(static_cast<const ast::IsBool&>(expr));
    case K::Between: return bind_between(static_cast<const ast::Between&>(expr));
    case K::InList: return bind_in_list(static_cast<const ast::InList&>(expr));
    case K::FuncCall: return bind_function(static_cast<const ast::FuncCall&>(expr));
    case K::Cast: return bind_cast(static_cast<const ast::Cast&>(expr));
    case K::Case: return bind_case(static_cast<const ast::Case&>(expr));
    case K::Subquery:
    case K::Exists:
    case K::InSubquery:
      return SublinkBinder(binder_, *this).bind(expr);
    case K::Like: return bind_like(static_cast<const ast::Like&>(expr));
    case K::Array: return bind_array(static_cast<const ast::Array&>(expr));
    case K::Subscript: return bind_subscript(static_cast<const ast::Subscript&>(expr));
    case K::Collate: return bind_collate(static_cast<const ast::Collate&>(expr));
    case K::Quantified:
      if (static_cast<const ast::Quantified&>(expr).query) return SublinkBinder(binder_, *this).bind(expr);
      if (static_cast<const ast::Quantified&>(expr).array)
        return bind_quantified_array(static_cast<const ast::Quantified&>(expr));
      throw SqlError(sqlstate::kFeatureNotSupported, "this kind of expression is not supported yet")
          .with_position(position_of(expr.location));
    case K::Star:
      throw SqlError(sqlstate::kSyntaxError, "syntax error at or near \"*\"")
          .with_position(position_of(expr.location));
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this kind of expression is not supported yet")
          .with_position(position_of(expr.location));
  }
}

// ---- column references ----------------------------------------------------------------------

BoundExprPtr lookup_column(const Query& query, const ast::ColumnRef& ref) {
  const std::string& column = ref.names.back();
  std::optional<std::string> qualifier;
  if (ref.names.size() >= 2) qualifier = ref.names[ref.names.size() - 2];
  if (!qualifier) {
    for (const auto& [name, expr] : query.merged_columns)
      if (name == column) return expr;
  }
  BoundExprPtr found;
  for (size_t r = 0; r < query.range_table.size(); ++r) {
    const RangeEntry& rte = query.range_table[r];
    if (qualifier && rte.alias != *qualifier) continue;
    auto it = std::find(rte.column_names.begin(), rte.column_names.end(), column);
    if (it == rte.column_names.end()) continue;
    if (found) {
      throw SqlError(sqlstate::kAmbiguousColumn,
                     fmt::format("column reference \"{}\" is ambiguous", column))
          .with_position(position_of(ref.location));
    }
    int attno = static_cast<int>(it - rte.column_names.begin());
    auto e = std::const_pointer_cast<BoundExpr>(
        make_column(static_cast<int>(r), attno, rte.column_types[attno], column, rte.alias));
    e->location = ref.location;
    found = e;
  }
  return found;
}

BoundExprPtr ExpressionBinder::bind_equality(const BoundExprPtr& left, const BoundExprPtr& right,
                                             int location) {
  return make_operator("=", left, right, location);
}

BoundExprPtr ExpressionBinder::bind_column(const ast::ColumnRef& ref) {
  if (ref.names.size() > 3) {
    throw SqlError(sqlstate::kSyntaxError,
                   fmt::format("improper qualified name (too many dotted names): {}",
                               fmt::join(ref.names, ".")))
        .with_position(position_of(ref.location));
  }
  std::optional<std::string> qualifier;
  if (ref.names.size() >= 2) qualifier = ref.names[ref.names.size() - 2];

  BoundExprPtr found = lookup_column(query_, ref);
  if (found) {
    binder_.note_column_use(query_, *found);
    return found;
  }
  if ((found = binder_.find_outer_column(ref))) return found;
  bool qualifier_seen = false;
  for (const auto& rte : query_.range_table)
    if (qualifier && rte.alias == *qualifier) qualifier_seen = true;
  if (qualifier && !qualifier_seen) {
    for (const auto& rte : query_.range_table) {
      if (rte.table && rte.table->name == *qualifier) {
        throw SqlError(sqlstate::kUndefinedTable,
                       fmt::format("invalid reference to FROM-clause entry for table \"{}\"", *qualifier))
            .with_hint(fmt::format("Perhaps you meant to reference the table alias \"{}\".", rte.alias))
            .with_position(position_of(ref.location));
      }
    }
    throw SqlError(sqlstate::kUndefinedTable,
                   fmt::format("missing FROM-clause entry for table \"{}\"", *qualifier))
        .with_position(position_of(ref.location));
  }
  missing_column(ref);
}

void ExpressionBinder::missing_column(const ast::ColumnRef& ref) {
  const std::string& column = ref.names.back();
  std::string shown = ref.names.size() >= 2
                          ? fmt::format("{}.{}", ref.names[ref.names.size() - 2], column)
                          : fmt::format("\"{}\"", column);
  SqlError error(sqlstate::kUndefinedColumn, fmt::format("column {} does not exist", shown));
  error.with_position(position_of(ref.location));
  std::vector<std::pair<std::string, std::string>> candidates;
  for (const auto& rte : query_.range_table)
    for (const auto& name : rte.column_names) candidates.emplace_back(rte.alias, name);
  if (auto hint = closest_column_hint(column, candidates)) error.with_hint(*hint);
  throw error;
}

// ---- literals and parameters ----------------------------------------------------------------

BoundExprPtr ExpressionBinder::bind_literal(const ast::Literal& literal) {
  switch (literal.literal_kind) {
    case ast::LiteralKind::Null:
      return make_constant(Value::null(TypeId::Unknown), DataType{TypeId::Unknown},
                           literal.location);
    case ast::LiteralKind::Bool:
      return make_constant(Value::boolean(literal.text == "true"), DataType{TypeId::Bool},
                           literal.location);
    case ast::LiteralKind::String:
      return make_constant(Value::text(literal.text, TypeId::Unknown), DataType{TypeId::Unknown},
                           literal.location);
    case ast::LiteralKind::Integer: {
      int64_t v = 0;
      const char* begin = literal.text.data();
      const char* end = begin + literal.text.size();
      auto [ptr, ec] = std::from_chars(begin, end, v);
      if (ec == std::errc() && ptr == end) {
        if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max())
          return make_constant(Value::int4(static_cast<int32_t>(v)), DataType{TypeId::Int4},
                               literal.location);
        return make_constant(Value::int8(v), DataType{TypeId::Int8}, literal.location);
      }
      [[fallthrough]];  // too big for int8: numeric, as PostgreSQL
    }
    case ast::LiteralKind::Numeric:
      return make_constant(parse_value(literal.text, DataType{TypeId::Numeric}),
                           DataType{TypeId::Numeric}, literal.location);
  }
  return make_constant(Value(), DataType{TypeId::Unknown}, literal.location);
}

BoundExprPtr ExpressionBinder::bind_param(const ast::Param& param) {
  if (ParameterBinding* parameters = ParameterBinding::current())
    return parameters->bind(param.number, param.location);
  throw SqlError(sqlstate::kUndefinedParameter,
                 fmt::format("there is no parameter ${}", param.number))
      .with_position(position_of(param.location));
}

// ---- operators --------------------------------------------------------------------------------

BoundExprPtr ExpressionBinder::bind_unary(const ast::Unary& unary) {
  if (unary.op == "NOT") {
    auto arg = coerce_to_boolean(bind(*unary.operand), "NOT");
    auto e = std::const_pointer_cast<BoundExpr>(make_bool_op(BoundExprKind::Not, {arg}));
    e->location = unary.location;
    return e;
  }
  // A minus sign before a numeric literal is part of the constant, as in PostgreSQL
  // (so -2147483648 is an int4).
  if (unary.op == "-" && unary.operand->kind == ast::ExprKind::Literal) {
    const auto& lit = static_cast<const ast::Literal&>(*unary.operand);
    if (lit.literal_kind == ast::LiteralKind::Integer ||
        lit.literal_kind == ast::LiteralKind::Numeric) {
      ast::Literal negated(unary.location);
      negated.literal_kind = lit.literal_kind;
      negated.text = "-" + lit.text;
      return bind_literal(negated);
    }
  }
  auto arg = bind(*unary.operand);
  auto resolved = at_location(unary.location,
                              [&] { return resolve_unary_operator(unary.op, arg->type); });
  auto e = new_node(BoundExprKind::Unary, resolved.result, unary.location);
  e->args = {coerce(arg, resolved.arg, CastContext::Implicit)};
  e->unary_fn = resolved.fn;
  e->name = unary.op;
  return fold_constant(e);
}

BoundExprPtr ExpressionBinder::bind_binary(const ast::Binary& binary) {
  if (binary.op == "AND" || binary.op == "OR") {
    auto kind = binary.op == "AND" ? BoundExprKind::And : BoundExprKind::Or;
    const char* construct = binary.op == "AND" ? "AND" : "OR";
    std::vector<BoundExprPtr> args{coerce_to_boolean(bind(*binary.left), construct),
                                   coerce_to_boolean(bind(*binary.right), construct)};
    // Flatten a AND b AND c into one node, as PostgreSQL prints it.
    std::vector<BoundExprPtr> flat;
    for (auto& arg : args) {
      if (arg->kind == kind) flat.insert(flat.end(), arg->args.begin(), arg->args.end());
      else flat.push_back(arg);
    }
    auto e = std::const_pointer_cast<BoundExpr>(make_bool_op(kind, std::move(flat)));
    e->location = binary.location;
    return e;
  }
  return bind_operator(binary.op, bind(*binary.left), bind(*binary.right), binary.location);
}

BoundExprPtr ExpressionBinder::bind_operator(const std::string& op, BoundExprPtr left,
                                             BoundExprPtr right, int location) {
  return fold_constant(make_operator(op, std::move(left), std::move(right), location));
}

std::shared_ptr<BoundExpr> ExpressionBinder::make_operator(const std::string& op, BoundExprPtr left,
                                                           BoundExprPtr right, int location) {
  auto resolved = at_location(location, [&] {
    return resolve_binary_operator(op, left->type, right->type);
  });
  auto e = new_node(BoundExprKind::Operator, resolved.result, location);
  e->args = {coerce(left, resolved.left, CastContext::Implicit),
             coerce(right, resolved.right, CastContext::Implicit)};
  e->binary_fn = resolved.fn;
  e->name = op;
  return e;
}

BoundExprPtr ExpressionBinder::bind_is_null(const ast::IsNull& is_null) {
  auto e = new_node(BoundExprKind::IsNull, DataType{TypeId::Bool}, is_null.location);
  auto operand = bind(*is_null.operand);
  // An untyped parameter stays untyped here, as in PostgreSQL (42P18 when nothing types it).
  e->args = {operand->kind == BoundExprKind::Param ? operand : resolve_unknown(operand)};
  e->negated = is_null.negated;
  return e;
}

BoundExprPtr ExpressionBinder::bind_is_bool(const ast::IsBool& is_bool) {
  using Test = ast::IsBool::Test;
  if (is_bool.test == Test::DistinctFrom) {
    auto eq = make_operator("=", bind(*is_bool.operand), bind(*is_bool.other), is_bool.location);
    auto e = new_node(BoundExprKind::IsDistinct, DataType{TypeId::Bool}, is_bool.location);
    e->args = eq->args;
    e->binary_fn = eq->binary_fn;
    e->negated = is_bool.negated;
    return e;
  }
  // x IS TRUE  ==  x IS NOT DISTINCT FROM true (never NULL); IS UNKNOWN  ==  IS NULL.
  auto arg = coerce_to_boolean(bind(*is_bool.operand),
                               is_bool.test == Test::Unknown ? "IS UNKNOWN" : "IS TRUE");
  if (is_bool.test == Test::Unknown) {
    auto e = new_node(BoundExprKind::IsNull, DataType{TypeId::Bool}, is_bool.location);
    e->args = {arg};
    e->negated = is_bool.negated;
    e->name = "IS UNKNOWN";
    return e;
  }
  auto constant = make_constant(Value::boolean(is_bool.test == Test::True),
                                DataType{TypeId::Bool});
  auto eq = make_operator("=", arg, constant, is_bool.location);
  auto e = new_node(BoundExprKind::IsDistinct, DataType{TypeId::Bool}, is_bool.location);
  e->args = eq->args;
  e->binary_fn = eq->binary_fn;
  e->negated = !is_bool.negated;  // IS TRUE is IS NOT DISTINCT FROM true
  e->name = is_bool.test == Test::True ? "IS TRUE" : "IS FALSE";
  return e;
}

BoundExprPtr ExpressionBinder::bind_between(const ast::Between& between) {
  if (between.symmetric) return bind_between_symmetric(between);
  // PostgreSQL rewrites x BETWEEN a AND b to x >= a AND x <= b (and NOT BETWEEN to x < a OR x > b).
  auto operand = bind(*between.operand);
  auto low = bind_operator(between.negated ? "<" : ">=", operand, bind(*between.low),
                           between.location);
  auto high = bind_operator(between.negated ? ">" : "<=", operand, bind(*between.high),
                            between.location);
  auto e = std::const_pointer_cast<BoundExpr>(
      make_bool_op(between.negated ? BoundExprKind::Or : BoundExprKind::And, {low, high}));
  e->location = between.location;
  return e;
}

BoundExprPtr ExpressionBinder::bind_in_list(const ast::InList& in_list) {
  auto operand = bind(*in_list.operand);
  auto e = new_node(BoundExprKind::InList, DataType{TypeId::Bool}, in_list.location);
  std::vector<BoundExprPtr> items;
  for (const auto& item : in_list.list) items.push_back(bind(*item));
  // Resolve one comparison type for the operand and all items, like PostgreSQL's
  // transformAExprIn: each comparison is resolved as operand = item.
  e->args.push_back(operand);
  for (auto& item : items) {
    auto eq = make_operator("=", operand, item, in_list.location);
    e->args[0] = eq->args[0];
    e->args.push_back(eq->args[1]);
    e->in_equals.push_back(eq->binary_fn);
  }
  e->negated = in_list.negated;
  return e;
}

// ---- functions --------------------------------------------------------------------------------

BoundExprPtr ExpressionBinder::bind_function(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  if (call.name.size() == 1 || call.name.front() == "pg_catalog") {
    if (is_aggregate_name(name)) return bind_aggregate(call);
    if (is_window_function_name(name)) return WindowBinder(*this, query_).bind(call);
    if (name == "grouping") {
      if (!aggregates_allowed_) {
        throw SqlError(sqlstate::kGroupingError,
                       fmt::format("grouping operations are not allowed in {}", clause_))
            .with_position(position_of(call.location));
      }
      return bind_grouping_function(*this, query_, call);
    }
    if (name == "coalesce") return bind_coalesce(call);
    if (name == "nullif" && call.args.size() == 2) return bind_nullif(call);
    if (name == "greatest" || name == "least") return bind_greatest_least(call);
    if (name == "pg_typeof" && call.args.size() == 1) return bind_pg_typeof(call);
    if (name == "nextval" || name == "currval" || name == "setval" || name == "lastval")
      return bind_sequence_function(call);
    if ((name == "set_config" && call.args.size() == 3) ||
        (name == "current_setting" && call.args.size() == 1)) {
      bool set = name == "set_config";
      auto e = new_node(set ? BoundExprKind::SetConfig : BoundExprKind::CurrentSetting,
                        DataType{TypeId::Text}, call.location);
      for (size_t i = 0; i < call.args.size(); ++i)
        e->args.push_back(coerce(bind(*call.args[i]), DataType{i == 2 ? TypeId::Bool : TypeId::Text},
                                 CastContext::Implicit));
      e->name = name;
      e->strict = false;
      return e;
    }
    if (name == "pg_sleep" && call.args.size() == 1) {
      auto e = new_node(BoundExprKind::Sleep, DataType{TypeId::Void}, call.location);
      e->args = {coerce(bind(*call.args[0]), DataType{TypeId::Float8}, CastContext::Implicit)};
      e->name = name;
      return e;
    }
  }
  check_plain_function_call(call);
  if (is_table_function(name) || name == "generate_series") return bind_set_function(call);
  std::vector<BoundExprPtr> args;
  std::vector<DataType> types;
  for (const auto& arg : call.args) {
    args.push_back(bind(*arg));
    types.push_back(args.back()->type);
  }
  if (auto engine_call = bind_engine_call(binder_, name, args, call.location))
    return bind_engine_scalar(*engine_call, name, call.location);
  auto resolved = at_location(call.location, [&] { return resolve_function(name, types); });
  auto e = new_node(BoundExprKind::Function, resolved.result, call.location);
  for (size_t i = 0; i < args.size(); ++i)
    e->args.push_back(coerce(args[i], resolved.args[i], CastContext::Implicit));
  e->function = resolved.fn;
  e->strict = resolved.strict;
  e->name = name;
  return e;
}

BoundExprPtr ExpressionBinder::bind_engine_scalar(EngineCall& call, const std::string& name,
                                                  int location) {
  if (call.function->set_returning()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("set-returning function {}() is supported only in FROM", name))
        .with_position(position_of(location));
  }
  auto e = new_node(BoundExprKind::EngineCall, call.function->result, location);
  e->args = std::move(call.args);
  e->engine_function = call.function;
  e->strict = call.function->strict;
  e->name = name;
  return e;
}

BoundExprPtr ExpressionBinder::bind_aggregate(const ast::FuncCall& call) {
  if (call.over) return WindowBinder(*this, query_).bind(call);
  if (!aggregates_allowed_) {
    throw SqlError(sqlstate::kGroupingError,
                   inside_aggregate_
                       ? std::string("aggregate function calls cannot be nested")
                       : fmt::format("aggregate functions are not allowed in {}", clause_))
        .with_position(position_of(call.location));
  }
  AggregateCall aggregate = bind_aggregate_call(call);
  query_.has_aggregation = true;
  // The same call written twice is computed once, as PostgreSQL shares identical Aggrefs.
  size_t index = 0;
  while (index < query_.aggregates.size() && !same_aggregate(query_.aggregates[index], aggregate))
    ++index;
  if (index == query_.aggregates.size()) query_.aggregates.push_back(std::move(aggregate));
  auto e = new_node(BoundExprKind::AggregateRef, query_.aggregates[index].result_type,
                    call.location);
  e->index = static_cast<int>(index);
  e->name = call.name.back();
  return e;
}

BoundExprPtr ExpressionBinder::bind_nested(const ast::Expr& expr, const char* what,
                                           bool aggregates_allowed) {
  const char* saved_clause = clause_;
  bool saved_aggregates = aggregates_allowed_, saved_inside = inside_aggregate_;
  bool saved_windows = windows_allowed_, saved_inside_window = inside_window_function_;
  bool saved_set_functions = set_functions_allowed_;
  clause_ = what;
  set_functions_allowed_ = false;
  aggregates_allowed_ = aggregates_allowed;
  inside_aggregate_ = false;
  windows_allowed_ = false;
  inside_window_function_ = false;
  auto restore = [&] {
    clause_ = saved_clause;
    aggregates_allowed_ = saved_aggregates;
    inside_aggregate_ = saved_inside;
    windows_allowed_ = saved_windows;
    inside_window_function_ = saved_inside_window;
    set_functions_allowed_ = saved_set_functions;
  };
  try {
    auto bound = bind(expr);
    restore();
    return bound;
  } catch (...) {
    restore();
    throw;
  }
}

// PostgreSQL's polymorphic-type errors (json_agg('x')) carry no position; the others do.
AggregateSignature ExpressionBinder::resolve_aggregate_at(const std::string& name,
                                                          const std::vector<DataType>& types,
                                                          int location) {
  try {
    return resolve_aggregate(name, types);
  } catch (SqlError& error) {
    if (error.state != sqlstate::kDatatypeMismatch) error.with_position(position_of(location));
    throw;
  }
}

// The aggregate's arguments, FILTER and ORDER BY, bound where aggregates cannot nest.
AggregateCall ExpressionBinder::bind_aggregate_call(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  AggregateCall aggregate;
  aggregate.name = name;
  aggregate.distinct = call.distinct;
  bool saved_allowed = aggregates_allowed_, saved_inside = inside_aggregate_;
  aggregates_allowed_ = false;
  inside_aggregate_ = true;
  struct Restore {
    ExpressionBinder& self;
    bool allowed, inside;
    ~Restore() {
      self.aggregates_allowed_ = allowed;
      self.inside_aggregate_ = inside;
    }
  } restore{*this, saved_allowed, saved_inside};
  if (call.star) {
    if (name != "count") {
      throw SqlError(sqlstate::kWrongObjectType,
                     fmt::format("{}(*) specified, but {} is not an aggregate function", name, name))
          .with_position(position_of(call.location));
    }
    aggregate.kind = AggregateKind::CountStar;
    aggregate.result_type = DataType{TypeId::Int8};
  } else {
    std::vector<BoundExprPtr> args;
    std::vector<DataType> types;
    for (const auto& arg : call.args) {
      args.push_back(bind(*arg));
      types.push_back(args.back()->type);
    }
    auto signature = resolve_aggregate_at(name, types, call.location);
    aggregate.kind = signature.kind;
    aggregate.result_type = signature.result;
    aggregate.arg = coerce(args[0], signature.arg, CastContext::Implicit);
    if (args.size() > 1)
      aggregate.delimiter = coerce(args[1], signature.second.value_or(signature.arg), CastContext::Implicit);
  }
  for (const auto& item : call.order_by) {
    SortKey key;
    key.expr = resolve_unknown(bind(*item.expr));
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    aggregate.order_by.push_back(std::move(key));
  }
  if (call.filter) {
    aggregates_allowed_ = saved_allowed;
    inside_aggregate_ = saved_inside;
    aggregate.filter = coerce_to_boolean(bind_nested(*call.filter, "FILTER", false), "FILTER");
  }
  return aggregate;
}

// FILTER, ORDER BY, OVER, * and DISTINCT belong to aggregate and window function calls.
void ExpressionBinder::check_plain_function_call(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  const char* what = call.star ? "*" : call.distinct ? "DISTINCT" : !call.order_by.empty() ? "ORDER BY"
                     : call.filter ? "FILTER" : nullptr;
  if (what != nullptr) {
    throw SqlError(sqlstate::kWrongObjectType,
                   call.star ? fmt::format("{}(*) specified, but {} is not an aggregate function", name, name)
                             : fmt::format("{} specified, but {} is not an aggregate function", what, name))
        .with_position(position_of(call.location));
  }
  if (call.over) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("OVER specified, but {} is not a window function nor an aggregate "
                               "function", name))
        .with_position(position_of(call.location));
  }
}

BoundExprPtr ExpressionBinder::bind_coalesce(const ast::FuncCall& call) {
  std::vector<BoundExprPtr> args;
  for (const auto& arg : call.args) args.push_back(bind(*arg));
  DataType common = at_location(call.location, [&] { return common_type(args, "COALESCE"); });
  auto e = new_node(BoundExprKind::Coalesce, common, call.location);
  for (auto& arg : args) e->args.push_back(coerce(arg, common, CastContext::Implicit));
  e->name = "COALESCE";
  return e;
}

BoundExprPtr ExpressionBinder::bind_sequence_function(const ast::FuncCall& call) {
  // nextval/currval/setval('name' or 'name'::regclass, ...), lastval(): the sequence is
  // resolved at bind time, as PostgreSQL resolves a regclass constant.
  const std::string& function = call.name.back();
  size_t min_args = function == "lastval" ? 0 : function == "setval" ? 2 : 1;
  size_t max_args = function == "setval" ? 3 : min_args;
  if (call.args.size() < min_args || call.args.size() > max_args) {
    std::string types;
    for (const auto& arg : call.args)
      types += (types.empty() ? "" : ", ") + format_type(bind(*arg)->type);
    throw SqlError(sqlstate::kUndefinedFunction,
                   fmt::format("function {}({}) does not exist", function, types))
        .with_hint("No function matches the given name and argument types. You might need to "
                   "add explicit type casts.")
        .with_position(position_of(call.location));
  }
  if (function == "lastval") {
    auto e = new_node(BoundExprKind::SequenceFunction, DataType{TypeId::Int8}, call.location);
    e->name = function;
    return e;
  }
  const ast::Expr* arg = call.args[0].get();
  if (arg->kind == ast::ExprKind::Cast) arg = static_cast<const ast::Cast*>(arg)->operand.get();
  if (arg->kind != ast::ExprKind::Literal ||
      static_cast<const ast::Literal*>(arg)->literal_kind != ast::LiteralKind::String) {
    return bind_sequence_function_by_text(call);
  }
  ast::QualifiedName name;
  const std::string& text = static_cast<const ast::Literal*>(arg)->text;
  if (auto dot = text.find('.'); dot != std::string::npos) {
    name.schema = text.substr(0, dot);
    name.name = text.substr(dot + 1);
  } else {
    name.name = text;
  }
  name.location = arg->location;
  auto sequence = binder_.lookup_table(name);
  if (sequence->relkind != 'S') {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("\"{}\" is not a sequence", sequence->name));
  }
  auto e = new_node(function == "nextval" ? BoundExprKind::NextVal : BoundExprKind::SequenceFunction,
                    DataType{TypeId::Int8}, call.location);
  e->sequence_oid = sequence->oid;
  e->name = function == "nextval" ? sequence->name : function;
  e->qualifier = sequence->name;
  if (function == "setval") {
    e->args.push_back(coerce(bind(*call.args[1]), DataType{TypeId::Int8}, CastContext::Implicit));
    if (call.args.size() == 3)
      e->args.push_back(coerce(bind(*call.args[2]), DataType{TypeId::Bool}, CastContext::Implicit));
  }
  return e;
}

// setval(pg_get_serial_sequence('t', 'id'), ...): the sequence is named by a text computed
// at run time (PostgreSQL's text-to-regclass cast), so args[0] is that text and sequence_oid
// stays 0 until the executor resolves it.
BoundExprPtr ExpressionBinder::bind_sequence_function_by_text(const ast::FuncCall& call) {
  const std::string& function = call.name.back();
  BoundExprPtr name = bind(*call.args[0]);
  TypeId type = name->type.id;
  if (type != TypeId::Text && type != TypeId::Varchar && type != TypeId::Name) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("{}() takes a sequence name as text", function))
        .with_position(position_of(call.args[0]->location));
  }
  auto e = new_node(BoundExprKind::SequenceFunction, DataType{TypeId::Int8}, call.location);
  e->name = function;
  e->args.push_back(coerce(name, DataType{TypeId::Text}, CastContext::Implicit));
  if (function == "setval") {
    e->args.push_back(coerce(bind(*call.args[1]), DataType{TypeId::Int8}, CastContext::Implicit));
    if (call.args.size() == 3)
      e->args.push_back(coerce(bind(*call.args[2]), DataType{TypeId::Bool}, CastContext::Implicit));
  }
  return e;
}

// ---- casts and CASE ---------------------------------------------------------------------------

BoundExprPtr ExpressionBinder::bind_cast(const ast::Cast& cast) {
  if (cast.operand->kind == ast::ExprKind::Array &&
      static_cast<const ast::Array&>(*cast.operand).elements.empty() &&
      !static_cast<const ast::Array&>(*cast.operand).query) {
    return bind_empty_array_cast(cast);
  }
  auto operand = bind(*cast.operand);
  DataType target = at_location(cast.type.location, [&] {
    return resolve_type_name(cast.type.name, cast.type.modifiers, cast.type.is_array);
  });
  if (auto reference = bind_object_reference_cast(binder_, operand, target)) return reference;
  // ARRAY[...]::t[] coerces each element, so PostgreSQL reports the first element.
  int cast_location = cast.location;
  if (cast.operand->kind == ast::ExprKind::Array) {
    const auto& elements = static_cast<const ast::Array&>(*cast.operand).elements;
    if (!elements.empty()) cast_location = elements.front()->location;
  }
  check_cast_exists(operand->type, target, cast_location);
  return coerce(operand, target, CastContext::Explicit);
}

BoundExprPtr ExpressionBinder::bind_case(const ast::Case& case_expr) {
  BoundExprPtr arg;
  if (case_expr.arg) arg = bind(*case_expr.arg);
  std::vector<BoundExprPtr> conditions, results;
  for (const auto& when : case_expr.whens) {
    auto condition = bind(*when.condition);
    if (arg) condition = bind_operator("=", arg, condition, when.condition->location);
    conditions.push_back(coerce_to_boolean(condition, "CASE/WHEN"));
    results.push_back(bind(*when.result));
  }
  if (case_expr.else_result) results.push_back(bind(*case_expr.else_result));
  // PostgreSQL resolves the ELSE branch first (it heads the list select_common_type sees).
  std::vector<BoundExprPtr> resolution_order = results;
  if (case_expr.else_result) std::rotate(resolution_order.rbegin(), resolution_order.rbegin() + 1, resolution_order.rend());
  DataType common = at_location(case_expr.location, [&] { return common_type(resolution_order, "CASE"); });
  auto e = new_node(BoundExprKind::Case, common, case_expr.location);
  for (size_t i = 0; i < conditions.size(); ++i) {
    e->args.push_back(conditions[i]);
    e->args.push_back(coerce(results[i], common, CastContext::Implicit));
  }
  if (case_expr.else_result) {
    e->args.push_back(coerce(results.back(), common, CastContext::Implicit));
    e->has_else = true;
  }
  return e;
}

// ---- coercion ---------------------------------------------------------------------------------

BoundExprPtr ExpressionBinder::coerce(const BoundExprPtr& expr, DataType target,
                                      CastContext context) {
  if (expr->type == target) return expr;
  if (expr->type.id == target.id && target.typmod < 0) return expr;
  if (expr->kind == BoundExprKind::Param && expr->type.id == TypeId::Unknown) {
    if (ParameterBinding* parameters = ParameterBinding::current()) {
      BoundExprPtr typed = parameters->resolve(*expr, target);
      return typed->type == target ? typed : coerce(typed, target, context);
    }
  }
  if (expr->kind == BoundExprKind::Constant) {
    // Folding, as PostgreSQL folds casts of constants. Only reading an untyped literal reports
    // the literal's position (22P02 at the literal); conversions of typed values do not.
    Value value = expr->constant;
    if (value.is_null()) return make_constant(Value::null(target.id), target, expr->location);
    if (expr->type.id == TypeId::Unknown) {
      value = at_location(expr->location, [&] { return parse_value(value.as_text(), DataType{target.id}); });
    } else if (!can_cast(expr->type.id, target.id, context)) {
      at_location(expr->location, [&] { throw_cannot_cast(expr->type, target); });
    }
    Value converted = cast_value(value, target, context);
    // An untyped literal simply is a constant of the type (as in PostgreSQL); a typed one
    // keeps its cast for pg_get_expr.
    if (expr->type.id == TypeId::Unknown) return make_constant(std::move(converted), target, expr->location);
    auto cast = new_node(BoundExprKind::Cast, target, expr->location);
    cast->args = {expr};
    cast->cast_context = context;
    return folded_constant(std::move(converted), cast);
  }
  if (expr->type.id != TypeId::Unknown && !can_cast(expr->type.id, target.id, context))
    at_location(expr->location, [&] { throw_cannot_cast(expr->type, target); });
  if (is_object_reference_type(expr->type.id) && is_string_type(target.id))
    return object_reference_text(expr, target, context);  // the name, which needs the catalog
  auto e = new_node(BoundExprKind::Cast, target, expr->location);
  e->args = {expr};
  e->cast_context = context;
  return e;
}

BoundExprPtr ExpressionBinder::coerce_for_column(const BoundExprPtr& expr, DataType target,
                                                 const std::string& column, int location) {
  if (expr->type.id != TypeId::Unknown && expr->type.id != target.id &&
      !can_cast(expr->type.id, target.id, CastContext::Assignment)) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("column \"{}\" is of type {} but expression is of type {}", column,
                               format_type(DataType{target.id, target.typmod}),
                               format_type(expr->type)))
        .with_hint("You will need to rewrite or cast the expression.")
        .with_position(position_of(location));
  }
  return coerce(expr, target, CastContext::Assignment);
}

BoundExprPtr ExpressionBinder::coerce_to_boolean(const BoundExprPtr& expr, const char* construct) {
  if (expr->type.id == TypeId::Bool) return expr;
  if (expr->type.id == TypeId::Unknown) return coerce(expr, DataType{TypeId::Bool}, CastContext::Implicit);
  throw SqlError(sqlstate::kDatatypeMismatch,
                 fmt::format("argument of {} must be type boolean, not type {}", construct,
                             format_type(expr->type)))
      .with_position(position_of(expr->location));
}

BoundExprPtr ExpressionBinder::resolve_unknown(const BoundExprPtr& expr) {
  if (expr->type.id != TypeId::Unknown) return expr;
  return coerce(expr, DataType{TypeId::Text}, CastContext::Implicit);
}

// ---- column names -----------------------------------------------------------------------------

namespace {

// PostgreSQL's FigureColnameInternal: a name and its strength — 2 for column and function
// names, 1 for a cast's type name (so an outer cast's type wins over an inner one's), 0 none.
std::pair<std::string, int> figure_name(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::ColumnRef:
      return {static_cast<const ast::ColumnRef&>(expr).names.back(), 2};
    case ast::ExprKind::FuncCall:
      return {static_cast<const ast::FuncCall&>(expr).name.back(), 2};
    case ast::ExprKind::Cast: {
      const auto& cast = static_cast<const ast::Cast&>(expr);
      auto inner = figure_name(*cast.operand);
      if (inner.second >= 2) return inner;
      return {cast.type.name, 1};
    }
    case ast::ExprKind::Literal:
      return {"?column?", 0};
    case ast::ExprKind::Case: return {"case", 2};
    case ast::ExprKind::Exists: return {"exists", 2};
    case ast::ExprKind::Array: return {"array", 2};
    case ast::ExprKind::Row: return {"row", 2};
    case ast::ExprKind::Subquery: {
      // The subquery's column name (of its first set-operation operand).
      const ast::SelectStmt* select = static_cast<const ast::Subquery&>(expr).query.get();
      while (select->left) select = select->left.get();
      if (select->targets.empty()) return {"?column?", 2};
      const ast::ResultTarget& first = select->targets[0];
      return {first.alias.value_or(figure_name(*first.expr).first), 2};
    }
    case ast::ExprKind::Subscript: return figure_name(*static_cast<const ast::Subscript&>(expr).base);
    default: return {"?column?", 0};
  }
}

}  // namespace

std::string figure_column_name(const ast::Expr& expr) { return figure_name(expr).first; }

}  // namespace chalkdb
