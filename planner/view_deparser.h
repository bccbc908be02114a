// The text of a view's query as pg_get_viewdef and pg_views show it: deparsed from the bound
// query in ruleutils' layout (" SELECT a.x,\n    a.y\n   FROM t a\n  WHERE (a.x > 1);"), every
// column qualified, every non-column select item named with AS, operators parenthesized.
// Queries with shapes the deparser does not print yet (WITH, subqueries in FROM other than
// views, JOIN ... USING, set operations with ORDER BY, window frames) give nullopt; the caller
// then shows the query as it was written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "planner/query.h"

namespace chalkdb {

// `column_names`: the view's columns, which name the query's result columns.
std::optional<std::string> deparse_view_query(const Query& query, const std::vector<std::string>& column_names);

}  // namespace chalkdb
