#include "planner/subquery_planner.h"

#include <unordered_map>

#include "planner/array_sublink.h"

namespace chalkdb {

namespace {

class SubqueryPlanner {
 public:
  SubqueryPlanner(const SubqueryPlanFunction& plan, SubplanNumbering& numbering)
      : plan_(plan), numbering_(numbering) {}

  BoundExprPtr rewrite(const BoundExprPtr& expr) {
    if (!expr) return expr;
    if (auto it = done_.find(expr.get()); it != done_.end()) return it->second;
    BoundExprPtr result = rewrite_new(expr);
    done_.emplace(expr.get(), result);
    return result;
  }

  BoundExprPtr rewrite_new(const BoundExprPtr& expr) {
    std::shared_ptr<BoundExpr> copy;
    for (size_t i = 0; i < expr->args.size(); ++i) {
      auto arg = rewrite(expr->args[i]);
      if (arg == expr->args[i]) continue;
      if (!copy) copy = std::make_shared<BoundExpr>(*expr);
      copy->args[i] = std::move(arg);
    }
    if (expr->kind != BoundExprKind::SubPlan || expr->subplan) return copy ? copy : expr;
    if (!copy) copy = std::make_shared<BoundExpr>(*expr);
    numbering_.next_param += static_cast<int>(copy->param_ids.size());
    copy->subplan = plan_(*copy->subquery);
    copy->index = numbering_.next_plan++;
    bool init_plan = !copy->correlated && (copy->sublink_type == SubLinkType::Expr ||
                                           copy->sublink_type == SubLinkType::Exists ||
                                           copy->sublink_type == kArraySubLink);
    if (init_plan) copy->display_param = numbering_.next_param++;
    return copy;
  }

  void rewrite_all(std::vector<BoundExprPtr>& exprs) {
    for (auto& e : exprs) e = rewrite(e);
  }

  std::shared_ptr<const JoinTreeNode> rewrite_tree(const std::shared_ptr<const JoinTreeNode>& tree) {
    if (!tree || tree->rte >= 0) return tree;
    auto copy = std::make_shared<JoinTreeNode>(*tree);
    copy->left = rewrite_tree(tree->left);
    copy->right = rewrite_tree(tree->right);
    rewrite_all(copy->quals);
    return copy;
  }

 private:
  const SubqueryPlanFunction& plan_;
  SubplanNumbering& numbering_;
  // Shared subtrees (a select-list item that ORDER BY repeats) are planned once.
  std::unordered_map<const BoundExpr*, BoundExprPtr> done_;
};

}  // namespace

// PostgreSQL plans the select list's subqueries first, then those of the FROM clause and
// WHERE, then HAVING.
void plan_subqueries(Query& query, const SubqueryPlanFunction& plan, SubplanNumbering& numbering) {
  SubqueryPlanner planner(plan, numbering);
  for (auto& target : query.targets) target.expr = planner.rewrite(target.expr);
  for (auto& item : query.from) item = planner.rewrite_tree(item);
  for (auto& entry : query.range_table) planner.rewrite_all(entry.function_args);  // f((SELECT …)) in FROM
  planner.rewrite_all(query.quals);
  planner.rewrite_all(query.group_keys);
  for (auto& aggregate : query.aggregates) aggregate.arg = planner.rewrite(aggregate.arg);
  query.having = planner.rewrite(query.having);
  for (auto& key : query.order_by) key.expr = planner.rewrite(key.expr);
  planner.rewrite_all(query.distinct_on);
  for (auto& [name, expr] : query.merged_columns) expr = planner.rewrite(expr);
}

}  // namespace chalkdb

