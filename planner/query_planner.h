// QueryPlanner: plans one SELECT query block (Optimizer's worker): the FROM clause's scans and
// joins, then aggregation, window functions, the final projection, DISTINCT, ORDER BY and
// LIMIT. Its members are defined by concern: query_planner.cpp (the driver and column widths),
// query_planner_scans.cpp (access paths: sequential, index, subquery and function scans),
// query_planner_joins.cpp (the join tree, join methods and their costs) and
// query_planner_upper.cpp (the steps above the joins).
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "planner/cost_model.h"
#include "planner/optimizer.h"
#include "planner/plan_node.h"
#include "planner/planner_settings.h"
#include "planner/project_set_planner.h"
#include "planner/query.h"
#include "planner/slot_resolver.h"
#include "storage/catalog/catalog.h"

namespace chalkdb {

// A partial plan over some range-table entries and the layout of its rows.
struct Relation {
  std::unique_ptr<PlanNode> node;
  RowLayout layout;
  std::set<int> rtes;
  std::vector<std::pair<int, BoundExprPtr>> lateral_params;  // a LATERAL item's outer columns
};

bool covered_by(const std::vector<int>& needed, const std::set<int>& available);

// The AND of `parts`; nullptr when there are none.
BoundExprPtr conjunction(const std::vector<BoundExprPtr>& parts);

class QueryPlanner {
 public:
  QueryPlanner(const Query& query, Optimizer& optimizer, Catalog& catalog, const PlannerSettings& settings)
      : query_(query), optimizer_(optimizer), catalog_(catalog), settings_(settings), costs_(settings.costs) {
    collect_needed_columns();
  }

  std::unique_ptr<PlanNode> plan();

 private:
  std::unique_ptr<PlanNode> make_result();

  // Columns read above the scans: PostgreSQL's scan width counts only those.
  void collect_needed_columns();

  void collect_join_columns(const JoinTreeNode* tree);

  void collect_columns(const BoundExpr& e);

  int needed_width(int rte_index) const;

  // ---- scans (query_planner_scans.cpp) ----

  Relation plan_scan(int rte_index, std::vector<BoundExprPtr>& pending);

  // The conditions a scan applies, with their cost a row and their default selectivity.
  struct ScanQuals {
    std::vector<BoundExprPtr> quals;
    double cost = 0;
    double selectivity = 1;
  };

  // A sequential scan costed from the table's size, or an index scan when cheaper.
  void plan_table_scan(PlanNode& node, const RangeEntry& rte, int rte_index, const ScanQuals& quals,
                       const RowLayout& layout);
  // A subquery, set operation, recursive CTE or work table planned on its own, under the
  // scan's conditions.
  std::unique_ptr<PlanNode> plan_derived_scan(std::unique_ptr<PlanNode> node, const RangeEntry& rte,
                                              int rte_index, const ScanQuals& quals);
  void plan_function_scan(PlanNode& node, const RangeEntry& rte, const ScanQuals& quals) const;

  static double function_rows(const RangeEntry& rte);

  // pg_proc.prorows of a set-returning function other than generate_series.
  static double table_function_rows(const RangeEntry& rte);

  // A Subquery Scan that neither filters nor drops columns passes its input through; like
  // PostgreSQL's setrefs, leave it out of the plan.
  static std::unique_ptr<PlanNode> remove_trivial_subquery_scan(std::unique_ptr<PlanNode> node,
                                                                bool sole_relation);

  // Replaces the sequential scan in `node` by the cheapest index scan when one is cheaper,
  // counting the sort an unordered path needs under ORDER BY and the part of the scan a
  // LIMIT reads (PostgreSQL compares such paths by their fractional costs).
  void choose_index_scan(PlanNode& node, const RangeEntry& rte, int rte_index,
                         const std::vector<BoundExprPtr>& quals, const RelationSize& size,
                         const RowLayout& layout);

  // What sorting `rows` rows adds to the cost before the first row (cost_sort); under a LIMIT
  // the sort keeps only the first rows (top-N heapsort).
  double sort_startup_extra(double rows) const;

  double total_table_pages() const;

  // ---- FROM and joins (query_planner_joins.cpp) ----

  struct JoinChoice {
    PlanKind kind = PlanKind::NestedLoop;
    bool swapped = false;
    double startup = 0;
    double total = std::numeric_limits<double>::infinity();
    JoinType join_type = JoinType::Inner;
  };

  Relation plan_from();

  // Plans a join tree. `pending` holds the conditions that may be evaluated anywhere below
  // (WHERE and inner-join conditions); an outer join's own conditions stay with it, and only
  // they may move into its nullable side, as in PostgreSQL's deconstruct_jointree.
  Relation plan_tree(const JoinTreeNode& tree, std::vector<BoundExprPtr>& pending);

  // Removes and returns the pending conditions that `available` can evaluate.
  static std::vector<BoundExprPtr> take_applicable(std::vector<BoundExprPtr>& pending,
                                                   const std::set<int>& available);

