#include "planner/window_binder.h"

#include <fmt/format.h>

#include <algorithm>

#include "planner/aggregate_catalog.h"
#include "planner/type_resolution.h"
#include "sql/error/sql_error.h"
#include "sql/types/operators.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

using ast::FrameBoundKind;
using ast::FrameMode;

int position_of(int location) { return location + 1; }

struct WindowFunctionInfo {
  std::string_view name;
  WindowFunctionKind kind;
  size_t min_args, max_args;
};

constexpr WindowFunctionInfo kWindowFunctions[] = {
    {"row_number", WindowFunctionKind::RowNumber, 0, 0},
    {"rank", WindowFunctionKind::Rank, 0, 0},
    {"dense_rank", WindowFunctionKind::DenseRank, 0, 0},
    {"percent_rank", WindowFunctionKind::PercentRank, 0, 0},
    {"cume_dist", WindowFunctionKind::CumeDist, 0, 0},
    {"ntile", WindowFunctionKind::Ntile, 1, 1},
    {"lag", WindowFunctionKind::Lag, 1, 3},
    {"lead", WindowFunctionKind::Lead, 1, 3},
    {"first_value", WindowFunctionKind::FirstValue, 1, 1},
    {"last_value", WindowFunctionKind::LastValue, 1, 1},
    {"nth_value", WindowFunctionKind::NthValue, 2, 2},
};

const WindowFunctionInfo* find_window_function(std::string_view name) {
  for (const auto& info : kWindowFunctions)
    if (info.name == name) return &info;
  return nullptr;
}

[[noreturn]] void no_such_function(const std::string& name, const std::vector<BoundExprPtr>& args,
                                   int location) {
  std::vector<std::string> types;
  for (const auto& arg : args) types.push_back(format_type(arg->type));
  throw SqlError(sqlstate::kUndefinedFunction,
                 fmt::format("function {}({}) does not exist", name, fmt::join(types, ", ")))
      .with_hint("No function matches the given name and argument types. You might need to add "
                 "explicit type casts.")
      .with_position(position_of(location));
}

SqlError windowing_error(const std::string& message, int location) {
  return std::move(SqlError(sqlstate::kWindowingError, message).with_position(position_of(location)));
}

const BoundExpr* first_column(const BoundExpr& expr) {
  if (expr.kind == BoundExprKind::Column) return &expr;
  for (const auto& arg : expr.args)
    if (const BoundExpr* found = first_column(*arg)) return found;
  return nullptr;
}

bool same_sort_keys(const std::vector<SortKey>& a, const std::vector<SortKey>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].descending != b[i].descending || a[i].nulls_first != b[i].nulls_first ||
        !same_expression(*a[i].expr, *b[i].expr))
      return false;
  }
  return true;
}

bool same_optional_expression(const BoundExprPtr& a, const BoundExprPtr& b) {
  if (!a || !b) return !a && !b;
  return same_expression(*a, *b);
}

bool same_window(const WindowClause& a, const WindowClause& b) {
  if (a.partition_by.size() != b.partition_by.size()) return false;
  for (size_t i = 0; i < a.partition_by.size(); ++i)
    if (!same_expression(*a.partition_by[i], *b.partition_by[i])) return false;
  const auto &fa = a.frame, &fb = b.frame;
  return same_sort_keys(a.order_by, b.order_by) && fa.mode == fb.mode && fa.start == fb.start &&
         fa.end == fb.end && fa.exclusion == fb.exclusion &&
         same_optional_expression(fa.start_offset, fb.start_offset) &&
         same_optional_expression(fa.end_offset, fb.end_offset);
}

// The offset type of RANGE ... PRECEDING/FOLLOWING for an ORDER BY key (PostgreSQL's in_range
// support functions), or Unknown when the type has none.
TypeId range_offset_type(TypeId key) {
  switch (key) {
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8: return TypeId::Int8;
    case TypeId::Numeric: return TypeId::Numeric;
    case TypeId::Float4:
    case TypeId::Float8: return TypeId::Float8;
    case TypeId::Date:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: return TypeId::Interval;
    default: return TypeId::Unknown;
  }
}

}  // namespace

bool is_window_function_name(std::string_view name) { return find_window_function(name) != nullptr; }

