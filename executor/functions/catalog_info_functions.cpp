// Catalog information functions psql's describe commands call: format_type(type, typmod),
// obj_description(object [, catalog]), col_description(table, column) and
// pg_relation_is_publishable(relation).
// ChalkDB has no COMMENT command (no pg_description), so no object has a description and the
// description functions answer NULL, as PostgreSQL does for an object without a comment.
#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "executor/reg_type_output.h"
#include "sql/types/type_registry.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

// format_type is not strict: a NULL typmod means "no modifier known" (bpchar prints as
// "character"), an explicit -1 prints bpchar as "bpchar"; an unknown type OID prints "???".
Value format_type_of(ExecContext&, std::span<const Value> args) {
  if (args[0].is_null()) return Value::null(TypeId::Text);
  auto oid = static_cast<Oid>(args[0].as_int());
  std::string name = regtype_text(oid);
  if (name == std::to_string(oid)) return Value::text("???");
  DataType type{static_cast<TypeId>(oid), -1};
  if (args[1].is_null()) return Value::text(format_type(type));
  type.typmod = static_cast<int32_t>(args[1].as_int());
  return Value::text(format_type_with_typmod(type));
}

Value no_description(ExecContext&, std::span<const Value>) { return Value::null(TypeId::Text); }

// Ordinary permanent user tables can be published; NULL for an OID naming no relation.
Value relation_is_publishable(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation) return Value::null(TypeId::Bool);
  return Value::boolean(relation->relkind == kRelkindTable && relation->persistence == kPersistencePermanent &&
                        relation->oid >= kFirstNormalObjectId);
}

}  // namespace

void register_catalog_info_functions(EngineFunctionRegistry& registry) {
  const DataType text{TypeId::Text}, oid{TypeId::Oid}, name{TypeId::Name}, int4{TypeId::Int4};
  EngineFunction format = EngineFunction::scalar_function("format_type", {{"type", oid}, {"typemod", int4}}, text,
                                                          format_type_of);
  format.strict = false;
  registry.add(std::move(format));
  registry.add(EngineFunction::scalar_function("obj_description", {{"object", oid}, {"catalog", name}}, text,
                                               no_description));
  registry.add(EngineFunction::scalar_function("obj_description", {{"object", oid}}, text, no_description));
  registry.add(EngineFunction::scalar_function("col_description", {{"table", oid}, {"column", int4}}, text,
                                               no_description));
  registry.add(EngineFunction::scalar_function("pg_relation_is_publishable",
                                               {{"relation", oid, true}}, DataType{TypeId::Bool},
                                               relation_is_publishable));
}

}  // namespace chalkdb
