#include "executor/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "planner/expression_deparser.h"

namespace chalkdb {

namespace {

// " Left Join", ... as PostgreSQL names a join node after its type (an inner nested loop is
// just "Nested Loop", an inner hash join "Hash Join").
std::string join_type_suffix(JoinType type, const char* inner = "") {
  switch (type) {
    case JoinType::Left: return " Left Join";
    case JoinType::Right: return " Right Join";
    case JoinType::Full: return " Full Join";
    case JoinType::Semi: return " Semi Join";
    case JoinType::Anti: return " Anti Join";
    default: return inner;
  }
}

// Aliases that are not plain identifiers ("*SELECT* 1") are shown quoted.
std::string quoted_alias(const std::string& alias) {
  bool plain = !alias.empty() && std::all_of(alias.begin(), alias.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  return plain ? alias : "\"" + alias + "\"";
}

bool has_hashed_set(const PlanNode& node) {
  for (const auto& set : node.grouping_sets)
    if (!set.empty()) return true;
  return false;
}

// Hashed grouping sets together with empty ones make PostgreSQL's MixedAggregate.
std::string grouping_sets_name(const PlanNode& node) {
  if (node.grouping_sets.empty()) return "HashAggregate";
  for (const auto& set : node.grouping_sets)
    if (set.empty()) return "MixedAggregate";
  return "HashAggregate";
}

std::string node_name(const PlanNode& node) {
  auto with_alias = [&](std::string text) {
    if (!node.alias.empty() && node.alias != node.relation_name) text += " " + node.alias;
    return text;
  };
  switch (node.kind) {
    case PlanKind::SeqScan: return with_alias("Seq Scan on " + node.relation_name);
    case PlanKind::IndexScan:
      return with_alias(fmt::format("Index Scan{} using {} on {}", node.index_scan->backward ? " Backward" : "",
                                    node.index_scan->index.name, node.relation_name));
    case PlanKind::FunctionScan: return with_alias("Function Scan on " + node.relation_name);
    case PlanKind::ValuesScan: return "Values Scan on \"*VALUES*\"";
    case PlanKind::Result: return "Result";
    case PlanKind::SubqueryScan: return "Subquery Scan on " + quoted_alias(node.alias);
    case PlanKind::CteScan: return with_alias("CTE Scan on " + node.relation_name);
    case PlanKind::WorkTableScan: return with_alias("WorkTable Scan on " + node.relation_name);
    case PlanKind::Append: return "Append";
    case PlanKind::SetOp:
      return fmt::format("HashSetOp {}{}", node.set_op == SetOpKind::Intersect ? "Intersect" : "Except",
                         node.set_all ? " All" : "");
    case PlanKind::RecursiveUnion: return "Recursive Union";
    case PlanKind::Unique: return "Unique";
    case PlanKind::NestedLoop: return "Nested Loop" + join_type_suffix(node.join_type);
    case PlanKind::HashJoin: return "Hash" + join_type_suffix(node.join_type, " Join");
    case PlanKind::Hash: return "Hash";
    case PlanKind::Materialize: return "Materialize";
    case PlanKind::Aggregate: return "Aggregate";
    case PlanKind::HashAggregate:
      return node.grouping_sets.empty() || has_hashed_set(node) ? grouping_sets_name(node) : "Aggregate";
    case PlanKind::GroupAggregate: return "GroupAggregate";
    case PlanKind::WindowAgg: return "WindowAgg";
    case PlanKind::Sort: return "Sort";
    case PlanKind::Limit: return "Limit";
    case PlanKind::ModifyTable: {
      const char* verb = node.modify_kind == ModifyKind::Insert   ? "Insert"
                         : node.modify_kind == ModifyKind::Update ? "Update"
                                                                  : "Delete";
      return with_alias(fmt::format("{} on {}", verb, node.relation_name));
    }
  }
  return "?";
}

double milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// The relations a plan reads (by alias: each set-operation operand numbers its own entries).
void count_scans(const PlanNode& node, std::set<std::string>& aliases) {
  if (node.rte >= 0) aliases.insert(node.alias);
  for (const auto& child : node.children) count_scans(*child, aliases);
}

class PlanPrinter {
 public:
  PlanPrinter(const ExplainOptions& options, bool qualify) : options_(options), qualify_(qualify) {}

  // `margin` indents a whole subtree: a subplan's lines sit two columns right of its label.
  void print(const PlanNode& node, const Operator* op, int depth, const std::string& margin = "") {
    std::string indent = margin + (depth == 0 ? "" : std::string(6 * depth - 4, ' ') + "->  ");
    std::string line = indent + node_name(node);
    if (options_.costs)
      line += fmt::format("  (cost={:.2f}..{:.2f} rows={:.0f} width={})", node.startup_cost,
                          node.total_cost, node.rows, node.width);
    if (op) line += actuals(*op);
    lines_.push_back(line);
    property_indent_ = margin + std::string(depth == 0 ? 2 : 6 * depth + 2, ' ');
    print_properties(node, op);
    std::string label_indent = property_indent_;
    std::vector<const BoundExpr*> subplans;
    collect_node_subplans(node, subplans);
    for (const BoundExpr* subplan : subplans) {
      if (subplan->display_param < 0) continue;
      lines_.push_back(fmt::format("{}InitPlan {} (returns ${})", label_indent, subplan->index,
                                   subplan->display_param));
      print(*subplan->subplan, nullptr, depth + 1, margin + "  ");
    }
    std::vector<const Operator*> children = op ? op->children() : std::vector<const Operator*>{};
    for (size_t i = 0; i < node.children.size(); ++i) {
      const Operator* child = i < children.size() ? children[i] : nullptr;
      if (node.kind == PlanKind::CteScan) {
        lines_.push_back(label_indent + "CTE " + node.relation_name);
        print(*node.children[i], child, depth + 1, margin + "  ");
        continue;
      }
      print(*node.children[i], child, depth + 1, margin);
    }
    for (const BoundExpr* subplan : subplans) {
      if (subplan->display_param >= 0) continue;
      lines_.push_back(fmt::format("{}SubPlan {}", label_indent, subplan->index));
      print(*subplan->subplan, nullptr, depth + 1, margin + "  ");
    }
  }

  std::vector<std::string> take() { return std::move(lines_); }

 private:
  // The subplans a node's own expressions evaluate (not those inside its subplans' plans).
  static void collect_subplans(const BoundExprPtr& expr, std::vector<const BoundExpr*>& out) {
    if (!expr) return;
    if (expr->kind == BoundExprKind::SubPlan && expr->subplan &&
        std::find(out.begin(), out.end(), expr.get()) == out.end()) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const BoundExpr* e) { return e->index == expr->index; });
      if (!seen) out.push_back(expr.get());
    }
    for (const auto& arg : expr->args) collect_subplans(arg, out);
  }

