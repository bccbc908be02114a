// CopyStatement: runs a COPY statement — resolves its table, checks its options and moves
// the data between the table (or query) and the client (CopyIn/CopyOut through the result
// sink) or a server file.
//
// Server files are read and written by the server process, as PostgreSQL's superuser COPY
// does (every ChalkDB user may, as there are no roles yet); a relative path is refused for
// COPY TO (42602) like PostgreSQL. COPY ... PROGRAM and binary format are 0A000.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void run_copy(const ast::CopyStmt& copy, ExecContext& context, ResultSink& sink);

}  // namespace chalkdb
