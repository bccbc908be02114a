// ALTER TABLE: runs each subcommand in its own command id, as PostgreSQL's ATController does
// phase by phase. ADD / DROP CONSTRAINT are in alter_constraint (ADD PRIMARY KEY / UNIQUE
// builds the constraint's index over the existing rows: pgbench -i relies on it), the
// catalog-only column changes and RENAME in alter_column, ADD / DROP COLUMN and ALTER COLUMN
// TYPE (which rewrite the rows) in table_rewrite.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void alter_table(const ast::AlterTableStmt& stmt, ExecContext& context, ResultSink& sink);

}  // namespace chalkdb