  static void collect_node_subplans(const PlanNode& node, std::vector<const BoundExpr*>& out) {
    for (const auto* list : {&node.projection, &node.group_keys, &node.hash_clauses})
      for (const auto& e : *list) collect_subplans(e, out);
    collect_subplans(node.filter, out);
    collect_subplans(node.join_filter, out);
    for (const auto& aggregate : node.aggregates) collect_subplans(aggregate.arg, out);
    std::sort(out.begin(), out.end(), [](const BoundExpr* a, const BoundExpr* b) { return a->index < b->index; });
  }

  std::string actuals(const Operator& op) const {
    const OperatorStats& s = op.stats();
    if (s.loops == 0) return " (never executed)";
    double rows = s.rows / s.loops;
    if (!options_.timing) return fmt::format(" (actual rows={:.0f} loops={:.0f})", rows, s.loops);
    return fmt::format(" (actual time={:.3f}..{:.3f} rows={:.0f} loops={:.0f})",
                       milliseconds(s.first_row_time) / s.loops, milliseconds(s.total_time) / s.loops,
                       rows, s.loops);
  }

  void property(const std::string& label, const std::string& text) {
    lines_.push_back(property_indent_ + label + ": " + text);
  }

  std::string expr(const BoundExprPtr& e, bool qualify, const PlanNode& node) const {
    DeparseContext context{qualify, &node.aggregates};
    if (node.aggregates.empty()) {
      // Above the aggregation (Sort, WindowAgg, Limit): aggregates are its output columns.
      context.aggregates = aggregates_below(node);
      context.above_aggregation = context.aggregates != nullptr;
    }
    std::vector<const WindowCall*> window_calls;
    for (const auto& child : node.children) collect_window_calls(*child, window_calls);
    context.window_calls = &window_calls;
    return deparse_expression(*e, context);
  }

  static void collect_window_calls(const PlanNode& node, std::vector<const WindowCall*>& out) {
    for (const auto& call : node.window_calls) out.push_back(&call);
    for (const auto& child : node.children) collect_window_calls(*child, out);
  }

  static const std::vector<AggregateCall>* aggregates_below(const PlanNode& node) {
    for (const auto& child : node.children) {
      if (!child->aggregates.empty()) return &child->aggregates;
      if (const auto* found = aggregates_below(*child)) return found;
    }
    return nullptr;
  }

