#include "planner/query_planner.h"

#include <algorithm>
#include <cmath>

#include "planner/index_path.h"
#include "planner/set_operation_planner.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

Relation QueryPlanner::plan_scan(int rte_index, std::vector<BoundExprPtr>& pending) {
  const RangeEntry& rte = query_.range_table[rte_index];
  Relation rel;
  rel.rtes = {rte_index};
  for (size_t c = 0; c < rte.column_names.size(); ++c)
    rel.layout.emplace_back(rte_index, static_cast<int>(c));
  auto quals = take_applicable(pending, rel.rtes);
  auto node = std::make_unique<PlanNode>();
  node->rte = rte_index;
  node->alias = rte.alias;
  node->raw_width = rel.layout.size();
  ScanQuals scan_quals{quals, 0, 1};
  for (const auto& q : quals) {
    scan_quals.cost += per_row_cost(q.get(), costs_);
    scan_quals.selectivity *= selectivity(*q);
  }
  node->filter = resolve_slots(conjunction(quals), rel.layout);
  node->width = needed_width(rte_index);
  if (rte.kind == RangeEntry::Kind::Table) {
    plan_table_scan(*node, rte, rte_index, scan_quals, rel.layout);
  } else if (rte.kind != RangeEntry::Kind::Function) {
    node = plan_derived_scan(std::move(node), rte, rte_index, scan_quals);
  } else {
    plan_function_scan(*node, rte, scan_quals);
  }
  rel.node = std::move(node);
  rel.lateral_params = rte.lateral_params;
  return rel;
}

void QueryPlanner::plan_table_scan(PlanNode& node, const RangeEntry& rte, int rte_index,
                                   const ScanQuals& quals, const RowLayout& layout) {
  node.kind = PlanKind::SeqScan;
  node.table = rte.table;
  node.relation_name = rte.table->name;
  std::vector<DataType> types(rte.column_types.begin(), rte.column_types.begin() + rte.visible_columns);
  double pages = static_cast<double>(catalog_.heap(*rte.table).page_count());
  RelationSize size = estimate_relation_size(pages, types, rte.table->pages, rte.table->tuples);
  double sel = table_quals_selectivity(quals.quals, *rte.table, rte_index, size.tuples);
  node.startup_cost = 0;
  node.total_cost = costs_.seq_page_cost * size.pages +
                    (costs_.cpu_tuple_cost + quals.cost) * size.tuples;
  if (!settings_.enable_seqscan) node.startup_cost += kDisableCost, node.total_cost += kDisableCost;
  node.rows = clamp_rows(size.tuples * sel);
  if (!rte.table->indexes.empty()) choose_index_scan(node, rte, rte_index, quals.quals, size, layout);
}

std::unique_ptr<PlanNode> QueryPlanner::plan_derived_scan(std::unique_ptr<PlanNode> node,
                                                          const RangeEntry& rte, int rte_index,
                                                          const ScanQuals& quals) {
  auto derived = plan_derived_relation(rte, optimizer_, costs_);
  derived->rte = rte_index;
  derived->alias = rte.alias;
  if (derived->relation_name.empty()) derived->relation_name = rte.alias;
  derived->total_cost += quals.cost * derived->rows;
  derived->rows = clamp_rows(derived->rows * quals.selectivity);
  derived->filter = node->filter;
  derived->width = node->width;
  return remove_trivial_subquery_scan(std::move(derived), query_.range_table.size() == 1);
}

void QueryPlanner::plan_function_scan(PlanNode& node, const RangeEntry& rte, const ScanQuals& quals) const {
  node.kind = PlanKind::FunctionScan;
  node.relation_name = rte.function_name;
  for (const auto& arg : rte.function_args) node.function_args.push_back(arg);
  node.engine_function = rte.engine_function;
  double rows = function_rows(rte);
  node.startup_cost = 0;
  node.total_cost = (costs_.cpu_tuple_cost + quals.cost) * rows;
  node.rows = clamp_rows(rows * quals.selectivity);
}

