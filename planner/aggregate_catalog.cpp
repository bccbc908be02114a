#include "planner/aggregate_catalog.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

bool is_integer(TypeId t) { return t == TypeId::Int2 || t == TypeId::Int4 || t == TypeId::Int8; }
bool is_float(TypeId t) { return t == TypeId::Float4 || t == TypeId::Float8; }

// Types min/max order (PostgreSQL has min/max for every type with a btree opclass).
bool is_orderable(TypeId t) {
  switch (t) {
    case TypeId::Bytea:
    case TypeId::Void:
      return false;
    default:
      return true;
  }
}

[[noreturn]] void no_such_aggregate(std::string_view name, const std::vector<DataType>& args) {
  std::vector<std::string> types;
  for (const auto& arg : args) types.push_back(format_type(arg));
  throw SqlError(sqlstate::kUndefinedFunction,
                 fmt::format("function {}({}) does not exist", name, fmt::join(types, ", ")))
      .with_hint("No function matches the given name and argument types. You might need to add "
                 "explicit type casts.");
}

[[noreturn]] void no_such_aggregate(std::string_view name, DataType arg) {
  no_such_aggregate(name, std::vector<DataType>{arg});
}

// Types an implicit cast turns into text (string_agg's arguments).
bool is_text_like(TypeId t) {
  return t == TypeId::Text || t == TypeId::Varchar || t == TypeId::Bpchar || t == TypeId::Name ||
         t == TypeId::Unknown;
}

AggregateSignature statistics_signature(std::string_view name, DataType arg) {
  AggregateKind kind = name == "var_pop" ? AggregateKind::VarPop
                       : name == "stddev_pop" ? AggregateKind::StddevPop
                       : name == "variance" || name == "var_samp" ? AggregateKind::VarSamp
                                                                  : AggregateKind::StddevSamp;
  if (is_integer(arg.id) || arg.id == TypeId::Numeric)
    return {kind, DataType{TypeId::Numeric}, DataType{TypeId::Numeric}};
  if (is_float(arg.id)) return {kind, DataType{TypeId::Float8}, DataType{TypeId::Float8}};
  no_such_aggregate(name, arg);
}

AggregateSignature sum_signature(DataType arg) {
  DataType numeric{TypeId::Numeric};
  switch (arg.id) {
    case TypeId::Int2:
    case TypeId::Int4: return {AggregateKind::Sum, arg, DataType{TypeId::Int8}};
    case TypeId::Int8: return {AggregateKind::Sum, arg, numeric};
    case TypeId::Numeric: return {AggregateKind::Sum, DataType{TypeId::Numeric}, numeric};
    case TypeId::Float4:
    case TypeId::Float8: return {AggregateKind::Sum, arg, arg};
    default: no_such_aggregate("sum", arg);
  }
}

AggregateSignature avg_signature(DataType arg) {
  if (is_integer(arg.id) || arg.id == TypeId::Numeric)
    return {AggregateKind::Avg, DataType{arg.id}, DataType{TypeId::Numeric}};
  if (is_float(arg.id)) return {AggregateKind::Avg, arg, DataType{TypeId::Float8}};
  no_such_aggregate("avg", arg);
}

