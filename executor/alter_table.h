// ALTER TABLE: runs each subcommand in its own command id, as PostgreSQL's ATController does
// phase by phase. ADD [CONSTRAINT name] PRIMARY KEY / UNIQUE (...) builds the constraint's
// index over the existing rows (pgbench -i relies on it).
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void alter_table(const ast::AlterTableStmt& stmt, ExecContext& context, ResultSink& sink);

}  // namespace chalkdb
