// Relation names in utility statements (CREATE, DROP, ALTER, CREATE INDEX, ...): resolved
// through the session's search_path (storage/catalog/search_path.h), as PostgreSQL's
// RangeVarGetRelid and RangeVarGetCreationNamespace do.
#pragma once

#include <memory>
#include <string>

#include "executor/exec_context.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// The relation the possibly schema-qualified name means, or null.
std::shared_ptr<const TableInfo> find_named_relation(const ast::QualifiedName& name, ExecContext& context);

// The schema a new relation of that name goes to; 3F000 (with the name's position) when an
// explicit schema does not exist or the path has no schema to create in. For TEMP relations
// the session's temporary schema, created now if it does not exist yet.
std::string creation_schema(const ast::QualifiedName& name, bool temporary, ExecContext& context);

// relpersistence of a new relation in `schema`: 't' in the session's temporary schema.
char persistence_of(const std::string& schema, ExecContext& context);

// True when a name's explicit schema does not exist (DROP reports the schema, not the relation).
bool names_missing_schema(const ast::QualifiedName& name, ExecContext& context);

}  // namespace chalkdb
