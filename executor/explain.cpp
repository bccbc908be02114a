#include "executor/explain.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "planner/expression_deparser.h"

namespace chalkdb {

namespace {

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
    case PlanKind::NestedLoop: return "Nested Loop";
    case PlanKind::HashJoin: return "Hash Join";
    case PlanKind::Hash: return "Hash";
    case PlanKind::Materialize: return "Materialize";
    case PlanKind::Aggregate: return "Aggregate";
    case PlanKind::HashAggregate: return "HashAggregate";
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

void count_scans(const PlanNode& node, std::set<int>& rtes) {
  if (node.rte >= 0) rtes.insert(node.rte);
  for (const auto& child : node.children) count_scans(*child, rtes);
}

class PlanPrinter {
 public:
  PlanPrinter(const ExplainOptions& options, bool qualify) : options_(options), qualify_(qualify) {}

  void print(const PlanNode& node, const Operator* op, int depth) {
    std::string indent = depth == 0 ? "" : std::string(6 * depth - 4, ' ') + "->  ";
    std::string line = indent + node_name(node);
    if (options_.costs)
      line += fmt::format("  (cost={:.2f}..{:.2f} rows={:.0f} width={})", node.startup_cost,
                          node.total_cost, node.rows, node.width);
    if (op) line += actuals(*op);
    lines_.push_back(line);
    property_indent_ = std::string(depth == 0 ? 2 : 6 * depth + 2, ' ');
    print_properties(node, op);
    std::vector<const Operator*> children = op ? op->children() : std::vector<const Operator*>{};
    for (size_t i = 0; i < node.children.size(); ++i)
      print(*node.children[i], i < children.size() ? children[i] : nullptr, depth + 1);
  }

  std::vector<std::string> take() { return std::move(lines_); }

 private:
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
    return deparse_expression(*e, context);
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
    if (node.on_conflict == OnConflictAction::Nothing) {
      property("Conflict Resolution", "NOTHING");
      std::vector<std::string> arbiters;
      for (const auto& index : node.arbiter_indexes) arbiters.push_back(index.name);
      if (!arbiters.empty()) property("Conflict Arbiter Indexes", fmt::format("{}", fmt::join(arbiters, ", ")));
    }
    if (!node.sort_keys.empty()) property("Sort Key", sort_keys(node));
    if (!node.group_keys.empty()) {
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

std::vector<std::string> explain_plan(const PlanNode& root, const Operator* root_operator,
                                      const ExplainOptions& options) {
  std::set<int> rtes;
  count_scans(root, rtes);
  PlanPrinter printer(options, rtes.size() > 1);
  printer.print(root, root_operator, 0);
  return printer.take();
}

}  // namespace chalkdb