BoundExprPtr WindowBinder::bind(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  if (!call.over) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("window function {} requires an OVER clause", name))
        .with_position(position_of(call.location));
  }
  check_allowed(call);
  WindowCall window_call = bind_function(call);
  window_call.window = bind_window(*call.over);
  window_call.id = static_cast<int>(query_.window_calls.size());
  query_.window_calls.push_back(std::move(window_call));
  auto ref = std::make_shared<BoundExpr>();
  ref->kind = BoundExprKind::WindowRef;
  ref->type = query_.window_calls.back().result_type;
  ref->location = call.location;
  ref->index = static_cast<int>(query_.window_calls.size() - 1);
  ref->name = name;
  return ref;
}

void WindowBinder::check_allowed(const ast::FuncCall& call) const {
  if (expressions_.inside_aggregate_) {
    throw SqlError(sqlstate::kGroupingError,
                   "aggregate function calls cannot contain window function calls")
        .with_position(position_of(call.location));
  }
  if (expressions_.inside_window_function_)
    throw windowing_error("window function calls cannot be nested", call.location);
  if (!expressions_.windows_allowed_) {
    throw windowing_error(
        fmt::format("window functions are not allowed in {}", expressions_.clause_), call.location);
  }
}

WindowCall WindowBinder::bind_function(const ast::FuncCall& call) {
  const std::string& name = call.name.back();
  WindowCall window_call;
  window_call.name = name;
  bool aggregate = is_aggregate_name(name);
  if (call.distinct) {
    throw SqlError(sqlstate::kFeatureNotSupported, "DISTINCT is not implemented for window functions")
        .with_position(position_of(call.location));
  }
  if (!call.order_by.empty()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "aggregate ORDER BY is not implemented for window functions")
        .with_position(position_of(call.location));
  }
  if (call.filter && !aggregate) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "FILTER is not implemented for non-aggregate window functions")
        .with_position(position_of(call.location));
  }
  if (call.star && !aggregate) {
    throw SqlError(sqlstate::kWrongObjectType,
                   fmt::format("{}(*) specified, but {} is not an aggregate function", name, name))
        .with_position(position_of(call.location));
  }
  bind_window_function_args(call, window_call);
  if (!aggregate) return window_call;

  window_call.kind = WindowFunctionKind::Aggregate;
  AggregateCall& agg = window_call.aggregate;
  agg.name = name;
  if (call.star) {
    if (name != "count") {
      throw SqlError(sqlstate::kWrongObjectType,
                     fmt::format("{}(*) specified, but {} is not an aggregate function", name, name))
          .with_position(position_of(call.location));
    }
    agg.kind = AggregateKind::CountStar;
    agg.result_type = DataType{TypeId::Int8};
  } else {
    std::vector<DataType> types;
    for (const auto& arg : window_call.args) types.push_back(arg->type);
    AggregateSignature signature;
    try {
      signature = resolve_aggregate(name, types);
    } catch (SqlError& error) {
      if (!error.position) error.with_position(position_of(call.location));
      throw;
    }
    agg.kind = signature.kind;
    agg.result_type = signature.result;
    agg.arg = ExpressionBinder::coerce(window_call.args[0], signature.arg, CastContext::Implicit);
    if (window_call.args.size() > 1)
      agg.delimiter = ExpressionBinder::coerce(window_call.args[1], signature.second.value_or(signature.arg),
                                               CastContext::Implicit);
  }
  if (call.filter) {
    agg.filter = ExpressionBinder::coerce_to_boolean(
        expressions_.bind_nested(*call.filter, "FILTER", false), "FILTER");
  }
  window_call.result_type = agg.result_type;
  window_call.args.clear();  // the aggregate call holds them
  return window_call;
}

