#include "planner/view_deparser.h"

#include <fmt/format.h>

#include "planner/expression_deparser.h"

namespace chalkdb {

namespace {

// A shape the deparser does not print: the caller falls back to the query as written.
struct NotDeparsable {};

class ViewDeparser {
 public:
  std::string query(const Query& query, const std::vector<std::string>& names);

 private:
  std::string select(const Query& query, const std::vector<std::string>* names);
  std::string set_operation(const RangeEntry& rte, const Query& query, const std::vector<std::string>& names);
  std::string from_item(const Query& query, const JoinTreeNode& node, int depth);
  static std::string relation(const RangeEntry& rte);
  static DeparseContext context_for(const Query& query);
};

DeparseContext ViewDeparser::context_for(const Query& query) {
  DeparseContext context;
  context.qualify = true;
  context.aggregates = &query.aggregates;
  context.windows = &query;
  return context;
}

std::string ViewDeparser::query(const Query& query, const std::vector<std::string>& names) {
  if (names.size() != query.targets.size()) throw NotDeparsable{};
  if (query.range_table.size() == 1 && query.range_table[0].kind == RangeEntry::Kind::SetOperation)
    return set_operation(query.range_table[0], query, names);
  return select(query, &names);
}

// LIMIT 2 is bound as a bigint constant; ruleutils hides that implicit cast.
std::string limit_text(const BoundExpr& expr, const DeparseContext& context) {
  if (expr.kind == BoundExprKind::Constant && !expr.constant.is_null() && expr.type.id == TypeId::Int8)
    return std::to_string(expr.constant.as_int());
  return deparse_expression(expr, context);
}

// The column a select item shows, looking through a GROUP BY key.
const BoundExpr& shown_expression(const BoundExpr& expr) {
  return expr.kind == BoundExprKind::GroupKey && !expr.args.empty() ? shown_expression(*expr.args[0]) : expr;
}

// "t" or "t alias" for a table or a view.
std::string ViewDeparser::relation(const RangeEntry& rte) {
  const TableInfo* named = rte.kind == RangeEntry::Kind::Table ? rte.table.get() : rte.view.get();
  if (!named || (rte.kind != RangeEntry::Kind::Table && rte.kind != RangeEntry::Kind::Subquery))
    throw NotDeparsable{};
  return rte.alias == named->name ? named->name : named->name + " " + rte.alias;
}

const char* join_keyword(const JoinTreeNode& node) {
  switch (node.join_type) {
    case JoinType::Inner: return node.quals.empty() ? "CROSS JOIN" : "JOIN";
    case JoinType::Left: return "LEFT JOIN";
    case JoinType::Right: return "RIGHT JOIN";
    case JoinType::Full: return "FULL JOIN";
    default: throw NotDeparsable{};
  }
}

std::string conjunction(const std::vector<BoundExprPtr>& quals, const DeparseContext& context) {
  std::string text;
  for (size_t i = 0; i < quals.size(); ++i) {
    if (i) text += " AND ";
    text += deparse_expression(*quals[i], context);
  }
  return quals.size() > 1 ? "(" + text + ")" : text;
}

std::string ViewDeparser::from_item(const Query& query, const JoinTreeNode& node, int depth) {
  if (node.rte >= 0) return relation(query.range_table[static_cast<size_t>(node.rte)]);
  if (!node.left || !node.right) throw NotDeparsable{};
  std::string text = fmt::format("({}\n{:{}}{} {}", from_item(query, *node.left, depth + 1), "", 5 + 2 * depth,
                                 join_keyword(node), from_item(query, *node.right, depth + 1));
  if (!node.quals.empty()) text += fmt::format(" ON ({})", conjunction(node.quals, context_for(query)));
  return text + ")";
}

// One SELECT; `names` are the column names of an enclosing set operation.
std::string ViewDeparser::select(const Query& query, const std::vector<std::string>* names) {
  if (!query.distinct_on.empty() || !query.grouping_sets.empty() || query.limit_with_ties) throw NotDeparsable{};
  DeparseContext context = context_for(query);
  std::string text = query.distinct ? " SELECT DISTINCT " : " SELECT ";
  for (size_t i = 0; i < query.targets.size(); ++i) {
    const TargetEntry& target = query.targets[i];
    const std::string& name = names ? (*names)[i] : target.name;
    if (i) text += ",\n    ";
    text += deparse_expression(*target.expr, context);
    const BoundExpr& shown = shown_expression(*target.expr);
    bool plain_column = shown.kind == BoundExprKind::Column && shown.name == name;
    if (!plain_column) text += " AS " + name;
  }
  std::vector<std::shared_ptr<const JoinTreeNode>> items = from_items(query);
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "\n   FROM ") + from_item(query, *items[i], 0);
  if (!query.quals.empty()) text += "\n  WHERE " + conjunction(query.quals, context);
  if (!query.group_keys.empty()) {
    text += "\n  GROUP BY ";
    for (size_t i = 0; i < query.group_keys.size(); ++i)
      text += (i ? ", " : "") + deparse_expression(*query.group_keys[i], context);
  }
  if (query.having) text += "\n HAVING " + deparse_expression(*query.having, context);
  if (!query.order_by.empty()) text += "\n  ORDER BY " + deparse_sort_keys(query.order_by, context);
  if (query.offset) text += "\n OFFSET " + limit_text(*query.offset, context);
  if (query.limit) text += "\n LIMIT " + limit_text(*query.limit, context);
  return text;
}

std::string ViewDeparser::set_operation(const RangeEntry& rte, const Query& query,
                                        const std::vector<std::string>& names) {
  if (!query.order_by.empty() || query.limit || query.offset) throw NotDeparsable{};
  const char* op = rte.set_op == SetOpKind::Union ? "UNION" : rte.set_op == SetOpKind::Intersect ? "INTERSECT" : "EXCEPT";
  std::string text;
  for (size_t i = 0; i < rte.inputs.size(); ++i) {
    if (i) text += fmt::format("\n{}{}\n", op, rte.set_all ? " ALL" : "");
    const Query& operand = *rte.inputs[i];
    if (operand.range_table.size() == 1 && operand.range_table[0].kind == RangeEntry::Kind::SetOperation)
      throw NotDeparsable{};
    text += select(operand, &names);
  }
  return text;
}

}  // namespace

std::optional<std::string> deparse_view_query(const Query& query, const std::vector<std::string>& column_names) {
  try {
    return ViewDeparser().query(query, column_names) + ";";
  } catch (const NotDeparsable&) {
    return std::nullopt;
  }
}

}  // namespace chalkdb
