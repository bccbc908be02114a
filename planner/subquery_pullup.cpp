#include "planner/subquery_pullup.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>

namespace chalkdb {

namespace {

bool simple_view_query(const Query& sub) {
  if (sub.range_table.empty() || sub.has_aggregation || !sub.window_calls.empty() || sub.distinct ||
      !sub.distinct_on.empty() || !sub.order_by.empty() || sub.limit || sub.offset || !sub.group_keys.empty() ||
      sub.having)
    return false;
  return std::all_of(sub.range_table.begin(), sub.range_table.end(), [](const RangeEntry& rte) {
    return rte.kind == RangeEntry::Kind::Table || rte.kind == RangeEntry::Kind::Function ||
           rte.kind == RangeEntry::Kind::Subquery;
  });
}

// The range-table entries reachable from the top of the join tree through inner joins only.
void inner_leaves(const JoinTreeNode& node, std::vector<int>& out) {
  if (node.rte >= 0) return out.push_back(node.rte);
  if (node.join_type != JoinType::Inner) return;
  inner_leaves(*node.left, out);
  inner_leaves(*node.right, out);
}

using ExprRewrite = std::function<BoundExprPtr(const BoundExprPtr&)>;

// Rewrites every Column node of a tree by `column` (copying the nodes above a change).
BoundExprPtr rewrite_columns(const BoundExprPtr& expr, const ExprRewrite& column) {
  if (!expr) return expr;
  if (expr->kind == BoundExprKind::Column && expr->rte >= 0) return column(expr);
  if (expr->args.empty()) return expr;
  auto copy = std::make_shared<BoundExpr>(*expr);
  for (auto& arg : copy->args) arg = rewrite_columns(arg, column);
  return copy;
}

void rewrite_all(std::vector<BoundExprPtr>& exprs, const ExprRewrite& column) {
  for (auto& expr : exprs) expr = rewrite_columns(expr, column);
}

void rewrite_sort_keys(std::vector<SortKey>& keys, const ExprRewrite& column) {
  for (auto& key : keys) key.expr = rewrite_columns(key.expr, column);
}

void rewrite_aggregate(AggregateCall& call, const ExprRewrite& column) {
  call.arg = rewrite_columns(call.arg, column);
  call.delimiter = rewrite_columns(call.delimiter, column);
  call.filter = rewrite_columns(call.filter, column);
  rewrite_sort_keys(call.order_by, column);
  rewrite_all(call.grouping_args, column);
}

void rewrite_range_entry(RangeEntry& rte, const ExprRewrite& column) {
  rewrite_all(rte.function_args, column);
  for (auto& [param, expr] : rte.lateral_params) expr = rewrite_columns(expr, column);
}

std::shared_ptr<const JoinTreeNode> rewrite_tree(const std::shared_ptr<const JoinTreeNode>& node,
                                                 const std::function<int(int)>& leaf, const ExprRewrite& column) {
  auto copy = std::make_shared<JoinTreeNode>(*node);
  if (node->rte >= 0) {
    copy->rte = leaf(node->rte);
    return copy;
  }
  copy->left = rewrite_tree(node->left, leaf, column);
  copy->right = rewrite_tree(node->right, leaf, column);
  rewrite_all(copy->quals, column);
  return copy;
}

// Every expression of the query that may read a column (what the binder can put there).
void rewrite_query(Query& query, const ExprRewrite& column) {
  for (auto& rte : query.range_table) rewrite_range_entry(rte, column);
  rewrite_all(query.quals, column);
  for (auto& [name, expr] : query.merged_columns) expr = rewrite_columns(expr, column);
  rewrite_all(query.group_keys, column);
  for (auto& call : query.aggregates) rewrite_aggregate(call, column);
  query.having = rewrite_columns(query.having, column);
  for (auto& window : query.windows) {
    rewrite_all(window.partition_by, column);
    rewrite_sort_keys(window.order_by, column);
  }
  for (auto& call : query.window_calls) {
    rewrite_all(call.args, column);
    rewrite_aggregate(call.aggregate, column);
  }
  for (auto& target : query.targets) target.expr = rewrite_columns(target.expr, column);
  rewrite_all(query.distinct_on, column);
  rewrite_sort_keys(query.order_by, column);
}

// Replaces leaf `k` of the join tree by `replacement`, leaving the rest as it is (its
// conditions are rewritten separately).
std::shared_ptr<const JoinTreeNode> replace_leaf(const std::shared_ptr<const JoinTreeNode>& node, int k,
                                                 const std::shared_ptr<const JoinTreeNode>& replacement) {
  if (node->rte == k) return replacement;
  if (node->rte >= 0) return node;
  auto copy = std::make_shared<JoinTreeNode>(*node);
  copy->left = replace_leaf(node->left, k, replacement);
  copy->right = replace_leaf(node->right, k, replacement);
  return copy;
}

// Merges view entry `k` into `query`: the view query's first entry takes slot k, its others
// go to the end; its FROM items replace the leaf, its conditions join the WHERE conjuncts,
// and references to the view's columns become the view's select-list expressions.
void pull_up(Query& query, int k) {
  Query sub = *query.range_table[static_cast<size_t>(k)].inputs[0];
  pull_up_view_subqueries(sub);
  int offset = static_cast<int>(query.range_table.size());
  auto place = [&](int r) { return r == 0 ? k : offset + r - 1; };
  ExprRewrite move_sub = [&](const BoundExprPtr& column) {
    auto copy = std::make_shared<BoundExpr>(*column);
    copy->rte = place(column->rte);
    return BoundExprPtr(copy);
  };
  std::vector<BoundExprPtr> targets;
  for (const auto& target : sub.targets) targets.push_back(rewrite_columns(target.expr, move_sub));
  ExprRewrite substitute = [&](const BoundExprPtr& column) {
    return column->rte == k ? targets.at(static_cast<size_t>(column->attno)) : column;
  };

  std::vector<std::shared_ptr<const JoinTreeNode>> sub_items = from_items(sub);
  std::shared_ptr<const JoinTreeNode> sub_tree = rewrite_tree(sub_items[0], place, move_sub);
  for (size_t i = 1; i < sub_items.size(); ++i) {
    auto join = std::make_shared<JoinTreeNode>();
    join->left = sub_tree;
    join->right = rewrite_tree(sub_items[i], place, move_sub);
    sub_tree = join;
  }
  std::vector<BoundExprPtr> sub_quals = sub.quals;
  rewrite_all(sub_quals, move_sub);
  for (auto& rte : sub.range_table) rewrite_range_entry(rte, move_sub);

  // The outer query's expressions first, while none of them is the view's yet.
  std::vector<std::shared_ptr<const JoinTreeNode>> items = from_items(query);
  rewrite_query(query, substitute);
  for (auto& item : items) item = replace_leaf(rewrite_tree(item, [](int r) { return r; }, substitute), k, sub_tree);
  query.range_table[static_cast<size_t>(k)] = sub.range_table[0];
  for (size_t r = 1; r < sub.range_table.size(); ++r) query.range_table.push_back(sub.range_table[r]);
  query.from = std::move(items);
  // The view's conditions first, as PostgreSQL lists them in the merged filter.
  sub_quals.insert(sub_quals.end(), query.quals.begin(), query.quals.end());
  query.quals = std::move(sub_quals);
}

// Gives entries sharing an alias distinct ones (t, t_1, ...) and requalifies their columns.
void make_aliases_unique(Query& query) {
  std::set<std::string> used;
  bool renamed = false;
  for (auto& rte : query.range_table) {
    std::string alias = rte.alias;
    for (int n = 1; used.count(alias); ++n) alias = rte.alias + "_" + std::to_string(n);
    renamed = renamed || alias != rte.alias;
    rte.alias = alias;
    used.insert(alias);
  }
  if (!renamed) return;
  ExprRewrite requalify = [&](const BoundExprPtr& column) {
    const std::string& alias = query.range_table[static_cast<size_t>(column->rte)].alias;
    if (column->qualifier == alias) return column;
    auto copy = std::make_shared<BoundExpr>(*column);
    copy->qualifier = alias;
    return BoundExprPtr(copy);
  };
  std::vector<std::shared_ptr<const JoinTreeNode>> items = from_items(query);
  for (auto& item : items) item = rewrite_tree(item, [](int r) { return r; }, requalify);
  query.from = std::move(items);
  rewrite_query(query, requalify);
}

}  // namespace

bool pull_up_view_subqueries(Query& query) {
  bool merged = false;
  for (bool pulled = true; pulled;) {
    pulled = false;
    std::vector<int> candidates;
    for (const auto& item : from_items(query)) inner_leaves(*item, candidates);
    for (int k : candidates) {
      const RangeEntry& rte = query.range_table[static_cast<size_t>(k)];
      if (rte.kind != RangeEntry::Kind::Subquery || !rte.view || !rte.lateral_params.empty() ||
          rte.inputs.size() != 1 || !simple_view_query(*rte.inputs[0]))
        continue;
      pull_up(query, k);
      pulled = merged = true;
      break;
    }
  }
  if (merged) make_aliases_unique(query);
  return merged;
}

}  // namespace chalkdb
