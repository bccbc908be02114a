// ALTER TABLE subcommands that change the row layout: ADD COLUMN, DROP COLUMN and ALTER COLUMN
// TYPE [USING]. Like PostgreSQL's table rewrite, the table gets new files for its heap and
// indexes, and the rows it had (as the statement sees them) are copied in the new layout; the
// old files are unlinked at commit, so the change rolls back with its transaction and older
// snapshots keep reading the old version with the old catalog rows.
//
// Differences from PostgreSQL: PostgreSQL adds a column with a constant default without a
// rewrite (attmissingval) and keeps a dropped column as attisdropped; here both rewrite the
// table and a dropped column's attnum is reused (later columns are renumbered, with the
// table's indexes and constraints). Every row passes through memory during the copy. A DROP
// COLUMN that would renumber columns other tables' foreign keys reference is refused (0A000).
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// Runs one of the commands above against the table (by OID) as the current command sees it.
void rewrite_columns(Oid table_oid, const ast::AlterTableCmd& command, ExecContext& context, ResultSink& sink);

}  // namespace chalkdb
