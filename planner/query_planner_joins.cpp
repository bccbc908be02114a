#include "planner/query_planner.h"

#include <algorithm>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr double kSemiJoinSelectivity = 0.5;  // share of outer rows a semi/anti join keeps

}  // namespace

Relation QueryPlanner::plan_from() {
  std::vector<BoundExprPtr> pending = query_.quals;
  std::vector<std::shared_ptr<const JoinTreeNode>> items = from_items(query_);
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

Relation QueryPlanner::plan_tree(const JoinTreeNode& tree, std::vector<BoundExprPtr>& pending) {
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

std::vector<BoundExprPtr> QueryPlanner::take_applicable(std::vector<BoundExprPtr>& pending,
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

Relation QueryPlanner::plan_join(Relation left, Relation right, std::vector<BoundExprPtr>& pending,
                                 JoinType type, std::vector<BoundExprPtr> own) {
  std::set<int> both = left.rtes;
  both.insert(right.rtes.begin(), right.rtes.end());
  bool outer_join = type != JoinType::Inner;
  JoinClauses clauses = classify_join_clauses(outer_join ? std::move(own) : take_applicable(pending, both),
                                              left, right);
  double rows = join_rows(*left.node, *right.node, type, clauses.quals);
  JoinChoice best = choose_join_method(left, right, type, clauses, rows);
  bool lateral = !right.lateral_params.empty();
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
  attach_join_inputs(*node, std::move(left), std::move(right), clauses, joined.layout, lateral);
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

QueryPlanner::JoinClauses QueryPlanner::classify_join_clauses(std::vector<BoundExprPtr> quals,
                                                              const Relation& left,
                                                              const Relation& right) const {
  JoinClauses clauses;
  for (const auto& q : quals)
    (is_hash_clause(*q, left.rtes, right.rtes) ? clauses.hash_clauses : clauses.other).push_back(q);
  for (const auto& q : clauses.other) clauses.filter_cost += per_row_cost(q.get(), costs_);
  clauses.quals = std::move(quals);
  return clauses;
}

double QueryPlanner::join_rows(const PlanNode& left, const PlanNode& right, JoinType type,
                               const std::vector<BoundExprPtr>& quals) {
  double rows = left.rows * right.rows;
  for (const auto& q : quals) rows *= join_selectivity(*q, left.rows, right.rows);
  if (type == JoinType::Left) rows = std::max(rows, left.rows);
  if (type == JoinType::Full) rows = std::max(rows, left.rows + right.rows);
  if (type == JoinType::Semi || type == JoinType::Anti) rows = left.rows * kSemiJoinSelectivity;
  return clamp_rows(rows);
}

// Like PostgreSQL, try each input on each side and keep the cheapest way. A nested loop
// can only preserve its outer side; a hash join either side.
QueryPlanner::JoinChoice QueryPlanner::choose_join_method(const Relation& left, const Relation& right,
                                                          JoinType type, const JoinClauses& clauses,
                                                          double rows) const {
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
      nested_loop_cost(outer, inner, clauses.quals, rows, nested);
      if (!settings_.enable_nestloop) nested.startup += kDisableCost, nested.total += kDisableCost;
      if (nested.total < best.total) best = nested;
    }
    if (clauses.hash_clauses.empty() || lateral) continue;
    JoinChoice hash{PlanKind::HashJoin, swapped, 0, 0, physical};
    hash_join_cost(outer, inner, clauses.hash_clauses.size(), clauses.filter_cost, rows, hash);
    if (!settings_.enable_hashjoin) hash.startup += kDisableCost, hash.total += kDisableCost;
    if (hash.total < best.total) best = hash;
  }
  if (best.total == std::numeric_limits<double>::infinity()) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   "FULL JOIN is only supported with merge-joinable or hash-joinable join conditions");
  }
  return best;
}

void QueryPlanner::attach_join_inputs(PlanNode& node, Relation left, Relation right,
                                      const JoinClauses& clauses, const RowLayout& joined_layout,
                                      bool lateral) const {
  if (node.kind == PlanKind::HashJoin) {
    for (const auto& clause : clauses.hash_clauses) add_hash_keys(node, clause, left, right);
    node.join_filter = resolve_slots(conjunction(clauses.other), joined_layout);
    node.children.push_back(std::move(left.node));
    node.children.push_back(make_hash(std::move(right.node)));
  } else if (lateral) {
    for (const auto& [id, column] : right.lateral_params)
      node.nest_params.emplace_back(id, resolve_slots(column, left.layout));
    node.join_filter = resolve_slots(conjunction(clauses.quals), joined_layout);
    node.total_cost = left.node->total_cost + left.node->rows * right.node->total_cost;
    node.children.push_back(std::move(left.node));
    node.children.push_back(std::move(right.node));
  } else {
    node.join_filter = resolve_slots(conjunction(clauses.quals), joined_layout);
    node.children.push_back(std::move(left.node));
    // enable_material = off: the inner side is rescanned for each outer row.
    node.children.push_back(settings_.enable_material ? make_materialize(std::move(right.node))
                                                      : std::move(right.node));
  }
}

bool QueryPlanner::is_hash_clause(const BoundExpr& q, const std::set<int>& left, const std::set<int>& right) {
  if (q.kind != BoundExprKind::Operator || q.name != "=") return false;
  auto a = referenced_rtes(*q.args[0]);
  auto b = referenced_rtes(*q.args[1]);
  if (a.empty() || b.empty()) return false;
  return (covered_by(a, left) && covered_by(b, right)) || (covered_by(a, right) && covered_by(b, left));
}

void QueryPlanner::add_hash_keys(PlanNode& node, const BoundExprPtr& clause, const Relation& left,
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

void QueryPlanner::nested_loop_cost(const PlanNode& outer, const PlanNode& inner,
                                    const std::vector<BoundExprPtr>& quals, double rows, JoinChoice& out) const {
  double qual_cost = 0;
  for (const auto& q : quals) qual_cost += per_row_cost(q.get(), costs_);
  double material_first = inner.total_cost + 2 * costs_.cpu_operator_cost * inner.rows;
  double material_rescan = costs_.cpu_operator_cost * inner.rows;
  if (!settings_.enable_material) material_first = material_rescan = inner.total_cost;
  out.startup = outer.startup_cost + inner.startup_cost;
  out.total = outer.total_cost + material_first + std::max(0.0, outer.rows - 1) * material_rescan +
              (costs_.cpu_tuple_cost + qual_cost) * outer.rows * inner.rows;
  (void)rows;
}

void QueryPlanner::hash_join_cost(const PlanNode& outer, const PlanNode& inner, size_t clause_count,
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

std::unique_ptr<PlanNode> QueryPlanner::make_materialize(std::unique_ptr<PlanNode> input) {
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

std::unique_ptr<PlanNode> QueryPlanner::make_hash(std::unique_ptr<PlanNode> input) {
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

}  // namespace chalkdb
