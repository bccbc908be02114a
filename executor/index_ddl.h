// CREATE INDEX, DROP INDEX, REINDEX and the index-backed constraints (PRIMARY KEY, UNIQUE) of
// CREATE TABLE and ALTER TABLE.
//
// Names follow PostgreSQL's ChooseIndexName: t_pkey, t_a_b_key, t_a_b_idx, with a number
// appended on a collision (t_a_idx1). An index is built by scanning the heap and bulk-loading
// the B-tree; a unique index refuses duplicates among live rows with PostgreSQL's
// `could not create unique index` error. The build records relpages/reltuples for the table
// and the index as PostgreSQL's index build does. Not supported (0A000): expression and
// partial indexes, access methods other than btree.
// Unlike PostgreSQL no table lock keeps writers out during a build yet.
#pragma once

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void create_index(const ast::CreateIndexStmt& stmt, ExecContext& context, ResultSink& sink);
void drop_indexes(const ast::DropIndexStmt& stmt, ExecContext& context, ResultSink& sink);
void reindex(const ast::ReindexStmt& stmt, ExecContext& context, ResultSink& sink);
// Adds a PRIMARY KEY or UNIQUE constraint and builds its index. PRIMARY KEY columns become
// NOT NULL (23502 if a row has a NULL there).
void add_index_constraint(Oid table_oid, const ast::TableConstraint& constraint,
                          ExecContext& context);

}  // namespace chalkdb
