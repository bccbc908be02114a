// Subquery pull-up for views: a view named in FROM whose query is simple (no aggregation,
// window functions, DISTINCT, ORDER BY, LIMIT/OFFSET or set operation) is merged into the
// query using it, as PostgreSQL's pull_up_subqueries does, so EXPLAIN shows the view's base
// tables with the view's conditions merged into the outer query's (`Seq Scan on employees e`,
// `Filter: ((salary > 1000) AND (salary < 1400))`) instead of a Subquery Scan.
// Differences from PostgreSQL: only views are pulled up (other subqueries in FROM stay
// Subquery Scans), and only where the view is not on the nullable side of an outer join
// (PostgreSQL handles that case with placeholder expressions).
#pragma once

#include "planner/query.h"

namespace chalkdb {

// True when a view was merged. Entries that then share an alias are renamed t_1, t_2, ...
// in range-table order, as PostgreSQL's EXPLAIN names them.
bool pull_up_view_subqueries(Query& query);

}  // namespace chalkdb
