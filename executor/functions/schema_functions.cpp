// Schema and search-path functions: current_schema(), current_schemas(bool),
// pg_table_is_visible(oid), pg_my_temp_schema(), pg_get_userbyid(oid).
#include <fmt/format.h>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "sql/types/array_value.h"
#include "storage/catalog/search_path.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

SearchPath search_path(ExecContext& context) { return SearchPath(context.catalog, context.snapshot); }

Value current_schema(ExecContext& context, std::span<const Value>) {
  std::optional<std::string> schema = search_path(context).current_schema();
  return schema ? Value::text(*schema, TypeId::Name) : Value::null(TypeId::Name);
}

Value current_schemas(ExecContext& context, std::span<const Value> args) {
  ArrayValue array;
  array.element_type = TypeId::Name;
  for (std::string& schema : search_path(context).current_schemas(args[0].as_bool()))
    array.elements.push_back(Value::text(std::move(schema), TypeId::Name));
  return encode_array(array, TypeId::NameArray);
}

// NULL for an OID naming no relation, as PostgreSQL 15 answers.
Value table_is_visible(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation) return Value::null(TypeId::Bool);
  return Value::boolean(search_path(context).is_visible(*relation));
}

Value my_temp_schema(ExecContext& context, std::span<const Value>) {
  const std::string& temp = ActiveSearchPath::current().temp_schema;
  std::optional<Oid> oid = temp.empty() ? std::nullopt : context.catalog.find_namespace(temp, context.snapshot);
  return Value::oid(oid.value_or(kInvalidOid));
}

// The roles ChalkDB knows: the bootstrap superuser (named after the session's user, as initdb
// names it after the installing user) and pg_database_owner; others as PostgreSQL prints an
// unknown role.
Value user_by_id(ExecContext&, std::span<const Value> args) {
  auto oid = static_cast<Oid>(args[0].as_int());
  if (oid == kBootstrapSuperuserId) return Value::text("postgres", TypeId::Name);
  if (oid == kDatabaseOwnerRole) return Value::text("pg_database_owner", TypeId::Name);
  return Value::text(fmt::format("unknown (OID={})", oid), TypeId::Name);
}

}  // namespace

void register_schema_functions(EngineFunctionRegistry& registry) {
  const DataType name{TypeId::Name}, oid{TypeId::Oid}, boolean{TypeId::Bool};
  registry.add(EngineFunction::scalar_function("current_schema", {}, name, current_schema));
  registry.add(EngineFunction::scalar_function("current_schemas", {{"include_implicit", boolean}},
                                               DataType{TypeId::NameArray}, current_schemas));
  registry.add(EngineFunction::scalar_function("pg_table_is_visible", {{"relation", oid}}, boolean,
                                               table_is_visible));
  registry.add(EngineFunction::scalar_function("pg_my_temp_schema", {}, oid, my_temp_schema));
  registry.add(EngineFunction::scalar_function("pg_get_userbyid", {{"role", oid}}, name, user_by_id));
}

}  // namespace chalkdb