// Arguments may contain aggregates (sum(sum(x)) OVER ()) but not window functions.
void WindowBinder::bind_window_function_args(const ast::FuncCall& call, WindowCall& window_call) {
  bool saved_inside = expressions_.inside_window_function_;
  bool saved_allowed = expressions_.windows_allowed_;
  expressions_.inside_window_function_ = true;
  expressions_.windows_allowed_ = false;
  try {
    for (const auto& arg : call.args) window_call.args.push_back(expressions_.bind(*arg));
  } catch (...) {
    expressions_.inside_window_function_ = saved_inside;
    expressions_.windows_allowed_ = saved_allowed;
    throw;
  }
  expressions_.inside_window_function_ = saved_inside;
  expressions_.windows_allowed_ = saved_allowed;

  const WindowFunctionInfo* info = find_window_function(call.name.back());
  if (info == nullptr) return;  // an aggregate
  auto& args = window_call.args;
  window_call.kind = info->kind;
  if (args.size() < info->min_args || args.size() > info->max_args)
    no_such_function(window_call.name, args, call.location);
  const DataType int4{TypeId::Int4};
  switch (info->kind) {
    case WindowFunctionKind::RowNumber:
    case WindowFunctionKind::Rank:
    case WindowFunctionKind::DenseRank:
      window_call.result_type = DataType{TypeId::Int8};
      return;
    case WindowFunctionKind::PercentRank:
    case WindowFunctionKind::CumeDist:
      window_call.result_type = DataType{TypeId::Float8};
      return;
    case WindowFunctionKind::Ntile:
      args[0] = ExpressionBinder::coerce(args[0], int4, CastContext::Implicit);
      window_call.result_type = int4;
      return;
    case WindowFunctionKind::Lag:
    case WindowFunctionKind::Lead: {
      if (args.size() >= 2) args[1] = ExpressionBinder::coerce(args[1], int4, CastContext::Implicit);
      std::vector<BoundExprPtr> values{args[0]};
      if (args.size() == 3) values.push_back(args[2]);
      DataType type{common_type(values, window_call.name.c_str()).id};  // no typmod
      args[0] = ExpressionBinder::coerce(args[0], type, CastContext::Implicit);
      if (args.size() == 3) args[2] = ExpressionBinder::coerce(args[2], type, CastContext::Implicit);
      window_call.result_type = type;
      return;
    }
    case WindowFunctionKind::NthValue:
      args[1] = ExpressionBinder::coerce(args[1], int4, CastContext::Implicit);
      [[fallthrough]];
    default:
      args[0] = ExpressionBinder::resolve_unknown(args[0]);
      window_call.result_type = args[0]->type;
      return;
  }
}

const ast::WindowSpec* WindowBinder::find_named_window(const std::string& name, int location) const {
  if (expressions_.named_windows_) {
    for (const auto& spec : *expressions_.named_windows_)
      if (spec.name == name) return &spec;
  }
  throw SqlError(sqlstate::kUndefinedObject, fmt::format("window \"{}\" does not exist", name))
      .with_position(position_of(location));
}

// Binds the window an OVER clause names or spells out, returning its index in the query's
// windows (an identical window already there is reused, as PostgreSQL merges them).
int WindowBinder::bind_window(const ast::WindowSpec& over) {
  const ast::WindowSpec* spec = &over;
  if (over.name && !over.refname && over.partition_by.empty() && over.order_by.empty() && !over.frame)
    spec = find_named_window(*over.name, over.location);
  // OVER (w ...): w's PARTITION BY and ORDER BY, under PostgreSQL's override rules.
  const ast::WindowSpec* partition_source = spec;
  const ast::WindowSpec* order_source = spec;
  if (spec->refname) {
    const ast::WindowSpec* base = find_named_window(*spec->refname, spec->location);
    if (!spec->partition_by.empty()) {
      throw windowing_error(
          fmt::format("cannot override PARTITION BY clause of window \"{}\"", *spec->refname),
          spec->location);
    }
    if (!spec->order_by.empty() && !base->order_by.empty()) {
      throw windowing_error(
          fmt::format("cannot override ORDER BY clause of window \"{}\"", *spec->refname),
          spec->location);
    }
    if (base->frame) {
      throw std::move(windowing_error(fmt::format("cannot copy window \"{}\" because it has a "
                                                  "frame clause", *spec->refname),
                                      spec->location)
                          .with_hint("Omit the parentheses in this OVER clause."));
    }
    partition_source = base;
    if (spec->order_by.empty()) order_source = base;
  }

  WindowClause window;
  bool aggregates = expressions_.aggregates_allowed_;
  for (const auto& expr : partition_source->partition_by) {
    window.partition_by.push_back(ExpressionBinder::resolve_unknown(
        expressions_.bind_nested(*expr, "window definitions", aggregates)));
  }
  for (const auto& item : order_source->order_by) {
    SortKey key;
    key.expr = ExpressionBinder::resolve_unknown(
        expressions_.bind_nested(*item.expr, "window definitions", aggregates));
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    window.order_by.push_back(std::move(key));
  }
  if (spec->frame) bind_frame(*spec->frame, *spec, window);

  for (size_t i = 0; i < query_.windows.size(); ++i)
    if (same_window(query_.windows[i], window)) return static_cast<int>(i);
  query_.windows.push_back(std::move(window));
  return static_cast<int>(query_.windows.size() - 1);
}

