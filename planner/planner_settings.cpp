#include "planner/planner_settings.h"

namespace chalkdb {

PlannerSettings PlannerSettings::from_session(const SessionSettings& settings) {
  PlannerSettings planner;
  planner.costs.seq_page_cost = settings.get_real("seq_page_cost");
  planner.costs.random_page_cost = settings.get_real("random_page_cost");
  planner.costs.cpu_tuple_cost = settings.get_real("cpu_tuple_cost");
  planner.costs.cpu_index_tuple_cost = settings.get_real("cpu_index_tuple_cost");
  planner.costs.cpu_operator_cost = settings.get_real("cpu_operator_cost");
  planner.costs.sort_disable_cost = settings.get_bool("enable_sort") ? 0 : kDisableCost;
  planner.enable_hashjoin = settings.get_bool("enable_hashjoin");
  planner.enable_nestloop = settings.get_bool("enable_nestloop");
  planner.enable_hashagg = settings.get_bool("enable_hashagg");
  planner.enable_seqscan = settings.get_bool("enable_seqscan");
  planner.enable_indexscan = settings.get_bool("enable_indexscan");
  planner.enable_sort = settings.get_bool("enable_sort");
  planner.enable_material = settings.get_bool("enable_material");
  return planner;
}

}  // namespace chalkdb
