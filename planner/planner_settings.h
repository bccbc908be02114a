// PlannerSettings: the session's planner switches and cost constants, read once per statement
// from its settings (SET / SET LOCAL / RESET / the config file), as PostgreSQL's planner reads
// its GUC variables. A switch that is off adds PostgreSQL's disable_cost (1.0e10) to the
// plans it governs, so they are still chosen when nothing else can do the job.
// enable_bitmapscan, enable_indexonlyscan, enable_mergejoin and enable_memoize exist as
// settings but govern no ChalkDB plan.
#pragma once

#include "planner/cost_model.h"
#include "sql/settings/session_settings.h"

namespace chalkdb {

inline constexpr double kDisableCost = 1.0e10;  // PostgreSQL's disable_cost

struct PlannerSettings {
  CostConstants costs;
  bool enable_hashjoin = true;
  bool enable_nestloop = true;
  bool enable_hashagg = true;
  bool enable_seqscan = true;
  bool enable_indexscan = true;
  bool enable_sort = true;      // off: each Sort costs kDisableCost more
  bool enable_material = true;  // off: no Materialize over a nested loop's inner side

  static PlannerSettings from_session(const SessionSettings& settings);
};

}  // namespace chalkdb
