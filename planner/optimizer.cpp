#include "planner/optimizer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "planner/index_path.h"
#include "planner/set_operation_planner.h"
#include "planner/slot_resolver.h"
#include "planner/sorted_input.h"
#include "planner/sublink_pullup.h"
#include "planner/subquery_planner.h"
#include "planner/window_planner.h"
#include "sql/error/sql_error.h"
#include "sql/types/table_functions.h"

namespace chalkdb {

namespace {

constexpr double kDisableCost = 1.0e10;  // PostgreSQL's disable_cost for enable_* = off
constexpr double kDefaultFunctionRows = 1000;
constexpr double kSemiJoinSelectivity = 0.5;  // share of outer rows a semi/anti join keeps

// A partial plan over some range-table entries and the layout of its rows.
struct Relation {
  std::unique_ptr<PlanNode> node;
  RowLayout layout;
  std::set<int> rtes;
  std::vector<std::pair<int, BoundExprPtr>> lateral_params;  // a LATERAL item's outer columns
};

bool covered_by(const std::vector<int>& needed, const std::set<int>& available) {
  return std::all_of(needed.begin(), needed.end(), [&](int r) { return available.count(r) > 0; });
}

BoundExprPtr conjunction(const std::vector<BoundExprPtr>& parts) {
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return parts[0];
  return make_bool_op(BoundExprKind::And, parts);
}

class QueryPlanner {
 public:
  QueryPlanner(const Query& query, Optimizer& optimizer, Catalog& catalog, const PlannerSettings& settings)
      : query_(query), optimizer_(optimizer), catalog_(catalog), settings_(settings), costs_(settings.costs) {
    collect_needed_columns();
  }

  std::unique_ptr<PlanNode> plan() {
    std::unique_ptr<PlanNode> node;
    bool aggregated = query_.has_aggregation;
    RowLayout layout;
    if (query_.range_table.empty()) {
      node = make_result();
    } else {
      Relation from = plan_from();
      node = std::move(from.node);
      layout = std::move(from.layout);
    }
    if (aggregated) node = plan_aggregation(std::move(node), layout);
    if (!query_.window_calls.empty()) node = add_windows(std::move(node), layout, aggregated);
    node = add_projection(std::move(node), layout, aggregated);
    if (query_.distinct) node = add_distinct(std::move(node));
    node = add_sort(std::move(node));
    if (!query_.distinct_on.empty()) node = add_unique(std::move(node));
    return add_limit(std::move(node));
  }

 private:
  // ---- FROM ----

  Relation plan_from() {
    std::vector<BoundExprPtr> pending = query_.quals;
    std::vector<std::shared_ptr<const JoinTreeNode>> items = query_.from;
    if (items.empty()) {
      for (size_t r = 0; r < query_.range_table.size(); ++r) {
        auto leaf = std::make_shared<JoinTreeNode>();
        leaf->rte = static_cast<int>(r);
        items.push_back(std::move(leaf));
      }
    }
    Relation result = plan_tree(*items[0], pending);
    for (size_t i = 1; i < items.size(); ++i)
      result = plan_join(std::move(result), plan_tree(*items[i], pending), pending, JoinType::Inner, {});
    if (!pending.empty()) {  // conditions on no table at all, e.g. WHERE false
      auto filter = resolve_slots(conjunction(pending), result.layout);
      result.node->filter = result.node->filter ? make_bool_op(BoundExprKind::And, {result.node->filter, filter})
                                                : filter;
      result.node->rows = clamp_rows(result.node->rows * selectivity(*conjunction(pending)));
    }
    return result;
  }

  // Plans a join tree. `pending` holds the conditions that may be evaluated anywhere below
  // (WHERE and inner-join conditions); an outer join's own conditions stay with it, and only
  // they may move into its nullable side, as in PostgreSQL's deconstruct_jointree.
  Relation plan_tree(const JoinTreeNode& tree, std::vector<BoundExprPtr>& pending) {
    if (tree.rte >= 0) return plan_scan(tree.rte, pending);
    switch (tree.join_type) {
      case JoinType::Left:
      case JoinType::Right:
      case JoinType::Semi:
      case JoinType::Anti: {
        bool left_preserved = tree.join_type != JoinType::Right;
        JoinType type = tree.join_type == JoinType::Right ? JoinType::Left : tree.join_type;
        std::vector<BoundExprPtr> own = tree.quals;
        Relation preserved = plan_tree(left_preserved ? *tree.left : *tree.right, pending);
        Relation nullable = plan_tree(left_preserved ? *tree.right : *tree.left, own);
        return plan_join(std::move(preserved), std::move(nullable), pending, type, own);
      }
      case JoinType::Full: {
        std::vector<BoundExprPtr> none_left, none_right;
        Relation left = plan_tree(*tree.left, none_left);
        Relation right = plan_tree(*tree.right, none_right);
        return plan_join(std::move(left), std::move(right), pending, JoinType::Full, tree.quals);
      }
      default: {
        pending.insert(pending.end(), tree.quals.begin(), tree.quals.end());
        Relation left = plan_tree(*tree.left, pending);
        Relation right = plan_tree(*tree.right, pending);
        return plan_join(std::move(left), std::move(right), pending, JoinType::Inner, {});
      }
    }
  }

