// Assignment binding: the SET list of UPDATE and of INSERT ... ON CONFLICT DO UPDATE, turned
// into the new version of a row (PostgreSQL's transformUpdateTargetList plus the rewriter's
// checks): each assigned column gets its expression coerced to the column type, or its
// default for SET col = DEFAULT; the other columns keep what `row` already holds (the old
// version's columns). A GENERATED ALWAYS identity column can only be set to DEFAULT (428C9).
#pragma once

#include <vector>

#include "planner/binder.h"
#include "planner/expression_binder.h"

namespace chalkdb {

// What DEFAULT gives the column: its default, the next value of an identity column's
// sequence, or NULL.
BoundExprPtr bind_column_default(Binder& binder, const TableInfo& table, const ColumnInfo& column);

// 428C9 for a value given to a GENERATED ALWAYS identity column.
[[noreturn]] void throw_generated_always(const ColumnInfo& column, bool update);

void bind_assignments(Binder& binder, ExpressionBinder& expressions,
                      const std::vector<ast::SetClause>& set, const TableInfo& table,
                      std::vector<BoundExprPtr>& row);

}  // namespace chalkdb
