#include "sql/parser/query_builder.h"

#include "sql/error/sql_error.h"
#include "sql/parser/ordinality_builder.h"
#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/numeric_literal.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/stack_depth.h"
#include "sql/parser/syntax_error.h"
#include "sql/parser/window_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

std::unique_ptr<ast::SelectStmt> set_operation(ast::SetOp op, P::SetQuantifierContext* quantifier,
                                               std::unique_ptr<ast::SelectStmt> left,
                                               std::unique_ptr<ast::SelectStmt> right) {
  auto node = std::make_unique<ast::SelectStmt>(left->location);
  node->set_op = op;
  node->set_all = quantifier != nullptr && quantifier->ALL() != nullptr;
  node->left = std::move(left);
  node->right = std::move(right);
  return node;
}

std::optional<ast::Alias> alias(P::AliasClauseContext* context) {
  if (context == nullptr) return std::nullopt;
  ast::Alias alias;
  alias.name = identifier_name(context->colId());
  if (context->nameList()) alias.columns = name_list(context->nameList());
  return alias;
}

ast::JoinKind join_kind(P::JoinTypeContext* context) {
  if (context == nullptr) return ast::JoinKind::Inner;
  switch (context->getStart()->getType()) {
    case P::LEFT: return ast::JoinKind::Left;
    case P::RIGHT: return ast::JoinKind::Right;
    case P::FULL: return ast::JoinKind::Full;
    default: return ast::JoinKind::Inner;
  }
}

ast::LockStrength lock_strength(P::LockStrengthContext* context) {
  switch (context->getStart()->getType()) {
    case P::NO: return ast::LockStrength::NoKeyUpdate;
    case P::SHARE: return ast::LockStrength::Share;
    case P::KEY: return ast::LockStrength::KeyShare;
    default: return ast::LockStrength::Update;
  }
}

std::unique_ptr<ast::Literal> null_literal(int location) { return std::make_unique<ast::Literal>(location); }

}  // namespace

// ---- queries -----------------------------------------------------------------------------

