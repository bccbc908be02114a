#include "planner/set_operation_planner.h"

#include <fmt/format.h>

#include <algorithm>

#include "planner/optimizer.h"

namespace chalkdb {

namespace {

constexpr double kWorkTableRows = 10;  // PostgreSQL's guess: a tenth of the non-recursive term

size_t output_width(const PlanNode& node) {
  return node.projection.empty() ? node.raw_width : node.projection.size();
}

std::unique_ptr<PlanNode> wrap(PlanKind kind, std::unique_ptr<PlanNode> input, const CostConstants& costs) {
  auto node = std::make_unique<PlanNode>();
  node->kind = kind;
  node->startup_cost = input->startup_cost;
  node->total_cost = input->total_cost + costs.cpu_tuple_cost * input->rows;
  node->rows = input->rows;
  node->width = input->width;
  node->raw_width = output_width(*input);
  node->children.push_back(std::move(input));
  return node;
}

std::unique_ptr<PlanNode> make_append(std::vector<std::unique_ptr<PlanNode>> inputs) {
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::Append;
  for (auto& input : inputs) {
    node->startup_cost = node->children.empty() ? input->startup_cost : node->startup_cost;
    node->total_cost += input->total_cost;
    node->rows += input->rows;
    node->width = std::max(node->width, input->width);
    node->raw_width = output_width(*input);
    node->children.push_back(std::move(input));
  }
  return node;
}

// Column references to the set operation's output slots, named after the first operand's
// columns (what EXPLAIN's Group Key shows).
std::vector<BoundExprPtr> output_columns(const RangeEntry& rte) {
  std::vector<BoundExprPtr> columns;
  const Query& first = *rte.inputs[0];
  for (size_t c = 0; c < rte.visible_columns; ++c) {
    auto column = std::make_shared<BoundExpr>();
    column->kind = BoundExprKind::Column;
    column->type = rte.column_types[c];
    column->slot = static_cast<int>(c);
    const BoundExpr& source = *first.targets[c].expr;
    column->name = source.kind == BoundExprKind::Column ? source.name : rte.column_names[c];
    column->qualifier = source.kind == BoundExprKind::Column ? source.qualifier : "";
    columns.push_back(std::move(column));
  }
  return columns;
}

std::unique_ptr<PlanNode> plan_union(const RangeEntry& rte, Optimizer& optimizer, const CostConstants& costs) {
  std::vector<std::unique_ptr<PlanNode>> inputs;
  for (const auto& input : rte.inputs) inputs.push_back(optimizer.plan_query(*input));
  auto append = make_append(std::move(inputs));
  if (rte.set_all) return append;
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::HashAggregate;
  node->group_keys = output_columns(rte);
  node->raw_width = node->group_keys.size();
  double keys = static_cast<double>(node->group_keys.size());
  node->startup_cost = append->total_cost + costs.cpu_operator_cost * keys * append->rows;
  node->rows = std::max(1.0, append->rows * 0.5);
  node->total_cost = node->startup_cost + costs.cpu_tuple_cost * node->rows;
  node->width = append->width;
  node->children.push_back(std::move(append));
  return node;
}

// INTERSECT / EXCEPT: each side's rows carry a flag column (0 left, 1 right), as PostgreSQL's
// "*SELECT* 1" and "*SELECT* 2" subquery scans add one.
std::unique_ptr<PlanNode> plan_intersect_except(const RangeEntry& rte, Optimizer& optimizer,
                                                const CostConstants& costs) {
  std::vector<std::unique_ptr<PlanNode>> inputs;
  for (size_t i = 0; i < rte.inputs.size(); ++i) {
    auto scan = wrap(PlanKind::SubqueryScan, optimizer.plan_query(*rte.inputs[i]), costs);
    scan->relation_name = fmt::format("*SELECT* {}", i + 1);
    scan->alias = scan->relation_name;
    for (size_t c = 0; c < rte.visible_columns; ++c) {
      auto column = std::make_shared<BoundExpr>();
      column->kind = BoundExprKind::Column;
      column->type = rte.column_types[c];
      column->slot = static_cast<int>(c);
      scan->projection.push_back(std::move(column));
    }
    scan->projection.push_back(make_constant(Value::int4(static_cast<int32_t>(i)), DataType{TypeId::Int4}));
    inputs.push_back(std::move(scan));
  }
  auto append = make_append(std::move(inputs));
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::SetOp;
  node->set_op = rte.set_op;
  node->set_all = rte.set_all;
  node->raw_width = rte.visible_columns;
  node->startup_cost = append->total_cost + costs.cpu_operator_cost * append->rows;
  node->total_cost = node->startup_cost;
  node->rows = std::max(1.0, append->children[0]->rows * 0.5);
  node->width = append->width;
  node->children.push_back(std::move(append));
  return node;
}

std::unique_ptr<PlanNode> plan_recursive_union(const RangeEntry& rte, Optimizer& optimizer,
                                               const CostConstants& costs) {
  auto base = optimizer.plan_query(*rte.inputs[0]);
  auto recursive = optimizer.plan_query(*rte.inputs[1]);
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::RecursiveUnion;
  node->set_all = rte.set_all;
  node->worktable_id = rte.worktable_id;
  node->raw_width = rte.visible_columns;
  node->startup_cost = base->startup_cost;
  node->total_cost = base->total_cost + kWorkTableRows * recursive->total_cost;
  node->rows = base->rows + kWorkTableRows * recursive->rows;
  node->width = base->width;
  node->children.push_back(std::move(base));
  node->children.push_back(std::move(recursive));
  auto scan = std::make_unique<PlanNode>();
  scan->kind = PlanKind::CteScan;
  scan->relation_name = rte.cte_name;
  scan->rows = node->rows;
  scan->startup_cost = node->startup_cost;
  scan->total_cost = node->total_cost + costs.cpu_tuple_cost * node->rows;
  scan->width = node->width;
  scan->raw_width = node->raw_width;
  scan->children.push_back(std::move(node));
  return scan;
}

}  // namespace

std::unique_ptr<PlanNode> plan_derived_relation(const RangeEntry& rte, Optimizer& optimizer,
                                                const CostConstants& costs) {
  switch (rte.kind) {
    case RangeEntry::Kind::Subquery: {
      auto node = wrap(PlanKind::SubqueryScan, optimizer.plan_query(*rte.inputs[0]), costs);
      node->raw_width = rte.visible_columns;
      return node;
    }
    case RangeEntry::Kind::SetOperation:
      return rte.set_op == SetOpKind::Union ? plan_union(rte, optimizer, costs)
                                            : plan_intersect_except(rte, optimizer, costs);
    case RangeEntry::Kind::RecursiveUnion:
      return plan_recursive_union(rte, optimizer, costs);
    default: {
      auto node = std::make_unique<PlanNode>();
      node->kind = PlanKind::WorkTableScan;
      node->relation_name = rte.cte_name;
      node->worktable_id = rte.worktable_id;
      node->rows = kWorkTableRows * 10;
      node->total_cost = costs.cpu_tuple_cost * node->rows;
      node->raw_width = rte.visible_columns;
      return node;
    }
  }
}

}  // namespace chalkdb
