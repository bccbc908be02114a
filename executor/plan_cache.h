// PlanCache: the plans of one prepared statement, chosen the way PostgreSQL's plancache.c
// chooses them, so lessons on custom and generic plans transfer.
//
// An execution is planned with its parameter values as constants (a custom plan) until five
// custom plans have been made. From then on the generic plan — planned once with $n left as
// parameters that execution reads — is reused while its cost is below the custom plans'
// average cost plus their planning overhead (PostgreSQL's cached_plan_cost: 1000 ×
// cpu_operator_cost × (relations + 1), here counting the relations the statement names rather
// than every range-table entry). A statement without parameters always uses its generic plan;
// plan_cache_mode = force_generic_plan / force_custom_plan overrides the choice.
//
// A generic plan is made again once a relation it was bound against has a newer catalog
// version visible to the executing transaction (DDL, TRUNCATE, CREATE INDEX) or search_path
// has changed, as PostgreSQL's invalidation does. A statement the planner cannot plan
// generically (a construct that needs its parameter values) keeps using custom plans.
// Not thread-safe: a prepared statement belongs to one session.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "planner/plan_node.h"
#include "sql/ast/ast.h"
#include "sql/types/type_id.h"

namespace chalkdb {

class PlanCache {
 public:
  struct Choice {
    std::shared_ptr<const PlannedQuery> plan;
    bool generic = false;  // the plan reads its parameters from ExecContext::parameters
  };

  // The plan for one execution of `statement` (with parameters of `types`) with `values`.
  Choice plan_for(const ast::Stmt& statement, const std::vector<DataType>& types,
                  const std::vector<Value>& values, ExecContext& context);

  int custom_plans() const { return custom_plans_; }

 private:
  bool wants_custom_plan(bool has_parameters, const ExecContext& context);
  // plan_cache_mode and search_path, read again only after a settings change.
  void read_settings(const ExecContext& context);
  // The cached generic plan, made first when there is none or it is stale; null when the
  // statement cannot be planned generically.
  std::shared_ptr<const PlannedQuery> generic_plan(const ast::Stmt& statement,
                                                   const std::vector<DataType>& types, ExecContext& context);
  bool is_current(const ExecContext& context);
  double plan_cost(const PlannedQuery& planned, bool include_planning) const;

  uint64_t settings_generation_ = UINT64_MAX;
  std::string mode_;
  std::string search_path_;
  double cpu_operator_cost_ = 0.0025;
  std::shared_ptr<const PlannedQuery> generic_;
  std::string generic_search_path_;
  double generic_cost_ = -1;  // PostgreSQL's starting value: below any average
  bool generic_impossible_ = false;
  int custom_plans_ = 0;
  double total_custom_cost_ = 0;
};

}  // namespace chalkdb
