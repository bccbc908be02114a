// CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA ... RENAME TO, in the current transaction.
//
// DROP SCHEMA ... CASCADE drops the schema's tables (with their indexes and the sequences
// their serial columns own), its other sequences, and foreign keys of tables elsewhere that
// reference its tables, reporting them in PostgreSQL's "drop cascades to" NOTICE; without
// CASCADE a non-empty schema is 2BP01 with the same list in the DETAIL. ChalkDB has no
// pg_depend: the list is computed from the relations in the schema (in OID order, which is
// the order PostgreSQL reports for objects created one after the other).
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void create_schema(const ast::CreateSchemaStmt& stmt, ExecContext& context, ResultSink& sink);
void drop_schemas(const ast::DropSchemaStmt& stmt, ExecContext& context, ResultSink& sink);
void alter_schema(const ast::AlterSchemaStmt& stmt, ExecContext& context);

// Drops every relation of the schema with its dependents (no NOTICE): DROP SCHEMA CASCADE and
// the cleanup of a session's temporary schema.
void drop_schema_contents(Oid namespace_oid, ExecContext& context);

}  // namespace chalkdb
