// INSERT ... ON CONFLICT: checks the clause against the table's unique indexes and records
// the action and arbiter indexes in the ModifyTable plan node (PostgreSQL's
// infer_arbiter_indexes). DO NOTHING skips a row whose key already exists in an arbiter index
// (a live row, or one its inserter commits after a wait); rows of the same statement count.
// Unlike PostgreSQL there is no speculative insertion: two sessions inserting the same new
// key at once can still make the later one fail with 23505. DO UPDATE is not supported yet
// (0A000).
#pragma once

#include "planner/plan_node.h"
#include "sql/ast/ast.h"

namespace chalkdb {

void plan_on_conflict(const ast::OnConflictClause& clause, PlanNode& modify);

}  // namespace chalkdb
