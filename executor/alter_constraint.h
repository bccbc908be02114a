// ALTER TABLE ADD CONSTRAINT and DROP CONSTRAINT [IF EXISTS] [CASCADE]. PRIMARY KEY and UNIQUE
// build their index (index_ddl); CHECK and FOREIGN KEY are defined as at CREATE TABLE
// (check_constraints, foreign_key_definition) and then validated against the existing rows
// with PostgreSQL's errors (23514 `check constraint "c" of relation "t" is violated by some
// row`, 23503 with the first missing key). Dropping a PRIMARY KEY or UNIQUE constraint that
// foreign keys of other tables rely on needs CASCADE, which drops those foreign keys first
// (2BP01 otherwise), as PostgreSQL's dependency tracking does.
#pragma once

#include <vector>

#include "executor/exec_context.h"
#include "executor/foreign_key_definition.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void add_table_constraint(Oid table_oid, const ast::TableConstraint& constraint, ExecContext& context);
// DROP ... CASCADE of what foreign keys rely on: PostgreSQL's NOTICE (one line, or a count
// with the list in DETAIL), then each foreign key is dropped in its own command id.
void drop_cascaded_foreign_keys(const std::vector<IncomingForeignKey>& keys, ExecContext& context, ResultSink& sink);
void drop_table_constraint(Oid table_oid, const ast::AlterTableCmd& command, ExecContext& context,
                           ResultSink& sink);

}  // namespace chalkdb
