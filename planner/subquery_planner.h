// Subquery planning: gives every subquery expression (SubPlan) of a query its own plan, as
// PostgreSQL's make_subplan does, numbering them for EXPLAIN ("SubPlan 1"; a subquery's
// inner subplans are numbered before it). An uncorrelated scalar or EXISTS subquery runs once
// per statement (PostgreSQL's InitPlan, shown as $n); an uncorrelated IN / ANY subquery keeps
// its rows in memory ("hashed SubPlan"); correlated ones run again for each outer row.
// PostgreSQL also turns EXISTS / IN in WHERE into semi- and anti-joins; ChalkDB does not yet.
#pragma once

#include <functional>
#include <memory>

#include "planner/plan_node.h"
#include "planner/query.h"

namespace chalkdb {

struct SubplanNumbering {
  int next_plan = 1;
  int next_param = 0;
};

using SubqueryPlanFunction = std::function<std::unique_ptr<PlanNode>(const Query&)>;

void plan_subqueries(Query& query, const SubqueryPlanFunction& plan, SubplanNumbering& numbering);

}  // namespace chalkdb
