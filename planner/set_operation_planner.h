// Plans the range-table entries whose rows come from other queries: subqueries in FROM
// (Subquery Scan), UNION / INTERSECT / EXCEPT (Append, HashAggregate over Append for UNION,
// HashSetOp over an Append of flagged "*SELECT* n" subquery scans for INTERSECT / EXCEPT, as
// PostgreSQL plans them) and WITH RECURSIVE (CTE Scan over Recursive Union, whose recursive
// side reads a WorkTable Scan). PostgreSQL pulls simple subqueries up into the outer query;
// ChalkDB always plans them as a Subquery Scan.
#pragma once

#include <memory>

#include "planner/cost_model.h"
#include "planner/plan_node.h"
#include "planner/query.h"

namespace chalkdb {

class Optimizer;

// The plan producing `rte`'s rows (in its column order), with estimates.
std::unique_ptr<PlanNode> plan_derived_relation(const RangeEntry& rte, Optimizer& optimizer,
                                                const CostConstants& costs);

}  // namespace chalkdb