// array_agg, json(b)_agg and json(b)_object_agg collect their inputs, NULLs included.
std::optional<AggregateSignature> collecting_signature(std::string_view name,
                                                       const std::vector<DataType>& args) {
  bool object = name == "json_object_agg" || name == "jsonb_object_agg";
  if (name != "array_agg" && name != "json_agg" && name != "jsonb_agg" && !object) return std::nullopt;
  if (args.size() != (object ? 2u : 1u)) no_such_aggregate(name, args);
  for (const DataType& arg : args) {
    if (arg.id != TypeId::Unknown) continue;
    if (name == "array_agg") {
      throw SqlError(sqlstate::kAmbiguousFunction, "function array_agg(unknown) is not unique")
          .with_hint("Could not choose a best candidate function. You might need to add explicit "
                     "type casts.");
    }
    if (!object) {
      throw SqlError(sqlstate::kDatatypeMismatch,
                     "could not determine polymorphic type because input has type unknown");
    }
  }
  // json_object_agg("any", "any"): an untyped literal is text.
  auto typed = [](DataType t) { return t.id == TypeId::Unknown ? DataType{TypeId::Text} : t; };
  if (object) {
    bool jsonb = name == "jsonb_object_agg";
    return AggregateSignature{jsonb ? AggregateKind::JsonbObjectAgg : AggregateKind::JsonObjectAgg,
                              typed(args[0]), DataType{jsonb ? TypeId::Jsonb : TypeId::Json},
                              typed(args[1])};
  }
  if (name == "json_agg") return AggregateSignature{AggregateKind::JsonAgg, args[0], DataType{TypeId::Json}};
  if (name == "jsonb_agg") return AggregateSignature{AggregateKind::JsonbAgg, args[0], DataType{TypeId::Jsonb}};
  if (is_array_type(args[0].id)) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "array_agg of arrays is not supported: multidimensional arrays are not supported");
  }
  std::optional<TypeId> array = array_type_of(args[0].id);
  if (!array) no_such_aggregate(name, args);
  DataType element = args[0];
  // varchar(n)[] and numeric(p,s)[] lose the element typmod as PostgreSQL's anyarray does.
  return AggregateSignature{AggregateKind::ArrayAgg, element, DataType{*array}};
}

}  // namespace

bool is_aggregate_name(std::string_view name) {
  for (std::string_view known : {"count", "sum", "avg", "min", "max", "string_agg", "bool_and",
                                 "bool_or", "every", "stddev", "stddev_samp", "stddev_pop",
                                 "variance", "var_samp", "var_pop", "array_agg", "json_agg", "jsonb_agg",
                                 "json_object_agg", "jsonb_object_agg"}) {
    if (name == known) return true;
  }
  return false;
}

AggregateSignature resolve_aggregate(std::string_view name, const std::vector<DataType>& args) {
  if (auto collecting = collecting_signature(name, args)) return *collecting;
  if (name == "string_agg") {
    if (args.size() == 2 && is_text_like(args[0].id) && is_text_like(args[1].id))
      return {AggregateKind::StringAgg, DataType{TypeId::Text}, DataType{TypeId::Text}};
    no_such_aggregate(name, args);
  }
  if (args.size() != 1) no_such_aggregate(name, args);
  DataType arg = args[0];
  // An untyped literal argument resolves to text, as PostgreSQL's unknown → text rule.
  if (arg.id == TypeId::Unknown) arg = DataType{TypeId::Text};
  if (name == "bool_and" || name == "bool_or" || name == "every") {
    if (args[0].id != TypeId::Bool && args[0].id != TypeId::Unknown) no_such_aggregate(name, arg);
    DataType boolean{TypeId::Bool};
    return {name == "bool_or" ? AggregateKind::BoolOr : AggregateKind::BoolAnd, boolean, boolean};
  }
  if (name.starts_with("stddev") || name.starts_with("var")) return statistics_signature(name, arg);
  if (name == "count") return {AggregateKind::Count, arg, DataType{TypeId::Int8}};
  if (name == "sum") return sum_signature(arg);
  if (name == "avg") return avg_signature(arg);
  if (!is_orderable(arg.id)) no_such_aggregate(name, arg);
  // min/max keep the input type; varchar/bpchar are compared as text like PostgreSQL.
  DataType result = arg;
  if (arg.id == TypeId::Varchar || arg.id == TypeId::Bpchar) result = DataType{TypeId::Text};
  if (arg.id == TypeId::Numeric) result = DataType{TypeId::Numeric};
  return {name == "min" ? AggregateKind::Min : AggregateKind::Max, result, result};
}

}  // namespace chalkdb
