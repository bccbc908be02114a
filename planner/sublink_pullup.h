// Sublink pull-up: turns `EXISTS (correlated subquery)` and `x IN (uncorrelated subquery)`
// among the WHERE conjuncts into a semi-join with the subquery's tables, and `NOT EXISTS`
// into an anti-join, as PostgreSQL's pull_up_sublinks does, so EXPLAIN shows Hash Semi Join /
// Hash Anti Join where PostgreSQL does. Only simple subqueries are pulled up (plain tables,
// no aggregation, DISTINCT, LIMIT or nested subqueries); the others stay SubPlans. NOT IN
// stays a SubPlan, as in PostgreSQL (its NULL semantics are not an anti-join's).
#pragma once

#include "planner/query.h"

namespace chalkdb {

void pull_up_sublinks(Query& query);

}  // namespace chalkdb
