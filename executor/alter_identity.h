// ALTER TABLE ... ALTER COLUMN c ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)],
// DROP IDENTITY [IF EXISTS] and RESTART [[WITH] n]: identity columns made, unmade and reset
// as PostgreSQL's ATExecAddIdentity / ATExecDropIdentity / ATExecSetIdentity do (55000 for a
// column in the wrong state). The column's sequence is created with it and dropped with it;
// unlike PostgreSQL, RESTART resets the sequence at once, not at commit.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void alter_identity(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context,
                    ResultSink& sink);

}  // namespace chalkdb
