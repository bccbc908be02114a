#include "planner/planner_settings.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace chalkdb {

namespace {

PlannerSettings read_settings(const SessionSettings& settings) {
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

}  // namespace

PlannerSettings PlannerSettings::from_session(const SessionSettings& settings) {
  // Every statement is planned, but settings change rarely: keep the last values read. A
  // generation is unique across sessions, so one entry per thread serves whichever session
  // the thread runs.
  thread_local std::optional<std::pair<uint64_t, PlannerSettings>> last;
  if (!last || last->first != settings.generation()) last.emplace(settings.generation(), read_settings(settings));
  return last->second;
}

}  // namespace chalkdb
