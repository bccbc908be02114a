// CREATE TABLE ... AS query, and SELECT ... INTO (which the parser turns into one): a new
// table whose columns are the query's result columns (named by the optional column list
// first, then by the query), filled with the query's rows in the same transaction unless
// WITH NO DATA. As in PostgreSQL, columns of type unknown (bare string literals, NULL) become
// text, and the new table has no constraints or defaults.
#pragma once

#include <cstdint>
#include <optional>

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "planner/plan_node.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// True when the table already exists and IF NOT EXISTS said to skip (the NOTICE is sent).
bool create_table_as_skipped(const ast::CreateTableAsStmt& stmt, ExecContext& context, ResultSink& sink);
// Creates and fills the table; returns the number of rows stored, or nothing for WITH NO DATA
// (PostgreSQL's command tag is then "CREATE TABLE AS" instead of "SELECT n").
std::optional<uint64_t> create_table_as(const ast::CreateTableAsStmt& stmt, const PlannedQuery& planned,
                                        ExecContext& context);

}  // namespace chalkdb