std::unique_ptr<ast::SelectStmt> QueryBuilder::select(P::SelectStmtContext* context) {
  StackDepth::check();
  std::unique_ptr<ast::SelectStmt> select = select_clause(context->selectClause());
  if (context->withClause()) add_with(*select, context->withClause());
  if (context->sortClause()) add_order_by(*select, context->sortClause());
  for (auto* locking : context->lockingClause()) select->locking.push_back(locking_clause(locking));
  if (P::SelectLimitContext* limits = context->selectLimit()) {
    if (limits->offsetClause()) add_offset(*select, limits->offsetClause());
    if (limits->limitClause()) add_limit(*select, limits->limitClause());
  }
  return select;
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::select(P::SelectWithParensContext* context) {
  return select(context->selectStmt());
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::select_clause(P::SelectClauseContext* context) {
  std::vector<P::SelectIntersectContext*> operands = context->selectIntersect();
  std::vector<P::SetOperatorContext*> operators = context->setOperator();
  std::unique_ptr<ast::SelectStmt> result = select_intersect(operands.front());
  for (size_t i = 0; i < operators.size(); ++i) {
    const ast::SetOp op = operators[i]->UNION() ? ast::SetOp::Union : ast::SetOp::Except;
    result = set_operation(op, operators[i]->setQuantifier(), std::move(result),
                           select_intersect(operands[i + 1]));
  }
  return result;
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::select_intersect(P::SelectIntersectContext* context) {
  std::vector<P::SelectPrimaryContext*> operands = context->selectPrimary();
  std::vector<P::IntersectOperatorContext*> operators = context->intersectOperator();
  std::unique_ptr<ast::SelectStmt> result = select_primary(operands.front());
  for (size_t i = 0; i < operators.size(); ++i) {
    result = set_operation(ast::SetOp::Intersect, operators[i]->setQuantifier(), std::move(result),
                           select_primary(operands[i + 1]));
  }
  return result;
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::select_primary(P::SelectPrimaryContext* context) {
  if (context->simpleSelect()) return simple_select(context->simpleSelect());
  if (context->valuesClause()) return values(context->valuesClause());
  if (context->selectWithParens()) return select(context->selectWithParens());
  return whole_table(context);
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::simple_select(P::SimpleSelectContext* context) {
  auto select = std::make_unique<ast::SelectStmt>(location_of(context));
  if (context->intoClause() && context->intoClause() != allowed_into_)
    throw syntax_error("SELECT ... INTO is not allowed here", location_of(context->intoClause()->qualifiedName()));
  if (P::DistinctClauseContext* distinct = context->distinctClause()) {
    select->distinct = true;
    if (distinct->exprList()) select->distinct_on = expressions_.build_list(distinct->exprList());
  }
  if (context->targetList()) select->targets = target_list(context->targetList());
  if (context->fromClause()) select->from = from_list(context->fromClause()->fromList());
  select->where = where(context->whereClause());
  if (context->groupClause()) select->group_by = build_group_by(*this, context->groupClause());
  if (context->havingClause()) select->having = expressions_.build(context->havingClause()->aExpr());
  if (auto* windows = context->windowClause()) {
    for (auto* definition : windows->windowDefinition()) {
      select->windows.push_back(build_window_spec(*this, definition->windowSpecification()));
      select->windows.back().name = identifier_name(definition->colId());
    }
  }
  return select;
}

std::unique_ptr<ast::SelectStmt> QueryBuilder::values(P::ValuesClauseContext* context) {
  auto select = std::make_unique<ast::SelectStmt>(location_of(context));
  for (auto* row_context : context->valuesRow()) {
    std::vector<ast::ExprPtr> row;
    for (auto* item : row_context->valuesItem()) {
      // DEFAULT is a nullptr item; only INSERT accepts it (the binder checks).
      row.push_back(item->DEFAULT() ? nullptr : expressions_.build(item->aExpr()));
    }
    select->values.push_back(std::move(row));
  }
  return select;
}

// TABLE t is SELECT * FROM t.
std::unique_ptr<ast::SelectStmt> QueryBuilder::whole_table(P::SelectPrimaryContext* context) {
  const int location = location_of(context);
  auto select = std::make_unique<ast::SelectStmt>(location);
  ast::ResultTarget star;
  star.expr = std::make_unique<ast::Star>(location);
  star.location = location;
  select->targets.push_back(std::move(star));
  auto table = std::make_unique<ast::BaseTable>(location_of(context->qualifiedName()));
  table->name = qualified_name(context->qualifiedName());
  select->from.push_back(std::move(table));
  return select;
}

std::vector<ast::ResultTarget> QueryBuilder::target_list(P::TargetListContext* context) {
  std::vector<ast::ResultTarget> targets;
  for (auto* element : context->targetElement()) {
    ast::ResultTarget target;
    target.location = location_of(element);
    if (element->STAR()) {
      target.expr = std::make_unique<ast::Star>(target.location);
    } else {
      target.expr = expressions_.build(element->aExpr());
    }
    if (element->colLabel()) target.alias = identifier_name(element->colLabel());
    if (element->bareColLabel()) target.alias = identifier_name(element->bareColLabel());
    targets.push_back(std::move(target));
  }
  return targets;
}

ast::ExprPtr QueryBuilder::where(P::WhereClauseContext* context) {
  if (context == nullptr) return nullptr;
  return expressions_.build(context->aExpr());
}

// ---- WITH, ORDER BY, LIMIT, OFFSET, FOR UPDATE ---------------------------------------------

void QueryBuilder::add_with(ast::SelectStmt& select, P::WithClauseContext* context) {
  if (!select.with.empty()) throw syntax_error("multiple WITH clauses not allowed", location_of(context));
  select.with_recursive = context->RECURSIVE() != nullptr;
  for (auto* item : context->commonTableExpr()) {
    ast::CommonTableExpr cte;
    cte.location = location_of(item);
    cte.name = identifier_name(item->colId());
    if (item->nameList()) cte.columns = name_list(item->nameList());
    if (item->MATERIALIZED()) cte.materialized = item->NOT() == nullptr;
    cte.query = QueryBuilder::select(item->selectWithParens());
    select.with.push_back(std::move(cte));
  }
}

std::vector<ast::OrderItem> QueryBuilder::order_items(P::SortClauseContext* context) {
  std::vector<ast::OrderItem> items;
  for (auto* sort : context->sortBy()) {
    ast::OrderItem item;
    item.expr = expressions_.build(sort->aExpr());
    item.descending = sort->DESC() != nullptr;
    if (sort->NULLS_LA()) item.nulls_first = sort->FIRST() != nullptr;
    items.push_back(std::move(item));
  }
  return items;
}

void QueryBuilder::add_order_by(ast::SelectStmt& select, P::SortClauseContext* context) {
  std::vector<ast::OrderItem> items = order_items(context);
  if (!select.order_by.empty()) {
    throw syntax_error("multiple ORDER BY clauses not allowed", items.front().expr->location);
  }
  select.order_by = std::move(items);
}

void QueryBuilder::add_limit(ast::SelectStmt& select, P::LimitClauseContext* context) {
  if (context->COMMA()) {
    throw std::move(syntax_error("LIMIT #,# syntax is not supported", location_of(context))
                        .with_hint("Use separate LIMIT and OFFSET clauses."));
  }
  ast::ExprPtr limit;
  if (context->ALL()) {
    limit = null_literal(location_of(context->ALL()));  // LIMIT ALL is LIMIT NULL
  } else if (context->LIMIT()) {
    limit = expressions_.build(context->aExpr(0));
  } else if (context->fetchCount()) {
    limit = fetch_count(context->fetchCount());
  } else {
    limit = make_integer_literal("1", location_of(context));  // FETCH FIRST ROW ONLY
  }
  if (select.limit) throw syntax_error("multiple LIMIT clauses not allowed", limit->location);
  select.limit = std::move(limit);
  select.limit_with_ties = context->TIES() != nullptr;
}

void QueryBuilder::add_offset(ast::SelectStmt& select, P::OffsetClauseContext* context) {
  ast::ExprPtr offset =
      context->aExpr() ? expressions_.build(context->aExpr()) : fetch_count(context->fetchCount());
  if (select.offset) throw syntax_error("multiple OFFSET clauses not allowed", offset->location);
  select.offset = std::move(offset);
}

ast::ExprPtr QueryBuilder::fetch_count(P::FetchCountContext* context) {
  if (context->cExpr()) return expressions_.build(context->cExpr());
  antlr4::Token* number = context->ICONST() ? context->ICONST()->getSymbol() : context->FCONST()->getSymbol();
  std::unique_ptr<ast::Literal> literal = context->ICONST()
                                              ? make_integer_literal(number->getText(), location_of(number))
                                              : make_numeric_literal(number->getText(), location_of(number));
  if (context->MINUS()) negate_number_literal(*literal, location_of(context));
  return literal;
}

ast::LockingClause QueryBuilder::locking_clause(P::LockingClauseContext* context) {
  ast::LockingClause clause;
  clause.location = location_of(context);
  clause.strength = lock_strength(context->lockStrength());
  for (auto* table : context->qualifiedName()) clause.tables.push_back(qualified_name(table));
  if (context->NOWAIT()) clause.wait = ast::LockWaitPolicy::NoWait;
  if (context->SKIP_P()) clause.wait = ast::LockWaitPolicy::SkipLocked;
  return clause;
}

// ---- FROM ----------------------------------------------------------------------------------

std::vector<ast::TableRefPtr> QueryBuilder::from_list(P::FromListContext* context) {
  std::vector<ast::TableRefPtr> tables;
  for (auto* table : context->tableRef()) tables.push_back(table_ref(table));
  return tables;
}

ast::TableRefPtr QueryBuilder::table_ref(P::TableRefContext* context) {
  return add_joins(table_primary(context->tablePrimary()), context->joinTail());
}

ast::TableRefPtr QueryBuilder::add_joins(ast::TableRefPtr left, const std::vector<P::JoinTailContext*>& tails) {
  for (auto* tail : tails) left = join(std::move(left), tail);
  return left;
}

ast::TableRefPtr QueryBuilder::join(ast::TableRefPtr left, P::JoinTailContext* tail) {
  auto join = std::make_unique<ast::Join>(left->location);
  join->left = std::move(left);
  if (auto* cross = dynamic_cast<P::CrossJoinContext*>(tail)) {
    join->join_kind = ast::JoinKind::Cross;
    join->right = table_primary(cross->tablePrimary());
  } else if (auto* natural = dynamic_cast<P::NaturalJoinContext*>(tail)) {
    join->join_kind = join_kind(natural->joinType());
    join->natural = true;
    join->right = table_primary(natural->tablePrimary());
  } else {
    auto* qualified = static_cast<P::QualifiedJoinContext*>(tail);
    join->join_kind = join_kind(qualified->joinType());
    join->right = table_ref(qualified->tableRef());
    P::JoinQualContext* qual = qualified->joinQual();
    if (qual->ON()) {
      join->on = expressions_.build(qual->aExpr());
    } else {
      join->using_columns = name_list(qual->nameList());
    }
  }
  return join;
}

ast::TableRefPtr QueryBuilder::table_primary(P::TablePrimaryContext* context) {
  StackDepth::check();
  const int location = location_of(context);
  if (auto* relation = dynamic_cast<P::RelationTableContext*>(context)) {
    auto table = std::make_unique<ast::BaseTable>(location);
    table->name = qualified_name(relation->qualifiedName());
    table->alias = alias(relation->aliasClause());
    return table;
  }
  if (auto* function = dynamic_cast<P::FunctionTableContext*>(context)) {
    auto table = std::make_unique<ast::FunctionTable>(location);
    table->call = expressions_.function_call(function->funcApplication());
    table->alias = alias(function->aliasClause());
    table->lateral = function->LATERAL() != nullptr;
    if (function->ORDINALITY()) return with_ordinality(std::move(table));
    return table;
  }
  if (auto* subselect = dynamic_cast<P::SubselectTableContext*>(context)) return subselect_table(subselect);
  auto* parenthesized = static_cast<P::ParenthesizedJoinContext*>(context);
  ast::TableRefPtr result = joined_table(parenthesized->joinedTable());
  static_cast<ast::Join&>(*result).alias = alias(parenthesized->aliasClause());
  return result;
}

ast::TableRefPtr QueryBuilder::joined_table(P::JoinedTableContext* context) {
  if (context->joinedTable()) return joined_table(context->joinedTable());
  return add_joins(table_primary(context->tablePrimary()), context->joinTail());
}

ast::TableRefPtr QueryBuilder::subselect_table(P::SubselectTableContext* context) {
  auto table = std::make_unique<ast::Subselect>(location_of(context));
  table->query = select(context->selectWithParens());
  table->alias = alias(context->aliasClause());
  table->lateral = context->LATERAL() != nullptr;
  return table;  // the grammar has checked that there is an alias
}

}  // namespace chalkdb
