// Optimizer: turns a bound Query into a physical plan with PostgreSQL-style costs.
//
// Scans get the conditions that read only their own table; tables are joined left-deep in
// FROM order, each join choosing between a hash join (when there is an equality between the
// two sides) and a nested loop by cost; then aggregation, the final projection, sort and
// limit. A table scan becomes an index scan when an index answers its conditions or the
// ORDER BY more cheaply (index_path.h). Join-order search and statistics come with later
// planner work.
#pragma once

#include "planner/cost_model.h"
#include "planner/plan_node.h"
#include "planner/planner_settings.h"
#include "planner/query.h"
#include "planner/subquery_planner.h"
#include "storage/catalog/catalog.h"

namespace chalkdb {

class Optimizer {
 public:
  Optimizer(Catalog& catalog, PlannerSettings settings) : catalog_(catalog), settings_(settings) {}

  PlannedQuery plan_select(const Query& query);
  PlannedQuery plan_modify(const ModifyQuery& modify);

  // The plan of a query whose output row is its targets followed by any sort keys that are
  // not among them (also for the subqueries of a statement).
  std::unique_ptr<PlanNode> plan_query(const Query& query);

 private:
  SubplanNumbering subplans_;

  Catalog& catalog_;
  PlannerSettings settings_;
};

}  // namespace chalkdb
