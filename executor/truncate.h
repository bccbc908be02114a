// TRUNCATE [TABLE] t, ... [RESTART IDENTITY] [CASCADE]: empties tables in the current
// transaction; tables referencing them by foreign key must be truncated too (CASCADE adds them).
//
// Differs from PostgreSQL: PostgreSQL gives the table a new, empty file; ChalkDB deletes
// every row version (MVCC, like DELETE without WHERE), so a rolled-back TRUNCATE leaves the
// rows as they were and concurrent readers keep their snapshot, but the space comes back only
// with VACUUM. RESTART IDENTITY resets the sequences the tables' serial columns own; like
// nextval it is not undone by ROLLBACK (PostgreSQL undoes it).
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void truncate_tables(const ast::TruncateStmt& stmt, ExecContext& context, ResultSink& sink);

}  // namespace chalkdb
