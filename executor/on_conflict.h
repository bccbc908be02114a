// INSERT ... ON CONFLICT: checks the clause against the table's unique indexes and records
// the action and arbiter indexes in the ModifyTable plan node (PostgreSQL's
// infer_arbiter_indexes; 42P10 when no unique index matches the target). ModifyTable then
// resolves conflicts (modify_table_on_conflict.cpp): DO NOTHING skips a row whose key already
// exists in an arbiter index, DO UPDATE updates that row instead. Rows of the same statement
// count; DO UPDATE meeting one is 21000, as in PostgreSQL.
#pragma once

#include "planner/plan_node.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void plan_on_conflict(const ast::OnConflictClause& clause, PlanNode& modify);

}  // namespace chalkdb
