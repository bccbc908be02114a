#include "planner/aggregate_catalog.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"
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

[[noreturn]] void no_such_aggregate(std::string_view name, DataType arg) {
  throw SqlError(sqlstate::kUndefinedFunction,
                 fmt::format("function {}({}) does not exist", name, format_type(arg)))
      .with_hint("No function matches the given name and argument types. You might need to add "
                 "explicit type casts.");
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

}  // namespace

bool is_aggregate_name(std::string_view name) {
  return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max";
}

AggregateSignature resolve_aggregate(std::string_view name, DataType arg) {
  // An untyped literal argument resolves to text, as PostgreSQL's unknown → text rule.
  if (arg.id == TypeId::Unknown) arg = DataType{TypeId::Text};
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
