// CREATE TABLE and DROP TABLE / DROP SEQUENCE: turn the statement into catalog changes in the
// current transaction (DDL is transactional, as in PostgreSQL). serial columns get their
// sequence `<table>_<column>_seq` and a nextval() default, and lose it again on DROP TABLE.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void create_table(const ast::CreateTableStmt& stmt, ExecContext& context, ResultSink& sink);
void drop_tables(const ast::DropTableStmt& stmt, ExecContext& context, ResultSink& sink);
// The sequences the table's serial columns own.
std::vector<Oid> owned_sequences(const TableInfo& table, ExecContext& context);

}  // namespace chalkdb