  void print_properties(const PlanNode& node, const Operator* op) {
    bool is_scan = node.kind == PlanKind::SeqScan || node.kind == PlanKind::FunctionScan ||
                   node.kind == PlanKind::IndexScan;
    if (node.index_scan && !node.index_scan->index_conditions.empty()) {
      const auto& conditions = node.index_scan->index_conditions;
      BoundExprPtr condition = conditions.size() == 1 ? conditions[0] : make_bool_op(BoundExprKind::And, conditions);
      property("Index Cond", expr(condition, false, node));
    }
    if (!node.hash_clauses.empty()) {
      std::vector<std::string> parts;
      for (const auto& clause : node.hash_clauses) parts.push_back(expr(clause, qualify_, node));
      property("Hash Cond", parts.size() == 1 ? parts[0] : fmt::format("({})", fmt::join(parts, " AND ")));
    }
    if (node.join_filter) property("Join Filter", expr(node.join_filter, qualify_, node));
    if (node.on_conflict != OnConflictAction::None) {
      property("Conflict Resolution", node.on_conflict == OnConflictAction::Nothing ? "NOTHING" : "UPDATE");
      std::vector<std::string> arbiters;
      for (const auto& index : node.arbiter_indexes) arbiters.push_back(index.name);
      if (!arbiters.empty()) property("Conflict Arbiter Indexes", fmt::format("{}", fmt::join(arbiters, ", ")));
      if (node.conflict_filter) property("Conflict Filter", expr(node.conflict_filter, true, node));
    }
    if (node.kind == PlanKind::Sort) property("Sort Key", sort_keys(node));
    if (!node.grouping_sets.empty()) {
      print_grouping_sets(node);
    } else if (!node.group_keys.empty()) {
      std::vector<std::string> keys;
      for (const auto& key : node.group_keys) keys.push_back(expr(key, qualify_, node));
      property("Group Key", fmt::format("{}", fmt::join(keys, ", ")));
    }
    if (node.filter) {
      property(node.kind == PlanKind::Result ? "One-Time Filter" : "Filter",
               expr(node.filter, is_scan ? false : qualify_, node));
      if (op && op->stats().removed_by_filter > 0)
        property("Rows Removed by Filter",
                 fmt::format("{:.0f}", op->stats().removed_by_filter / std::max(1.0, op->stats().loops)));
    }
    if (options_.buffers && op) {
      std::string buffers = format_buffer_usage(op->stats().buffers);
      if (!buffers.empty()) property("Buffers", buffers);
    }
  }

  // PostgreSQL lists hashed sets as "Hash Key" lines and the empty set as "Group Key: ()".
  void print_grouping_sets(const PlanNode& node) {
    for (const auto& set : node.grouping_sets) {
      if (set.empty()) continue;
      std::vector<std::string> keys;
      for (int key : set) keys.push_back(expr(node.group_keys[key], qualify_, node));
      property("Hash Key", fmt::format("{}", fmt::join(keys, ", ")));
    }
    for (const auto& set : node.grouping_sets)
      if (set.empty()) property("Group Key", "()");
  }

  std::string sort_keys(const PlanNode& node) const {
    std::vector<std::string> keys;
    for (const auto& key : node.sort_keys) {
      std::string text = expr(key.expr, qualify_, node);
      if (key.descending) text += " DESC";
      if (key.nulls_first != key.descending) text += key.nulls_first ? " NULLS FIRST" : " NULLS LAST";
      keys.push_back(text);
    }
    return fmt::format("{}", fmt::join(keys, ", "));
  }

  const ExplainOptions& options_;
  bool qualify_;
  std::string property_indent_;
  std::vector<std::string> lines_;
};

}  // namespace

// PostgreSQL's show_buffer_usage for shared buffers (there are no local or temp buffers here).
std::string format_buffer_usage(const BufferUsage& usage) {
  if (!usage.any()) return "";
  std::string text = "shared";
  if (usage.shared_hit > 0) text += fmt::format(" hit={}", usage.shared_hit);
  if (usage.shared_read > 0) text += fmt::format(" read={}", usage.shared_read);
  if (usage.shared_dirtied > 0) text += fmt::format(" dirtied={}", usage.shared_dirtied);
  if (usage.shared_written > 0) text += fmt::format(" written={}", usage.shared_written);
  return text;
}

std::vector<std::string> explain_plan(const PlanNode& root, const Operator* root_operator,
                                      const ExplainOptions& options) {
  std::set<std::string> rtes;
  count_scans(root, rtes);
  PlanPrinter printer(options, rtes.size() > 1);
  printer.print(root, root_operator, 0);
  return printer.take();
}

}  // namespace chalkdb