double QueryPlanner::function_rows(const RangeEntry& rte) {
  if (rte.engine_function)
    return rte.engine_function->set_returning() ? rte.engine_function->estimated_rows : 1;
  if (rte.function_name == "generate_series") return generate_series_rows(rte.function_args);
  return table_function_rows(rte);
}

double QueryPlanner::table_function_rows(const RangeEntry& rte) {
  std::vector<DataType> types;
  for (const auto& arg : rte.function_args) types.push_back(arg->type);
  return resolve_table_function(rte.function_name, types).function->estimated_rows;
}

std::unique_ptr<PlanNode> QueryPlanner::remove_trivial_subquery_scan(std::unique_ptr<PlanNode> node,
                                                                     bool sole_relation) {
  if (node->kind != PlanKind::SubqueryScan || node->filter) return node;
  PlanNode& input = *node->children[0];
  size_t width = input.projection.empty() ? input.raw_width : input.projection.size();
  if (width != node->raw_width) return node;
  // A sole relation's node takes the outer query's projection: the input must not have one.
  if (sole_relation && !input.projection.empty()) return node;
  return std::move(node->children[0]);
}

void QueryPlanner::choose_index_scan(PlanNode& node, const RangeEntry& rte, int rte_index,
                                     const std::vector<BoundExprPtr>& quals, const RelationSize& size,
                                     const RowLayout& layout) {
  IndexPlanningInput input;
  input.rte = &rte;
  input.rte_index = rte_index;
  input.quals = quals;
  bool single_scan = query_.range_table.size() == 1 && !query_.has_aggregation;
  if (single_scan && !query_.order_by.empty()) input.order_by = &query_.order_by;
  input.table_pages = size.pages;
  input.table_tuples = size.tuples;
  input.total_table_pages = total_table_pages();
  std::vector<IndexSize> sizes;
  for (const IndexInfo& index : rte.table->indexes) {
    BTree& tree = catalog_.index_tree(*rte.table, index);
    sizes.push_back({static_cast<double>(tree.block_count()), static_cast<double>(tree.meta().fastlevel)});
  }
  auto paths = index_paths(input, costs_, sizes);
  double rows = node.rows;
  double fraction = 1;
  if (single_scan && query_.limit && !query_.offset) {
    fraction = query_.limit->kind == BoundExprKind::Constant
                   ? std::min(1.0, std::max(1.0, constant_count(query_.limit, rows)) / std::max(1.0, rows))
                   : kUnknownLimitFraction;
  }
  double sort_cost = input.order_by ? sort_startup_extra(rows) : 0;
  double best = node.total_cost + sort_cost;
  const IndexPath* chosen = nullptr;
  for (const IndexPath& path : paths) {
    double startup = path.costs.startup + (settings_.enable_indexscan ? 0 : kDisableCost);
    double total = path.costs.total + (settings_.enable_indexscan ? 0 : kDisableCost);
    double effective = path.ordered ? startup + (total - startup) * fraction : total + sort_cost;
    if (effective < best) {
      best = effective;
      chosen = &path;
    }
  }
  if (!chosen) return;
  node.kind = PlanKind::IndexScan;
  node.index_scan = chosen->spec;
  node.startup_cost = chosen->costs.startup + (settings_.enable_indexscan ? 0 : kDisableCost);
  node.total_cost = chosen->costs.total + (settings_.enable_indexscan ? 0 : kDisableCost);
  node.filter = resolve_slots(conjunction(chosen->other_quals), layout);
  scan_provides_order_ = chosen->ordered;
}

double QueryPlanner::sort_startup_extra(double rows) const {
  double n = std::max(2.0, rows);
  double bound = query_.limit ? constant_count(query_.limit, n) + constant_count(query_.offset, 0) : n;
  double log_factor = 2 * bound < n ? std::log2(2 * bound) : std::log2(n);
  return 2.0 * costs_.cpu_operator_cost * n * log_factor + costs_.sort_disable_cost;
}

double QueryPlanner::total_table_pages() const {
  double pages = 0;
  for (const RangeEntry& entry : query_.range_table) {
    if (entry.kind == RangeEntry::Kind::Table)
      pages += static_cast<double>(catalog_.heap(*entry.table).page_count());
  }
  return pages;
}

}  // namespace chalkdb
