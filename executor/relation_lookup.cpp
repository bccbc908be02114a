#include "executor/relation_lookup.h"

#include "executor/temp_tables.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/search_path.h"

namespace chalkdb {

std::shared_ptr<const TableInfo> find_named_relation(const ast::QualifiedName& name, ExecContext& context) {
  try {
    return SearchPath(context.catalog, context.snapshot).find_relation(name.schema, name.name);
  } catch (SqlError& error) {
    throw error.with_position(name.location + 1);
  }
}

std::string creation_schema(const ast::QualifiedName& name, bool temporary, ExecContext& context) {
  if (temporary || name.schema == "pg_temp") context.temp_tables.activate(context);
  try {
    return SearchPath(context.catalog, context.snapshot).creation_schema(name.schema, temporary);
  } catch (SqlError& error) {
    throw error.with_position(name.location + 1);
  }
}

char persistence_of(const std::string& schema, ExecContext& context) {
  bool temporary = SearchPath(context.catalog, context.snapshot).is_own_temp_schema(schema);
  return temporary ? kPersistenceTemporary : kPersistencePermanent;
}

bool names_missing_schema(const ast::QualifiedName& name, ExecContext& context) {
  if (!name.schema || *name.schema == "pg_temp") return false;
  return !context.catalog.find_namespace(*name.schema, context.snapshot);
}

}  // namespace chalkdb
