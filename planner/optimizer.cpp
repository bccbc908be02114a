#include "planner/optimizer.h"

#include "planner/query_planner.h"
#include "planner/slot_resolver.h"
#include "planner/sublink_pullup.h"
#include "planner/subquery_planner.h"
#include "planner/subquery_pullup.h"

namespace chalkdb {

std::unique_ptr<PlanNode> Optimizer::plan_query(const Query& query) {
  Query planned = query;
  bool merged_view = pull_up_view_subqueries(planned);
  pull_up_sublinks(planned);
  plan_subqueries(planned, [this](const Query& subquery) { return plan_query(subquery); }, subplans_);
  auto root = QueryPlanner(planned, *this, catalog_, settings_).plan();
  root->merged_view = merged_view;
  return root;
}

PlannedQuery Optimizer::plan_select(const Query& query) {
  PlannedQuery planned;
  planned.root = plan_query(query);
  planned.result_columns = query.targets;
  return planned;
}

namespace {

// ON CONFLICT DO UPDATE's new row, then its WHERE (if any): expressions over the existing
// row followed by the proposed (EXCLUDED) row.
void resolve_conflict_update(const std::vector<TargetEntry>& targets, size_t columns, bool has_where,
                             PlanNode& node) {
  RowLayout layout;
  for (int entry = 0; entry < 2; ++entry) {
    for (size_t c = 0; c < columns; ++c) layout.emplace_back(entry, static_cast<int>(c));
  }
  for (size_t i = 0; i < columns; ++i) node.conflict_update_row.push_back(resolve_slots(targets[i].expr, layout));
  if (has_where) node.conflict_filter = resolve_slots(targets.back().expr, layout);
}

// INSERT ... VALUES: a Result for one row, a Values Scan for several.
std::unique_ptr<PlanNode> plan_values_input(const std::vector<std::vector<BoundExprPtr>>& rows,
                                            const CostConstants& costs) {
  auto input = std::make_unique<PlanNode>();
  input->rows = static_cast<double>(rows.size());
  input->total_cost = costs.cpu_tuple_cost * input->rows;
  input->width = 0;
  for (const auto& e : rows[0]) input->width += type_width(e->type);
  if (rows.size() == 1) {
    input->kind = PlanKind::Result;
    input->projection = rows[0];
  } else {
    input->kind = PlanKind::ValuesScan;
    input->relation_name = "*VALUES*";
    input->values_rows = rows;
    input->raw_width = rows[0].size();
  }
  return input;
}

}  // namespace

PlannedQuery Optimizer::plan_modify(const ModifyQuery& modify) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::ModifyTable;
  node->modify_kind = modify.kind;
  node->table = modify.table;
  node->relation_name = modify.table->name;
  if (modify.kind == ModifyKind::Insert) {
    node->alias = modify.target_alias.empty() ? modify.table->name : modify.target_alias;
  } else {
    node->alias = modify.source->range_table[0].alias;
  }
  std::unique_ptr<PlanNode> input;
  if (modify.source) {
    input = plan_query(*modify.source);
    node->new_row = modify.row;
  } else {
    input = plan_values_input(modify.values_rows, settings_.costs);
  }
  node->startup_cost = input->startup_cost;
  node->total_cost = input->total_cost;
  node->rows = 0;
  node->width = 0;
  // Expressions outside the input's query: their subqueries get plans here.
  auto with_subplans = [this](std::vector<TargetEntry> targets) {
    Query holder;
    holder.targets = std::move(targets);
    plan_subqueries(holder, [this](const Query& subquery) { return plan_query(subquery); }, subplans_);
    return std::move(holder.targets);
  };
  PlannedQuery planned;
  planned.returns_rows = !modify.returning.empty();
  if (planned.returns_rows) {
    // RETURNING reads the table row, then (UPDATE/DELETE) the row id and other entries' columns.
    RowLayout layout;
    for (size_t c = 0; c < modify.table->columns.size(); ++c) layout.emplace_back(0, static_cast<int>(c));
    layout.emplace_back(-1, -1);
    for (const auto& column : modify.returning_inputs) layout.push_back(column);
    for (const auto& target : with_subplans(modify.returning)) {
      node->projection.push_back(resolve_slots(target.expr, layout));
      node->width += type_width(target.expr->type);
    }
    node->rows = input->rows;
    planned.result_columns = modify.returning;
  }
  if (!modify.conflict_update_row.empty()) {
    std::vector<TargetEntry> conflict;  // the SET row, then the WHERE
    for (const auto& expr : modify.conflict_update_row) conflict.push_back(TargetEntry{expr, "", 0, 0});
    if (modify.conflict_update_where) conflict.push_back(TargetEntry{modify.conflict_update_where, "", 0, 0});
    resolve_conflict_update(with_subplans(std::move(conflict)), modify.table->columns.size(),
                            modify.conflict_update_where != nullptr, *node);
  }
  node->children.push_back(std::move(input));
  planned.root = std::move(node);
  return planned;
}

}  // namespace chalkdb