void WindowBinder::bind_frame(const ast::WindowFrame& frame, const ast::WindowSpec& spec,
                              WindowClause& window) {
  WindowFrameSpec& bound = window.frame;
  bound.mode = frame.mode;
  bound.start = frame.start.kind;
  bound.end = frame.end.kind;
  bound.exclusion = frame.exclusion;
  if (frame.mode == FrameMode::Groups && window.order_by.empty())
    throw windowing_error("GROUPS mode requires an ORDER BY clause", spec.location);
  bool has_offset = frame.start.offset || frame.end.offset;
  if (frame.mode == FrameMode::Range && has_offset) {
    if (window.order_by.size() != 1) {
      throw windowing_error(
          "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column",
          spec.location);
    }
    DataType key = window.order_by[0].expr->type;
    TypeId offset_type = range_offset_type(key.id);
    if (offset_type == TypeId::Unknown) {
      throw SqlError(sqlstate::kFeatureNotSupported,
                     fmt::format("RANGE with offset PRECEDING/FOLLOWING is not supported for "
                                 "column type {}", format_type(key)))
          .with_position(position_of(frame.start.offset ? frame.start.offset->location
                                                        : frame.end.offset->location));
    }
    auto add = resolve_binary_operator("+", key, DataType{offset_type});
    auto subtract = resolve_binary_operator("-", key, DataType{offset_type});
    bound.range_add = add.fn;
    bound.range_subtract = subtract.fn;
    bound.range_type = add.result;
  }
  if (frame.start.offset)
    bound.start_offset = bind_frame_offset(frame.start, frame.mode, window, spec.location);
  if (frame.end.offset)
    bound.end_offset = bind_frame_offset(frame.end, frame.mode, window, spec.location);
}

BoundExprPtr WindowBinder::bind_frame_offset(const ast::FrameBound& bound, FrameMode mode,
                                             const WindowClause& window, int /*spec_location*/) {
  const char* clause = mode == FrameMode::Rows ? "ROWS" : mode == FrameMode::Groups ? "GROUPS" : "RANGE";
  std::string what = fmt::format("window {}", clause);
  auto offset = expressions_.bind_nested(*bound.offset, what.c_str(), false);
  if (const BoundExpr* column = first_column(*offset)) {
    throw SqlError(sqlstate::kInvalidColumnReference,
                   fmt::format("argument of {} must not contain variables", clause))
        .with_position(position_of(column->location));
  }
  TypeId target = mode == FrameMode::Range ? range_offset_type(window.order_by[0].expr->type.id)
                                           : TypeId::Int8;
  if (offset->type.id != target && offset->type.id != TypeId::Unknown &&
      !(mode != FrameMode::Range && (offset->type.id == TypeId::Int2 || offset->type.id == TypeId::Int4))) {
    bool numeric_key = target == TypeId::Numeric || target == TypeId::Float8 || target == TypeId::Int8;
    bool integer_offset = offset->type.id == TypeId::Int2 || offset->type.id == TypeId::Int4 ||
                          offset->type.id == TypeId::Int8;
    if (!(numeric_key && integer_offset)) {
      throw SqlError(sqlstate::kDatatypeMismatch,
                     fmt::format("argument of {} must be type {}, not type {}", clause,
                                 format_type(DataType{target}), format_type(offset->type)))
          .with_position(position_of(bound.offset->location));
    }
  }
  return ExpressionBinder::coerce(offset, DataType{target}, CastContext::Implicit);
}

}  // namespace chalkdb
