// The pg_roles relation: the roles ChalkDB knows (see pg_get_userbyid in
// schema_functions.cpp), the bootstrap superuser "postgres" and pg_database_owner, with
// PostgreSQL 15's attributes for them. PostgreSQL's other predefined roles (pg_read_all_data,
// ...) do not exist here. Passwords show as ******** as in PostgreSQL's view.
#include "executor/functions/engine_functions.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

std::vector<Value> role_row(Oid oid, std::string name, bool superuser) {
  Value yes = Value::boolean(superuser);
  return {Value::text(std::move(name), TypeId::Name), yes, Value::boolean(true), yes, yes, yes, yes,
          Value::int4(-1), Value::text("********"), Value::null(TypeId::TimestampTz), yes,
          Value::null(TypeId::TextArray), Value::oid(oid)};
}

void pg_roles(ExecContext&, std::span<const Value>, EngineRows& out) {
  out.push_back(role_row(kBootstrapSuperuserId, "postgres", true));
  out.push_back(role_row(kDatabaseOwnerRole, "pg_database_owner", false));
}

}  // namespace

void register_role_functions(EngineFunctionRegistry& registry) {
  const DataType boolean{TypeId::Bool};
  EngineFunction roles = EngineFunction::set_function(
      "pg_roles", {},
      {{"rolname", DataType{TypeId::Name}}, {"rolsuper", boolean}, {"rolinherit", boolean},
       {"rolcreaterole", boolean}, {"rolcreatedb", boolean}, {"rolcanlogin", boolean},
       {"rolreplication", boolean}, {"rolconnlimit", DataType{TypeId::Int4}},
       {"rolpassword", DataType{TypeId::Text}}, {"rolvaliduntil", DataType{TypeId::TimestampTz}},
       {"rolbypassrls", boolean}, {"rolconfig", DataType{TypeId::TextArray}}, {"oid", DataType{TypeId::Oid}}},
      pg_roles);
  roles.as_relation = true;
  roles.estimated_rows = 10;
  registry.add(std::move(roles));
}

}  // namespace chalkdb
