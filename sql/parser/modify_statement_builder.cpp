#include "sql/parser/modify_statement_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/index_ddl_builder.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/parse_tree.h"

namespace chalkdb {

namespace {

std::optional<std::string> table_alias(ChalkSqlParser::ColIdContext* alias) {
  if (alias == nullptr) return std::nullopt;
  return identifier_name(alias);
}

}  // namespace

std::unique_ptr<ast::InsertStmt> ModifyStatementBuilder::insert(ChalkSqlParser::InsertStmtContext* context) {
  auto insert = std::make_unique<ast::InsertStmt>(location_of(context));
  insert->table = qualified_name(context->qualifiedName());
  insert->alias = table_alias(context->colId());
  for (auto* column : context->insertColumn()) {
    insert->columns.push_back(identifier_name(column));
    insert->column_locations.push_back(location_of(column));
  }
  if (auto* overriding = context->overridingClause()) {
    insert->overriding = overriding->USER() ? ast::InsertStmt::Overriding::UserValue
                                            : ast::InsertStmt::Overriding::SystemValue;
  }
  if (context->selectStmt()) insert->source = queries_.select(context->selectStmt());
  if (context->onConflictClause()) insert->on_conflict = on_conflict(context->onConflictClause());
  insert->returning = returning(context->returningClause());
  return insert;
}

std::unique_ptr<ast::UpdateStmt> ModifyStatementBuilder::update(ChalkSqlParser::UpdateStmtContext* context) {
  auto update = std::make_unique<ast::UpdateStmt>(location_of(context));
  update->table = qualified_name(context->qualifiedName());
  update->alias = table_alias(context->colId());
  update->set = set_clauses(context->setClause());
  if (context->fromClause()) update->from = queries_.from_list(context->fromClause()->fromList());
  update->where = queries_.where(context->whereClause());
  update->returning = returning(context->returningClause());
  return update;
}

std::unique_ptr<ast::DeleteStmt> ModifyStatementBuilder::delete_rows(ChalkSqlParser::DeleteStmtContext* context) {
  auto remove = std::make_unique<ast::DeleteStmt>(location_of(context));
  remove->table = qualified_name(context->qualifiedName());
  remove->alias = table_alias(context->colId());
  if (context->fromList()) remove->using_tables = queries_.from_list(context->fromList());
  remove->where = queries_.where(context->whereClause());
  remove->returning = returning(context->returningClause());
  return remove;
}

std::vector<ast::SetClause> ModifyStatementBuilder::set_clauses(
    const std::vector<ChalkSqlParser::SetClauseContext*>& clauses) {
  std::vector<ast::SetClause> result;
  for (auto* clause : clauses) {
    ast::SetClause set;
    set.column = identifier_name(clause->colId());
    set.location = location_of(clause);
    if (clause->aExpr()) set.value = queries_.expressions().build(clause->aExpr());
    result.push_back(std::move(set));
  }
  return result;
}

ast::OnConflictClause ModifyStatementBuilder::on_conflict(ChalkSqlParser::OnConflictClauseContext* context) {
  ast::OnConflictClause clause;
  clause.location = location_of(context);
  if (auto* target = context->conflictTarget()) {
    clause.target_location = location_of(target);
    if (target->colId()) {
      clause.constraint = identifier_name(target->colId());
    } else {
      for (auto* elem : target->indexElem()) {
        clause.target.push_back(IndexDdlBuilder::index_elem(elem, queries_.expressions()));
      }
      clause.target_where = queries_.where(target->whereClause());
    }
  }
  if (context->UPDATE()) {
    clause.do_update = true;
    clause.set = set_clauses(context->setClause());
    clause.where = queries_.where(context->whereClause());
  }
  return clause;
}

std::vector<ast::ResultTarget> ModifyStatementBuilder::returning(ChalkSqlParser::ReturningClauseContext* context) {
  if (context == nullptr) return {};
  return queries_.target_list(context->targetList());
}

}  // namespace chalkdb