  // Joins two relations. An inner join takes the pending conditions both sides can evaluate;
  // an outer join (Left: `left` preserved, Full) joins on its own conditions `own` and
  // filters its result with the pending conditions it makes evaluable.
  Relation plan_join(Relation left, Relation right, std::vector<BoundExprPtr>& pending, JoinType type,
                     std::vector<BoundExprPtr> own);

  // A join's conditions: the equalities a hash join can use and the rest, with their cost a row.
  struct JoinClauses {
    std::vector<BoundExprPtr> quals;  // all of them
    std::vector<BoundExprPtr> hash_clauses, other;
    double filter_cost = 0;
  };

  JoinClauses classify_join_clauses(std::vector<BoundExprPtr> quals, const Relation& left,
                                    const Relation& right) const;

  static double join_rows(const PlanNode& left, const PlanNode& right, JoinType type,
                          const std::vector<BoundExprPtr>& quals);

  JoinChoice choose_join_method(const Relation& left, const Relation& right, JoinType type,
                                const JoinClauses& clauses, double rows) const;

  // The join's children (a Hash over the inner side of a hash join, a Materialize under a
  // nested loop, or the parameters of a LATERAL item) and its conditions; `left` and `right`
  // are in their chosen order.
  void attach_join_inputs(PlanNode& node, Relation left, Relation right, const JoinClauses& clauses,
                          const RowLayout& joined_layout, bool lateral) const;

  static bool is_hash_clause(const BoundExpr& q, const std::set<int>& left, const std::set<int>& right);

  static void add_hash_keys(PlanNode& node, const BoundExprPtr& clause, const Relation& left,
                            const Relation& right);

  // The inner side is materialized (cost_material): the first pass pays 2 * cpu_operator_cost
  // a row to store it, each rescan cpu_operator_cost a row to read it back.
  void nested_loop_cost(const PlanNode& outer, const PlanNode& inner,
                        const std::vector<BoundExprPtr>& quals, double rows, JoinChoice& out) const;

  void hash_join_cost(const PlanNode& outer, const PlanNode& inner, size_t clause_count,
                      double filter_cost, double rows, JoinChoice& out) const;

  static std::unique_ptr<PlanNode> make_materialize(std::unique_ptr<PlanNode> input);

  static std::unique_ptr<PlanNode> make_hash(std::unique_ptr<PlanNode> input);

  // ---- aggregation, projection, sort, limit (query_planner_upper.cpp) ----

  // PostgreSQL's guess for a LIMIT or OFFSET whose value the planner cannot know (a
  // parameter of a generic plan): a tenth of the input.
  static constexpr double kUnknownLimitFraction = 0.10;

  std::unique_ptr<PlanNode> plan_aggregation(std::unique_ptr<PlanNode> input, const RowLayout& layout);

  // enable_hashagg = off: the hashed plan costs disable_cost more, so the sorted one wins
  // unless sorting is disabled too (then both carry it and hashing stays the cheaper).
  bool prefers_sorted_groups() const;

  bool needs_sorted_groups() const;

  std::unique_ptr<PlanNode> add_windows(std::unique_ptr<PlanNode> input, const RowLayout& layout,
                                        bool aggregated);

  std::unique_ptr<PlanNode> add_projection(std::unique_ptr<PlanNode> node, const RowLayout& layout,
                                           bool aggregated);

  // Slots of the expressions the final projection (and a ProjectSet) reads: window results,
  // then the aggregation's output or the FROM row.
  std::function<BoundExprPtr(const BoundExprPtr&)> output_resolver(const RowLayout& layout, bool aggregated) const;

  int window_key_width(const std::vector<BoundExprPtr>& outputs) const;

  // ORDER BY as the sort keys of a Sort (or a Limit WITH TIES) over the projected row.
  std::vector<SortSpec> order_by_sort_specs() const;

  std::unique_ptr<PlanNode> add_sort(std::unique_ptr<PlanNode> input);

  // SELECT DISTINCT over an aggregated query: a second HashAggregate on the output columns.
  std::unique_ptr<PlanNode> add_distinct(std::unique_ptr<PlanNode> input);

  // DISTINCT ON: the rows come sorted on the DISTINCT ON keys first; keep each group's first.
  std::unique_ptr<PlanNode> add_unique(std::unique_ptr<PlanNode> input);

  std::unique_ptr<PlanNode> add_limit(std::unique_ptr<PlanNode> input);

  // The rows a LIMIT or OFFSET clause counts, for adjust_limit_rows_costs().
  static double limit_estimate(const BoundExprPtr& expr, double input_rows, double otherwise);

  static double constant_count(const BoundExprPtr& expr, double otherwise);

  const Query& query_;
  Optimizer& optimizer_;
  Catalog& catalog_;
  const PlannerSettings& settings_;
  const CostConstants& costs_;
  std::set<std::pair<int, int>> needed_;
  std::vector<int> sort_slots_;
  std::vector<int> window_slots_;            // WindowRef i → slot in the windowed row
  std::vector<SortKey> window_output_order_;
  SetFunctionList set_functions_;    // the select list's set-returning calls (ProjectSet)
  bool scan_provides_order_ = false;  // an index scan delivers ORDER BY: no Sort node
};

}  // namespace chalkdb
