// Views as DDL sees them: CREATE [OR REPLACE] VIEW, and the dependencies a view puts on the
// relations and columns it reads (PostgreSQL's pg_depend rules for views): dropping such a
// relation or column fails with 2BP01 unless CASCADE drops the views too, and a column a view
// reads cannot change type. The view's query is stored as written and bound again where the
// view is used (planner/view_binder.cpp); PostgreSQL stores the bound query tree instead,
// which is why renaming a column a view reads is refused here (0A000) and allowed there.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void create_view(const ast::CreateViewStmt& stmt, ExecContext& context);

// Before `relation` (or, with `column`, that column of it) is dropped: fails with 2BP01
// naming the views that depend on it, or with `cascade` drops them, dependents first, with
// PostgreSQL's "drop cascades to" NOTICE. Views in `dropping` (also being dropped by the
// statement) do not count.
void drop_dependent_views(const TableInfo& relation, const ColumnInfo* column, bool cascade,
                          const std::set<Oid>& dropping, ExecContext& context, ResultSink& sink);

// ALTER COLUMN TYPE of a column a view reads: 0A000 as PostgreSQL.
void refuse_altering_viewed_column(const TableInfo& table, const ColumnInfo& column, ExecContext& context);
// RENAME COLUMN of a column a view reads: 0A000 (see above).
void refuse_renaming_viewed_column(const TableInfo& table, const ColumnInfo& column, ExecContext& context);

// After a table rewrite renumbered its columns (attnum_map[old - 1] = new attnum, 0 for a
// dropped column): the pg_depend rows of views reading the table follow.
void renumber_view_dependencies(Oid table, const std::vector<int16_t>& attnum_map, ExecContext& context);

}  // namespace chalkdb