  // Removes and returns the pending conditions that `available` can evaluate.
  static std::vector<BoundExprPtr> take_applicable(std::vector<BoundExprPtr>& pending,
                                                   const std::set<int>& available) {
    std::vector<BoundExprPtr> taken;
    auto keep = std::stable_partition(pending.begin(), pending.end(), [&](const BoundExprPtr& q) {
      auto rtes = referenced_rtes(*q);
      return rtes.empty() || !covered_by(rtes, available);
    });
    taken.assign(keep, pending.end());
    pending.erase(keep, pending.end());
    return taken;
  }

  Relation plan_scan(int rte_index, std::vector<BoundExprPtr>& pending) {
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
    double qual_cost = 0, sel = 1;
    for (const auto& q : quals) {
      qual_cost += per_row_cost(q.get(), costs_);
      sel *= selectivity(*q);
    }
    node->filter = resolve_slots(conjunction(quals), rel.layout);
    node->width = needed_width(rte_index);
    if (rte.kind == RangeEntry::Kind::Table) {
      node->kind = PlanKind::SeqScan;
      node->table = rte.table;
      node->relation_name = rte.table->name;
      std::vector<DataType> types(rte.column_types.begin(), rte.column_types.begin() + rte.visible_columns);
      double pages = static_cast<double>(catalog_.heap(*rte.table).page_count());
      RelationSize size = estimate_relation_size(pages, types, rte.table->pages, rte.table->tuples);
      sel = table_quals_selectivity(quals, *rte.table, rte_index, size.tuples);
      node->startup_cost = 0;
      node->total_cost = costs_.seq_page_cost * size.pages +
                         (costs_.cpu_tuple_cost + qual_cost) * size.tuples;
      if (!settings_.enable_seqscan) node->startup_cost += kDisableCost, node->total_cost += kDisableCost;
      node->rows = clamp_rows(size.tuples * sel);
      if (!rte.table->indexes.empty()) choose_index_scan(*node, rte, rte_index, quals, size, rel.layout);
    } else if (rte.kind != RangeEntry::Kind::Function) {
      auto derived = plan_derived_relation(rte, optimizer_, costs_);
      derived->rte = rte_index;
      derived->alias = rte.alias;
      if (derived->relation_name.empty()) derived->relation_name = rte.alias;
      derived->total_cost += qual_cost * derived->rows;
      derived->rows = clamp_rows(derived->rows * sel);
      derived->filter = node->filter;
      derived->width = node->width;
      node = std::move(derived);
      node = remove_trivial_subquery_scan(std::move(node), query_.range_table.size() == 1);
    } else {
      node->kind = PlanKind::FunctionScan;
      node->relation_name = rte.function_name;
      for (const auto& arg : rte.function_args) node->function_args.push_back(arg);
      node->engine_function = rte.engine_function;
      double rows = function_rows(rte);
      node->startup_cost = 0;
      node->total_cost = (costs_.cpu_tuple_cost + qual_cost) * rows;
      node->rows = clamp_rows(rows * sel);
    }
    rel.node = std::move(node);
    rel.lateral_params = rte.lateral_params;
    return rel;
  }

  static double function_rows(const RangeEntry& rte) {
    if (rte.engine_function)
      return rte.engine_function->set_returning() ? rte.engine_function->estimated_rows : 1;
    if (rte.function_name == "generate_series") return series_rows(rte.function_args);
    return table_function_rows(rte);
  }

  // pg_proc.prorows of a set-returning function other than generate_series.
  static double table_function_rows(const RangeEntry& rte) {
    std::vector<DataType> types;
    for (const auto& arg : rte.function_args) types.push_back(arg->type);
    return resolve_table_function(rte.function_name, types).function->estimated_rows;
  }

