#include "executor/plan_cache.h"

#include <optional>
#include <utility>

#include "executor/statement_runner.h"
#include "planner/parameter_binding.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// PostgreSQL generates this many custom plans before it considers the generic one.
constexpr int kCustomPlansFirst = 5;


std::shared_ptr<const PlannedQuery> plan_with(const ast::Stmt& statement, ParameterBinding& parameters,
                                              ExecContext& context) {
  ParameterScope scope(&parameters);
  return std::make_shared<const PlannedQuery>(StatementRunner(context).plan(statement));
}

}  // namespace

PlanCache::Choice PlanCache::plan_for(const ast::Stmt& statement, const std::vector<DataType>& types,
                                      const std::vector<Value>& values, ExecContext& context) {
  const bool has_parameters = !types.empty();
  if (!wants_custom_plan(has_parameters, context)) {
    if (auto generic = generic_plan(statement, types, context)) {
      if (!wants_custom_plan(has_parameters, context)) return {std::move(generic), true};
    }
  }
  read_settings(context);
  ParameterBinding parameters(types, values);
  auto custom = plan_with(statement, parameters, context);
  total_custom_cost_ += plan_cost(*custom, true);
  ++custom_plans_;
  return {std::move(custom), false};
}

// choose_custom_plan().
bool PlanCache::wants_custom_plan(bool has_parameters, const ExecContext& context) {
  if (!has_parameters) return generic_impossible_;
  if (generic_impossible_) return true;
  read_settings(context);
  if (mode_ == "force_generic_plan") return false;
  if (mode_ == "force_custom_plan") return true;
  if (custom_plans_ < kCustomPlansFirst) return true;
  return !(generic_cost_ < total_custom_cost_ / custom_plans_);
}

namespace {

struct PlanCacheSettings {
  std::string mode;
  double cpu_operator_cost;
  std::string search_path;
};

// The protocol's unnamed statement gets a new PlanCache for every Parse, while settings
// rarely change: one entry per thread, keyed by the generation (unique across sessions).
const PlanCacheSettings& plan_cache_settings(const SessionSettings& settings) {
  thread_local std::optional<std::pair<uint64_t, PlanCacheSettings>> last;
  if (!last || last->first != settings.generation()) {
    last.emplace(settings.generation(),
                 PlanCacheSettings{settings.get_string("plan_cache_mode"), settings.get_real("cpu_operator_cost"),
                                   settings.get_string("search_path")});
  }
  return last->second;
}

}  // namespace

void PlanCache::read_settings(const ExecContext& context) {
  if (context.settings.generation() == settings_generation_) return;
  settings_generation_ = context.settings.generation();
  const PlanCacheSettings& settings = plan_cache_settings(context.settings);
  mode_ = settings.mode;
  cpu_operator_cost_ = settings.cpu_operator_cost;
  search_path_ = settings.search_path;
}

std::shared_ptr<const PlannedQuery> PlanCache::generic_plan(const ast::Stmt& statement,
                                                            const std::vector<DataType>& types,
                                                            ExecContext& context) {
  if (generic_ && is_current(context)) return generic_;
  generic_.reset();
  ParameterBinding parameters(types);
  try {
    generic_ = plan_with(statement, parameters, context);
  } catch (const SqlError&) {
    // The custom plan that follows reports the error if it is not about the parameters.
    generic_impossible_ = true;
    return nullptr;
  }
  read_settings(context);
  generic_search_path_ = search_path_;
  generic_cost_ = plan_cost(*generic_, false);
  return generic_;
}

// cached_plan_cost(): a custom plan also pays for planning it each time.
double PlanCache::plan_cost(const PlannedQuery& planned, bool include_planning) const {
  double cost = planned.root->total_cost;
  if (include_planning) cost += 1000.0 * cpu_operator_cost_ * static_cast<double>(planned.relations.size() + 1);
  return cost;
}

bool PlanCache::is_current(const ExecContext& context) {
  read_settings(context);
  if (search_path_ != generic_search_path_) return false;
  for (const auto& relation : generic_->relations) {
    if (context.catalog.relation_by_oid(relation->oid, context.snapshot) != relation) return false;
  }
  return true;
}

}  // namespace chalkdb
