#include "planner/sublink_pullup.h"

#include <algorithm>

namespace chalkdb {

namespace {

bool contains_subplan(const BoundExprPtr& expr) {
  if (!expr) return false;
  if (expr->kind == BoundExprKind::SubPlan) return true;
  return std::any_of(expr->args.begin(), expr->args.end(), contains_subplan);
}

bool simple_subquery(const Query& sub) {
  if (sub.range_table.empty() || sub.has_aggregation || sub.distinct || !sub.distinct_on.empty() ||
      sub.limit || sub.offset || !sub.group_keys.empty() || sub.having)
    return false;
  for (const auto& rte : sub.range_table)
    if (rte.kind != RangeEntry::Kind::Table && rte.kind != RangeEntry::Kind::Function) return false;
  if (std::any_of(sub.quals.begin(), sub.quals.end(), contains_subplan)) return false;
  for (const auto& item : sub.from)
    if (item->rte < 0) return false;  // joins inside the subquery: left as a SubPlan
  return true;
}

// Rewrites a subquery expression into the outer query's terms: its range-table entries move
// by `offset`, its outer-column params become the outer columns.
class PullUpRewriter {
 public:
  PullUpRewriter(const BoundExpr& sublink, int offset) : sublink_(sublink), offset_(offset) {}

  BoundExprPtr rewrite(const BoundExprPtr& expr) const {
    if (expr->kind == BoundExprKind::Column && expr->rte >= 0) {
      auto copy = std::make_shared<BoundExpr>(*expr);
      copy->rte += offset_;
      return copy;
    }
    if (expr->kind == BoundExprKind::ExecParam) {
      for (size_t i = 0; i < sublink_.param_ids.size(); ++i)
        if (sublink_.param_ids[i] == expr->index) return sublink_.args[i];
      return expr;
    }
    if (expr->args.empty()) return expr;
    auto copy = std::make_shared<BoundExpr>(*expr);
    for (auto& arg : copy->args) arg = rewrite(arg);
    return copy;
  }

  // The ANY test (already in the outer query's terms) with the subquery's value in place of
  // its placeholder param.
  BoundExprPtr test_with(const BoundExprPtr& expr, const BoundExprPtr& value) const {
    if (expr->kind == BoundExprKind::ExecParam && expr->index == sublink_.test_param) return value;
    if (expr->args.empty()) return expr;
    auto copy = std::make_shared<BoundExpr>(*expr);
    for (auto& arg : copy->args) arg = test_with(arg, value);
    return copy;
  }

 private:
  const BoundExpr& sublink_;
  int offset_;
};

// The outer query's FROM items joined (inner) into one tree.
std::shared_ptr<const JoinTreeNode> whole_from(const Query& query) {
  std::vector<std::shared_ptr<const JoinTreeNode>> items = from_items(query);
  std::shared_ptr<const JoinTreeNode> tree = items[0];
  for (size_t i = 1; i < items.size(); ++i) {
    auto join = std::make_shared<JoinTreeNode>();
    join->left = tree;
    join->right = items[i];
    tree = join;
  }
  return tree;
}

// Tries to pull up one WHERE conjunct; true when it became a join.
bool pull_up(Query& query, const BoundExprPtr& qual) {
  bool negated = qual->kind == BoundExprKind::Not;
  const BoundExprPtr& sublink = negated ? qual->args[0] : qual;
  if (sublink->kind != BoundExprKind::SubPlan || sublink->subplan) return false;
  bool exists = sublink->sublink_type == SubLinkType::Exists;
  bool in = sublink->sublink_type == SubLinkType::Any && !negated;
  if (!(exists && sublink->correlated) && !(in && !sublink->correlated)) return false;
  const Query& sub = *sublink->subquery;
  if (!simple_subquery(sub)) return false;
  // Outer columns must be of this query, not of a query further out.
  for (const auto& arg : sublink->args)
    if (contains_subplan(arg)) return false;

  int offset = static_cast<int>(query.range_table.size());
  PullUpRewriter rewriter(*sublink, offset);
  auto join = std::make_shared<JoinTreeNode>();
  join->join_type = negated ? JoinType::Anti : JoinType::Semi;
  join->left = whole_from(query);
  std::shared_ptr<const JoinTreeNode> right;
  for (size_t r = 0; r < sub.range_table.size(); ++r) {
    auto leaf = std::make_shared<JoinTreeNode>();
    leaf->rte = static_cast<int>(r) + offset;
    if (!right) {
      right = leaf;
      continue;
    }
    auto inner = std::make_shared<JoinTreeNode>();
    inner->left = right;
    inner->right = leaf;
    right = inner;
  }
  join->right = right;
  for (const auto& q : sub.quals) join->quals.push_back(rewriter.rewrite(q));
  if (in) {
    BoundExprPtr value = rewriter.rewrite(sub.targets[0].expr);
    join->quals.push_back(rewriter.test_with(sublink->args.back(), value));
  }
  for (const auto& rte : sub.range_table) query.range_table.push_back(rte);
  query.from = {join};
  return true;
}

}  // namespace

void pull_up_sublinks(Query& query) {
  if (query.range_table.empty()) return;
  std::vector<BoundExprPtr> kept;
  for (const auto& qual : query.quals)
    if (!pull_up(query, qual)) kept.push_back(qual);
  query.quals = std::move(kept);
}

}  // namespace chalkdb
