// WindowBuilder: builds the window parts of the grammar — OVER (...) / WINDOW w AS (...)
// specifications with their frames, and GROUP BY items (ROLLUP, CUBE, GROUPING SETS, ()) —
// into ast::WindowSpec and ast::GroupingSet, as gram.y's window_specification and
// group_by_item do. Frame errors gram.y raises while parsing (e.g. "frame start cannot be
// UNBOUNDED FOLLOWING") are raised here, at the same positions.
#pragma once

#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

class QueryBuilder;

ast::WindowSpec build_window_spec(QueryBuilder& queries,
                                  ChalkSqlParser::WindowSpecificationContext* context);

std::vector<ast::ExprPtr> build_group_by(QueryBuilder& queries,
                                         ChalkSqlParser::GroupClauseContext* context);

}  // namespace chalkdb
