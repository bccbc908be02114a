// CREATE TABLE and DROP TABLE / DROP SEQUENCE: turn the statement into catalog changes in the
// current transaction (DDL is transactional, as in PostgreSQL). serial columns get their
// sequence `<table>_<column>_seq` and a nextval() default, and lose it again on DROP TABLE;
// identity columns (GENERATED ... AS IDENTITY) get the same sequence and attidentity instead
// of a default.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "planner/binder.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void create_table(const ast::CreateTableStmt& stmt, ExecContext& context, ResultSink& sink);
// A column of CREATE TABLE or ALTER TABLE ADD COLUMN: its type, NOT NULL and DEFAULT (a serial
// column gets its sequence now); its other constraints are the caller's.
ColumnInfo define_column_basics(const ast::ColumnDef& def, const std::string& schema,
                                const std::string& table, ExecContext& context, Binder& binder);
// Makes `column` an identity column: creates its sequence (22023 unless it is an integer
// column) and sets attidentity and NOT NULL.
void create_identity_sequence(ColumnInfo& column, const ast::IdentitySpec& identity,
                              const std::string& schema, const std::string& table,
                              ExecContext& context);
void drop_tables(const ast::DropTableStmt& stmt, ExecContext& context, ResultSink& sink);
// The sequences the table's serial and identity columns own.
std::vector<Oid> owned_sequences(const TableInfo& table, ExecContext& context);

}  // namespace chalkdb