  // A Subquery Scan that neither filters nor drops columns passes its input through; like
  // PostgreSQL's setrefs, leave it out of the plan.
  static std::unique_ptr<PlanNode> remove_trivial_subquery_scan(std::unique_ptr<PlanNode> node,
                                                                bool sole_relation) {
    if (node->kind != PlanKind::SubqueryScan || node->filter) return node;
    PlanNode& input = *node->children[0];
    size_t width = input.projection.empty() ? input.raw_width : input.projection.size();
    if (width != node->raw_width) return node;
    // A sole relation's node takes the outer query's projection: the input must not have one.
    if (sole_relation && !input.projection.empty()) return node;
    return std::move(node->children[0]);
  }

  // Replaces the sequential scan in `node` by the cheapest index scan when one is cheaper,
  // counting the sort an unordered path needs under ORDER BY and the part of the scan a
  // LIMIT reads (PostgreSQL compares such paths by their fractional costs).
  void choose_index_scan(PlanNode& node, const RangeEntry& rte, int rte_index,
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
      fraction = std::min(1.0, std::max(1.0, constant_count(query_.limit, rows)) / std::max(1.0, rows));
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

  // What sorting `rows` rows adds to the cost before the first row (cost_sort).
  double sort_startup_extra(double rows) const {
    double n = std::max(2.0, rows);
    double bound = query_.limit ? constant_count(query_.limit, n) + constant_count(query_.offset, 0) : n;
    double log_factor = 2 * bound < n ? std::log2(2 * bound) : std::log2(n);
    return 2.0 * costs_.cpu_operator_cost * n * log_factor;
  }

  double total_table_pages() const {
    double pages = 0;
    for (const RangeEntry& entry : query_.range_table) {
      if (entry.kind == RangeEntry::Kind::Table)
        pages += static_cast<double>(catalog_.heap(*entry.table).page_count());
    }
    return pages;
  }

  // generate_series with constant integer bounds has an exact row count, as PostgreSQL's
  // support function estimates it; otherwise (numeric and timestamp series too, in 15) the
  // default of 1000 rows.
  static double series_rows(const std::vector<BoundExprPtr>& args) {
    for (const auto& arg : args) {
      TypeId type = arg->type.id;
      if (arg->kind != BoundExprKind::Constant || arg->constant.is_null() ||
          (type != TypeId::Int2 && type != TypeId::Int4 && type != TypeId::Int8))
        return kDefaultFunctionRows;
    }
    double start = static_cast<double>(args[0]->constant.as_int());
    double stop = static_cast<double>(args[1]->constant.as_int());
    double step = args.size() > 2 ? static_cast<double>(args[2]->constant.as_int()) : 1;
    if (step == 0) return kDefaultFunctionRows;
    return std::max(0.0, std::floor((stop - start) / step) + 1);
  }

  // Joins two relations. An inner join takes the pending conditions both sides can evaluate;
  // an outer join (Left: `left` preserved, Full) joins on its own conditions `own` and
  // filters its result with the pending conditions it makes evaluable.
  Relation plan_join(Relation left, Relation right, std::vector<BoundExprPtr>& pending, JoinType type,
                     std::vector<BoundExprPtr> own) {
    std::set<int> both = left.rtes;
    both.insert(right.rtes.begin(), right.rtes.end());
    bool outer_join = type != JoinType::Inner;
    auto quals = outer_join ? std::move(own) : take_applicable(pending, both);

    std::vector<BoundExprPtr> hash_clauses, other;
    for (const auto& q : quals) (is_hash_clause(*q, left.rtes, right.rtes) ? hash_clauses : other).push_back(q);
    double filter_cost = 0;
    for (const auto& q : other) filter_cost += per_row_cost(q.get(), costs_);

    double rows = left.node->rows * right.node->rows;
    for (const auto& q : quals) rows *= join_selectivity(*q, left.node->rows, right.node->rows);
    if (type == JoinType::Left) rows = std::max(rows, left.node->rows);
    if (type == JoinType::Full) rows = std::max(rows, left.node->rows + right.node->rows);
    if (type == JoinType::Semi || type == JoinType::Anti) rows = left.node->rows * kSemiJoinSelectivity;
    rows = clamp_rows(rows);

    // Like PostgreSQL, try each input on each side and keep the cheapest way. A nested loop
    // can only preserve its outer side; a hash join either side.
    bool lateral = !right.lateral_params.empty();
    JoinChoice best;
    for (bool swapped : {false, true}) {
      const PlanNode& outer = swapped ? *right.node : *left.node;
      const PlanNode& inner = swapped ? *left.node : *right.node;
      JoinType physical = type == JoinType::Left && swapped ? JoinType::Right : type;
      bool semi = type == JoinType::Semi || type == JoinType::Anti;
      if (semi && swapped) continue;  // the semi/anti join's outer side is always the query's
      // A LATERAL item is rescanned by a nested loop for each row of the items it reads.
      if (lateral && swapped) continue;
      if (physical != JoinType::Right && physical != JoinType::Full) {
        JoinChoice nested{PlanKind::NestedLoop, swapped, 0, 0, physical};
        nested_loop_cost(outer, inner, quals, rows, nested);
        if (!settings_.enable_nestloop) nested.startup += kDisableCost, nested.total += kDisableCost;
        if (nested.total < best.total) best = nested;
      }
      if (hash_clauses.empty() || lateral) continue;
      JoinChoice hash{PlanKind::HashJoin, swapped, 0, 0, physical};
      hash_join_cost(outer, inner, hash_clauses.size(), filter_cost, rows, hash);
      if (!settings_.enable_hashjoin) hash.startup += kDisableCost, hash.total += kDisableCost;
      if (hash.total < best.total) best = hash;
    }
    if (best.total == std::numeric_limits<double>::infinity()) {
      throw SqlError(sqlstate::kFeatureNotSupported,
                     "FULL JOIN is only supported with merge-joinable or hash-joinable join conditions");
    }
    if (best.swapped) std::swap(left, right);

    Relation joined;
    joined.rtes = both;
    joined.layout = left.layout;
    joined.layout.insert(joined.layout.end(), right.layout.begin(), right.layout.end());
    auto node = std::make_unique<PlanNode>();
    node->kind = best.kind;
    node->join_type = best.join_type;
    node->rows = rows;
    node->width = left.node->width + right.node->width;
    if (type == JoinType::Semi || type == JoinType::Anti) node->width = left.node->width;
    node->raw_width = joined.layout.size();
    node->startup_cost = best.startup;
    node->total_cost = best.total;
    if (best.kind == PlanKind::HashJoin) {
      for (const auto& clause : hash_clauses) add_hash_keys(*node, clause, left, right);
      node->join_filter = resolve_slots(conjunction(other), joined.layout);
      node->children.push_back(std::move(left.node));
      node->children.push_back(make_hash(std::move(right.node)));
    } else if (lateral) {
      for (const auto& [id, column] : right.lateral_params)
        node->nest_params.emplace_back(id, resolve_slots(column, left.layout));
      node->join_filter = resolve_slots(conjunction(quals), joined.layout);
      node->total_cost = left.node->total_cost + left.node->rows * right.node->total_cost;
      node->children.push_back(std::move(left.node));
      node->children.push_back(std::move(right.node));
    } else {
      node->join_filter = resolve_slots(conjunction(quals), joined.layout);
      node->children.push_back(std::move(left.node));
      node->children.push_back(make_materialize(std::move(right.node)));
    }
    if (outer_join) {
      auto after = take_applicable(pending, both);
      if (!after.empty()) {
        node->filter = resolve_slots(conjunction(after), joined.layout);
        node->rows = clamp_rows(node->rows * selectivity(*conjunction(after)));
      }
    }
    joined.node = std::move(node);
    return joined;
  }

  struct JoinChoice {
    PlanKind kind = PlanKind::NestedLoop;
    bool swapped = false;
    double startup = 0;
    double total = std::numeric_limits<double>::infinity();
    JoinType join_type = JoinType::Inner;
  };

  static bool is_hash_clause(const BoundExpr& q, const std::set<int>& left, const std::set<int>& right) {
    if (q.kind != BoundExprKind::Operator || q.name != "=") return false;
    auto a = referenced_rtes(*q.args[0]);
    auto b = referenced_rtes(*q.args[1]);
    if (a.empty() || b.empty()) return false;
    return (covered_by(a, left) && covered_by(b, right)) || (covered_by(a, right) && covered_by(b, left));
  }

  static void add_hash_keys(PlanNode& node, const BoundExprPtr& clause, const Relation& left,
                            const Relation& right) {
    auto a = clause->args[0], b = clause->args[1];
    if (!covered_by(referenced_rtes(*a), left.rtes)) std::swap(a, b);
    node.hash_left_keys.push_back(resolve_slots(a, left.layout));
    node.hash_right_keys.push_back(resolve_slots(b, right.layout));
    node.hash_equals.push_back(clause->binary_fn);
    // EXPLAIN shows the outer side's key first, as PostgreSQL commutes the clause.
    auto shown = std::make_shared<BoundExpr>(*clause);
    shown->args = {a, b};
    node.hash_clauses.push_back(shown);
  }

  // The inner side is materialized (cost_material): the first pass pays 2 * cpu_operator_cost
  // a row to store it, each rescan cpu_operator_cost a row to read it back.
  void nested_loop_cost(const PlanNode& outer, const PlanNode& inner,
                        const std::vector<BoundExprPtr>& quals, double rows, JoinChoice& out) const {
    double qual_cost = 0;
    for (const auto& q : quals) qual_cost += per_row_cost(q.get(), costs_);
    double material_first = inner.total_cost + 2 * costs_.cpu_operator_cost * inner.rows;
    double material_rescan = costs_.cpu_operator_cost * inner.rows;
    out.startup = outer.startup_cost + inner.startup_cost;
    out.total = outer.total_cost + material_first + std::max(0.0, outer.rows - 1) * material_rescan +
                (costs_.cpu_tuple_cost + qual_cost) * outer.rows * inner.rows;
    (void)rows;
  }

  void hash_join_cost(const PlanNode& outer, const PlanNode& inner, size_t clause_count,
                      double filter_cost, double rows, JoinChoice& out) const {
    double keys = static_cast<double>(clause_count);
    out.startup = outer.startup_cost + inner.total_cost +
                  (costs_.cpu_operator_cost * keys + costs_.cpu_tuple_cost) * inner.rows;
    // Each outer row is compared with about half a bucket of inner rows; without statistics
    // PostgreSQL assumes a bucket holds a tenth of the inner side (estimate_hash_bucket_size).
    constexpr double kDefaultBucketFraction = 0.1;
    double bucket_rows = clamp_rows(inner.rows * kDefaultBucketFraction);
    double run = (outer.total_cost - outer.startup_cost) + costs_.cpu_operator_cost * keys * outer.rows +
                 costs_.cpu_operator_cost * keys * outer.rows * bucket_rows * 0.5 +
                 (costs_.cpu_tuple_cost + filter_cost) * rows;
    out.total = out.startup + run;
  }

  static std::unique_ptr<PlanNode> make_materialize(std::unique_ptr<PlanNode> input) {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Materialize;
    node->startup_cost = input->startup_cost;
    node->total_cost = input->total_cost + 2 * CostConstants{}.cpu_operator_cost * input->rows;
    node->rows = input->rows;
    node->width = input->width;
    node->raw_width = input->raw_width;
    node->children.push_back(std::move(input));
    return node;
  }

  static std::unique_ptr<PlanNode> make_hash(std::unique_ptr<PlanNode> input) {
    auto hash = std::make_unique<PlanNode>();
    hash->kind = PlanKind::Hash;
    hash->startup_cost = input->total_cost;
    hash->total_cost = input->total_cost;
    hash->rows = input->rows;
    hash->width = input->width;
    hash->raw_width = input->raw_width;
    hash->children.push_back(std::move(input));
    return hash;
  }

  std::unique_ptr<PlanNode> make_result() {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Result;
    node->rows = 1;
    node->total_cost = costs_.cpu_tuple_cost;
    if (!query_.quals.empty()) {
      node->filter = conjunction(query_.quals);
      node->total_cost += per_row_cost(node->filter.get(), costs_);
    }
    return node;
  }

  // ---- aggregation, projection, sort, limit ----

  std::unique_ptr<PlanNode> plan_aggregation(std::unique_ptr<PlanNode> input, const RowLayout& layout) {
    auto node = std::make_unique<PlanNode>();
    bool grouped = !query_.group_keys.empty();
    node->kind = grouped ? PlanKind::HashAggregate : PlanKind::Aggregate;
    for (const auto& key : query_.group_keys) node->group_keys.push_back(resolve_slots(key, layout));
    for (AggregateCall aggregate : query_.aggregates) {
      aggregate.arg = resolve_slots(aggregate.arg, layout);
      aggregate.delimiter = resolve_slots(aggregate.delimiter, layout);
      aggregate.filter = resolve_slots(aggregate.filter, layout);
      for (auto& key : aggregate.order_by) key.expr = resolve_slots(key.expr, layout);
      node->aggregates.push_back(std::move(aggregate));
    }
    node->raw_width = node->group_keys.size() + node->aggregates.size();
    double input_rows = input->rows;
    double groups = grouped ? estimate_groups(input_rows, query_.group_keys.size()) : 1;
    double per_input_row = costs_.cpu_operator_cost *
                           static_cast<double>(query_.group_keys.size() + query_.aggregates.size());
    node->startup_cost = input->total_cost + per_input_row * input_rows;
    node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * groups;
    if (!query_.grouping_sets.empty()) {
      // One pass feeds every grouping set: groups add up over the sets.
      node->grouping_sets = query_.grouping_sets;
      groups = 0;
      for (const auto& set : query_.grouping_sets)
        groups += set.empty() ? 1 : estimate_groups(input_rows, set.size());
      double sets = static_cast<double>(query_.grouping_sets.size());
      node->startup_cost = input->total_cost + per_input_row * input_rows * sets;
      node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * groups;
    } else if (grouped && needs_sorted_groups()) {
      // DISTINCT / ORDER BY inside an aggregate: PostgreSQL cannot hash, it sorts and groups.
      node->kind = PlanKind::GroupAggregate;
      std::vector<SortKey> keys;
      for (const auto& key : query_.group_keys) keys.push_back(SortKey{key, false, false});
      input = sort_input(std::move(input), keys,
                         [&](const BoundExprPtr& e) { return resolve_slots(e, layout); },
                         layout.size(), costs_);
      node->startup_cost = input->startup_cost;
      node->total_cost = input->total_cost + per_input_row * input_rows + costs_.cpu_tuple_cost * groups;
    }
    if (query_.having) {
      node->filter = resolve_aggregate_slots(query_.having, node->group_keys.size());
      node->total_cost += per_row_cost(query_.having.get(), costs_) * groups;
      groups = clamp_rows(groups * selectivity(*query_.having));
    }
    if (!grouped) node->startup_cost = node->total_cost;
    node->rows = groups;
    node->children.push_back(std::move(input));
    return node;
  }

  bool needs_sorted_groups() const {
    return std::any_of(query_.aggregates.begin(), query_.aggregates.end(),
                       [](const AggregateCall& a) { return a.distinct || !a.order_by.empty(); });
  }

  std::unique_ptr<PlanNode> add_windows(std::unique_ptr<PlanNode> input, const RowLayout& layout,
                                        bool aggregated) {
    size_t keys = query_.group_keys.size();
    auto resolve = [&](const BoundExprPtr& e) {
      return aggregated ? resolve_aggregate_slots(e, keys) : resolve_slots(e, layout);
    };
    size_t width = aggregated ? keys + query_.aggregates.size() : layout.size();
    if (aggregated) {
      input->width = 0;
      for (const auto& key : query_.group_keys) input->width += type_width(key->type);
      for (const auto& aggregate : query_.aggregates) input->width += type_width(aggregate.result_type);
    }
    WindowPlan windows = plan_windows(std::move(input), query_, costs_, resolve, width);
    window_slots_ = std::move(windows.call_slots);
    window_output_order_ = std::move(windows.output_order);
    return std::move(windows.node);
  }

  std::unique_ptr<PlanNode> add_projection(std::unique_ptr<PlanNode> node, const RowLayout& layout,
                                           bool aggregated) {
    std::vector<BoundExprPtr> outputs;
    for (const auto& target : query_.targets) outputs.push_back(target.expr);
    for (const auto& key : query_.order_by) {
      auto it = std::find_if(outputs.begin(), outputs.end(),
                             [&](const BoundExprPtr& e) { return same_expression(*e, *key.expr); });
      sort_slots_.push_back(static_cast<int>(it - outputs.begin()));
      if (it == outputs.end()) outputs.push_back(key.expr);
    }
    int width = 0;
    double cost = 0;
    const std::vector<BoundExprPtr> outputs_before_resolution = outputs;
    for (auto& expr : outputs) {
      width += type_width(expr->type);
      cost += per_row_cost(expr.get(), costs_);
      if (!window_slots_.empty()) expr = resolve_window_slots(expr, window_slots_);
      expr = aggregated ? resolve_aggregate_slots(expr, query_.group_keys.size())
                        : resolve_slots(expr, layout);
    }
    node->projection = std::move(outputs);
    // PostgreSQL's target list carries the window keys along (as resjunk columns).
    if (node->kind == PlanKind::WindowAgg) width += window_key_width(outputs_before_resolution);
    node->width = width;
    node->total_cost += cost * node->rows;
    return node;
  }

  int window_key_width(const std::vector<BoundExprPtr>& outputs) const {
    std::vector<BoundExprPtr> seen = outputs;
    int width = 0;
    auto add = [&](const BoundExprPtr& e) {
      for (const auto& s : seen)
        if (same_expression(*s, *e)) return;
      seen.push_back(e);
      width += type_width(e->type);
    };
    for (const auto& window : query_.windows) {
      for (const auto& key : window.partition_by) add(key);
      for (const auto& key : window.order_by) add(key.expr);
    }
    return width;
  }

  std::unique_ptr<PlanNode> add_sort(std::unique_ptr<PlanNode> input) {
    if (query_.order_by.empty()) return input;
    // An index scan may deliver the order (when no window function reorders its rows) ...
    if (scan_provides_order_ && window_slots_.empty()) return input;
    // ... and rows leaving the window functions may already be in the wanted order.
    if (!window_slots_.empty() && sort_order_satisfies(window_output_order_, query_.order_by)) return input;
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Sort;
    for (size_t i = 0; i < query_.order_by.size(); ++i) {
      const SortKey& key = query_.order_by[i];
      node->sort_keys.push_back(SortSpec{sort_slots_[i], key.descending, key.nulls_first, key.expr});
    }
    double n = std::max(2.0, input->rows);
    double comparison = 2.0 * costs_.cpu_operator_cost;
    // Under a LIMIT the sort keeps only the first rows (top-N heapsort), as cost_sort assumes.
    double bound = query_.limit ? constant_count(query_.limit, n) + constant_count(query_.offset, 0) : n;
    double log_factor = 2 * bound < n ? std::log2(2 * bound) : std::log2(n);
    node->startup_cost = input->total_cost + comparison * n * log_factor;
    node->total_cost = node->startup_cost + costs_.cpu_operator_cost * n;
    node->rows = input->rows;
    node->width = input->width;
    node->raw_width = input->projection.size();
    node->children.push_back(std::move(input));
    return node;
  }

  // SELECT DISTINCT over an aggregated query: a second HashAggregate on the output columns.
  std::unique_ptr<PlanNode> add_distinct(std::unique_ptr<PlanNode> input) {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::HashAggregate;
    for (size_t i = 0; i < query_.targets.size(); ++i) {
      auto key = std::make_shared<BoundExpr>(*query_.targets[i].expr);
      if (key->kind != BoundExprKind::Column) {
        key = std::make_shared<BoundExpr>();
        key->kind = BoundExprKind::Column;
        key->type = query_.targets[i].expr->type;
        key->name = query_.targets[i].name;
      }
      key->args.clear();
      key->kind = BoundExprKind::Column;
      key->slot = static_cast<int>(i);
      node->group_keys.push_back(std::move(key));
    }
    node->raw_width = node->group_keys.size();
    node->startup_cost = input->total_cost + costs_.cpu_operator_cost * input->rows;
    node->rows = clamp_rows(input->rows * 0.5);
    node->total_cost = node->startup_cost + costs_.cpu_tuple_cost * node->rows;
    node->width = input->width;
    node->children.push_back(std::move(input));
    return node;
  }

  // DISTINCT ON: the rows come sorted on the DISTINCT ON keys first; keep each group's first.
  std::unique_ptr<PlanNode> add_unique(std::unique_ptr<PlanNode> input) {
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Unique;
    node->sort_keys = input->sort_keys;
    node->unique_columns = std::min(query_.distinct_on.size(), node->sort_keys.size());
    node->startup_cost = input->startup_cost;
    node->total_cost = input->total_cost + costs_.cpu_operator_cost * input->rows;
    node->rows = clamp_rows(input->rows * 0.1);
    node->width = input->width;
    node->raw_width = input->raw_width ? input->raw_width : input->projection.size();
    node->children.push_back(std::move(input));
    return node;
  }

  std::unique_ptr<PlanNode> add_limit(std::unique_ptr<PlanNode> input) {
    if (!query_.limit && !query_.offset) return input;
    auto node = std::make_unique<PlanNode>();
    node->kind = PlanKind::Limit;
    if (query_.limit_with_ties) {
      node->with_ties = true;
      for (size_t i = 0; i < query_.order_by.size(); ++i) {
        const SortKey& key = query_.order_by[i];
        node->sort_keys.push_back(SortSpec{sort_slots_[i], key.descending, key.nulls_first, key.expr});
      }
    }
    node->limit = query_.limit;
    node->offset = query_.offset;
    double input_rows = std::max(1.0, input->rows);
    double offset = constant_count(query_.offset, 0);
    double count = constant_count(query_.limit, input_rows);
    count = std::max(0.0, std::min(count, input_rows - offset));
    double run = input->total_cost - input->startup_cost;
    node->startup_cost = input->startup_cost + run * offset / input_rows;
    node->total_cost = node->startup_cost + run * count / input_rows;
    node->rows = clamp_rows(count);
    node->width = input->width;
    node->raw_width = input->raw_width ? input->raw_width : input->projection.size();
    node->children.push_back(std::move(input));
    return node;
  }

  static double constant_count(const BoundExprPtr& expr, double otherwise) {
    if (!expr || expr->kind != BoundExprKind::Constant || expr->constant.is_null()) return otherwise;
    return static_cast<double>(expr->constant.as_int());
  }

  // ---- widths ----

  // Columns read above the scans: PostgreSQL's scan width counts only those.
  void collect_needed_columns() {
    auto add = [&](const BoundExprPtr& e) { if (e) collect_columns(*e); };
    for (const auto& t : query_.targets) add(t.expr);
    for (const auto& k : query_.group_keys) add(k);
    for (const auto& a : query_.aggregates) {
      add(a.arg);
      add(a.delimiter);
      add(a.filter);
      for (const auto& k : a.order_by) add(k.expr);
    }
    for (const auto& w : query_.windows) {
      for (const auto& k : w.partition_by) add(k);
      for (const auto& k : w.order_by) add(k.expr);
    }
    for (const auto& c : query_.window_calls) {
      for (const auto& a : c.args) add(a);
      add(c.aggregate.arg);
      add(c.aggregate.delimiter);
      add(c.aggregate.filter);
    }
    for (const auto& k : query_.order_by) add(k.expr);
    for (const auto& q : query_.quals)
      if (referenced_rtes(*q).size() > 1) add(q);
    for (const auto& item : query_.from) collect_join_columns(item.get());
  }

  void collect_join_columns(const JoinTreeNode* tree) {
    if (!tree || tree->rte >= 0) return;
    for (const auto& q : tree->quals)
      if (referenced_rtes(*q).size() > 1) collect_columns(*q);
    collect_join_columns(tree->left.get());
    collect_join_columns(tree->right.get());
  }

  void collect_columns(const BoundExpr& e) {
    if (e.kind == BoundExprKind::Column && e.rte >= 0) needed_.insert({e.rte, e.attno});
    for (const auto& arg : e.args) collect_columns(*arg);
  }

  int needed_width(int rte_index) const {
    const RangeEntry& rte = query_.range_table[rte_index];
    int width = 0;
    for (const auto& [r, attno] : needed_)
      if (r == rte_index) width += type_width(rte.column_types[attno]);
    return width;
  }

  const Query& query_;
  Optimizer& optimizer_;
  Catalog& catalog_;
  const PlannerSettings& settings_;
  const CostConstants& costs_;
  std::set<std::pair<int, int>> needed_;
  std::vector<int> sort_slots_;
  std::vector<int> window_slots_;            // WindowRef i → slot in the windowed row
  std::vector<SortKey> window_output_order_;
  bool scan_provides_order_ = false;  // an index scan delivers ORDER BY: no Sort node
};

}  // namespace

std::unique_ptr<PlanNode> Optimizer::plan_query(const Query& query) {
  Query planned = query;
  pull_up_sublinks(planned);
  plan_subqueries(planned, [this](const Query& subquery) { return plan_query(subquery); }, subplans_);
  return QueryPlanner(planned, *this, catalog_, settings_).plan();
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
    input = std::make_unique<PlanNode>();
    input->rows = static_cast<double>(modify.values_rows.size());
    input->total_cost = settings_.costs.cpu_tuple_cost * input->rows;
    input->width = 0;
    for (const auto& e : modify.values_rows[0]) input->width += type_width(e->type);
    if (modify.values_rows.size() == 1) {
      input->kind = PlanKind::Result;
      input->projection = modify.values_rows[0];
    } else {
      input->kind = PlanKind::ValuesScan;
      input->relation_name = "*VALUES*";
      input->values_rows = modify.values_rows;
      input->raw_width = modify.values_rows[0].size();
    }
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
