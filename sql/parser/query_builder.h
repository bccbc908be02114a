// QueryBuilder: builds ast::SelectStmt from the grammar's query rules — SELECT lists, FROM
// items and joins, set operations, VALUES, ORDER BY / LIMIT / OFFSET / FETCH and row locking.
//
// As in gram.y's insertSelectOptions, ORDER BY and LIMIT written after a parenthesized query
// are merged into it, and doing so twice is 42601 "multiple ORDER BY clauses not allowed".
// A subquery in FROM must have an alias (PostgreSQL 15 rule). It owns the ExpressionBuilder
// so that expressions and the subqueries inside them are built by one pair.
#pragma once

#include <memory>
#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/expression_builder.h"

namespace chalkdb {

class QueryBuilder {
 public:
  QueryBuilder() : expressions_(*this) {}
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  ExpressionBuilder& expressions() { return expressions_; }

  std::unique_ptr<ast::SelectStmt> select(ChalkSqlParser::SelectStmtContext* context);
  std::unique_ptr<ast::SelectStmt> select(ChalkSqlParser::SelectWithParensContext* context);
  std::vector<ast::ResultTarget> target_list(ChalkSqlParser::TargetListContext* context);
  std::vector<ast::TableRefPtr> from_list(ChalkSqlParser::FromListContext* context);
  // The WHERE condition, or nullptr without a WHERE clause.
  ast::ExprPtr where(ChalkSqlParser::WhereClauseContext* context);
  // ORDER BY items (of a query, a window or an aggregate call).
  std::vector<ast::OrderItem> order_items(ChalkSqlParser::SortClauseContext* context);
  // The INTO clause of a top-level SELECT INTO, the only one the builder accepts (any other
  // is 42601 `SELECT ... INTO is not allowed here`).
  void allow_into(ChalkSqlParser::IntoClauseContext* into) { allowed_into_ = into; }

 private:
  using P = ChalkSqlParser;

  std::unique_ptr<ast::SelectStmt> select_clause(P::SelectClauseContext* context);
  std::unique_ptr<ast::SelectStmt> select_intersect(P::SelectIntersectContext* context);
  std::unique_ptr<ast::SelectStmt> select_primary(P::SelectPrimaryContext* context);
  std::unique_ptr<ast::SelectStmt> simple_select(P::SimpleSelectContext* context);
  std::unique_ptr<ast::SelectStmt> values(P::ValuesClauseContext* context);
  std::unique_ptr<ast::SelectStmt> whole_table(P::SelectPrimaryContext* context);

  void add_with(ast::SelectStmt& select, P::WithClauseContext* context);
  void add_order_by(ast::SelectStmt& select, P::SortClauseContext* context);
  void add_limit(ast::SelectStmt& select, P::LimitClauseContext* context);
  void add_offset(ast::SelectStmt& select, P::OffsetClauseContext* context);
  ast::ExprPtr fetch_count(P::FetchCountContext* context);
  ast::LockingClause locking_clause(P::LockingClauseContext* context);

  ast::TableRefPtr table_ref(P::TableRefContext* context);
  ast::TableRefPtr table_primary(P::TablePrimaryContext* context);
  ast::TableRefPtr subselect_table(P::SubselectTableContext* context);
  ast::TableRefPtr joined_table(P::JoinedTableContext* context);
  ast::TableRefPtr add_joins(ast::TableRefPtr left, const std::vector<P::JoinTailContext*>& tails);
  ast::TableRefPtr join(ast::TableRefPtr left, P::JoinTailContext* tail);

  ExpressionBuilder expressions_;
  ChalkSqlParser::IntoClauseContext* allowed_into_ = nullptr;
};

}  // namespace chalkdb
