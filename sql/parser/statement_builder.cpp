#include "sql/parser/statement_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/schema_ddl_builder.h"
#include "sql/parser/sequence_ddl_builder.h"
#include "sql/parser/type_name_builder.h"

namespace chalkdb {

using P = ChalkSqlParser;

std::vector<ast::StmtPtr> StatementBuilder::build(P::StmtBlockContext* context) {
  std::vector<ast::StmtPtr> statements;
  for (auto* statement_context : context->stmt()) statements.push_back(statement(statement_context));
  return statements;
}

ast::StmtPtr StatementBuilder::statement(P::StmtContext* context) {
  ast::StmtPtr statement;
  if (context->selectStmt() && select_into(context->selectStmt())) {
    statement = create_table_as(context->selectStmt(), select_into(context->selectStmt()));
  } else if (context->selectStmt()) {
    statement = queries_.select(context->selectStmt());
    statement->location = location_of(context);
  } else if (context->insertStmt()) {
    statement = modify_.insert(context->insertStmt());
  } else if (context->updateStmt()) {
    statement = modify_.update(context->updateStmt());
  } else if (context->deleteStmt()) {
    statement = modify_.delete_rows(context->deleteStmt());
  } else if (context->createTableStmt()) {
    statement = ddl_.create_table(context->createTableStmt());
  } else if (context->createTableAsStmt()) {
    statement = create_table_as(context->createTableAsStmt());
  } else if (context->createViewStmt()) {
    statement = create_view(context->createViewStmt());
  } else if (context->dropTableStmt()) {
    statement = ddl_.drop_table(context->dropTableStmt());
  } else if (context->createSchemaStmt()) {
    statement = build_create_schema(context->createSchemaStmt());
  } else if (context->dropSchemaStmt()) {
    statement = build_drop_schema(context->dropSchemaStmt());
  } else if (context->alterSchemaStmt()) {
    statement = build_alter_schema(context->alterSchemaStmt());
  } else if (context->truncateStmt()) {
    statement = ddl_.truncate(context->truncateStmt());
  } else if (context->createSequenceStmt()) {
    statement = build_create_sequence(context->createSequenceStmt());
  } else if (context->createIndexStmt()) {
    statement = index_ddl_.create_index(context->createIndexStmt());
  } else if (context->dropIndexStmt()) {
    statement = index_ddl_.drop_index(context->dropIndexStmt());
  } else if (context->reindexStmt()) {
    statement = index_ddl_.reindex(context->reindexStmt());
  } else if (context->alterTableStmt()) {
    statement = index_ddl_.alter_table(context->alterTableStmt());
  } else if (context->transactionStmt()) {
    statement = utility_.transaction(context->transactionStmt());
  } else if (context->explainStmt()) {
    statement = explain(context->explainStmt());
  } else if (context->setStmt()) {
    statement = utility_.set(context->setStmt());
  } else if (context->resetStmt()) {
    statement = utility_.reset(context->resetStmt());
  } else if (context->showStmt()) {
    statement = utility_.show(context->showStmt());
  } else if (context->copyStmt()) {
    statement = copy_.copy(context->copyStmt());
  } else if (context->prepareStmt()) {
    statement = prepare(context->prepareStmt());
  } else if (context->executeStmt()) {
    statement = execute(context->executeStmt());
  } else {
    statement = deallocate(context->deallocateStmt());
  }
  return with_text(std::move(statement), context);
}

ast::StmtPtr StatementBuilder::create_table_as(P::CreateTableAsStmtContext* context) {
  auto create = std::make_unique<ast::CreateTableAsStmt>(location_of(context));
  create->temporary = context->tempSpec() != nullptr;
  create->if_not_exists = context->IF() != nullptr;
  create->table = qualified_name(context->qualifiedName());
  if (context->nameList()) create->columns = name_list(context->nameList());
  create->query = queries_.select(context->selectStmt());
  create->query->location = location_of(context->selectStmt());
  create->with_data = context->NO() == nullptr;
  if (context->onCommitOption()) create->on_commit = build_on_commit(context->onCommitOption());
  return create;
}

ast::StmtPtr StatementBuilder::create_view(P::CreateViewStmtContext* context) {
  auto create = std::make_unique<ast::CreateViewStmt>(location_of(context));
  create->or_replace = context->REPLACE() != nullptr;
  create->temporary = context->tempSpec() != nullptr;
  create->view = qualified_name(context->qualifiedName());
  if (context->nameList()) create->columns = name_list(context->nameList());
  P::SelectStmtContext* query = context->selectStmt();
  create->query = queries_.select(query);
  create->query->location = location_of(query);
  create->query_text = source_.slice(query->getStart()->getStartIndex(), query->getStop()->getStopIndex());
  create->check_option = context->OPTION() != nullptr;
  return create;
}

// The INTO clause of a SELECT INTO: on the query's first SELECT, as PostgreSQL accepts it.
P::IntoClauseContext* StatementBuilder::select_into(P::SelectStmtContext* context) {
  P::SelectPrimaryContext* first = context->selectClause()->selectIntersect(0)->selectPrimary(0);
  return first->simpleSelect() ? first->simpleSelect()->intoClause() : nullptr;
}

ast::StmtPtr StatementBuilder::create_table_as(P::SelectStmtContext* context, P::IntoClauseContext* into) {
  auto create = std::make_unique<ast::CreateTableAsStmt>(location_of(context));
  create->temporary = into->tempSpec() != nullptr;
  create->table = qualified_name(into->qualifiedName());
  queries_.allow_into(into);
  create->query = queries_.select(context);
  create->query->location = location_of(context);
  return create;
}

ast::StmtPtr StatementBuilder::prepare(P::PrepareStmtContext* context) {
  auto prepare = std::make_unique<ast::PrepareStmt>(location_of(context));
  prepare->name = identifier_name(context->colId());
  for (auto* type : context->typeName()) prepare->parameter_types.push_back(type_name(type));
  P::PreparableStmtContext* body = context->preparableStmt();
  if (body->selectStmt()) {
    prepare->statement = queries_.select(body->selectStmt());
    prepare->statement->location = location_of(body);
  } else if (body->insertStmt()) {
    prepare->statement = modify_.insert(body->insertStmt());
  } else if (body->updateStmt()) {
    prepare->statement = modify_.update(body->updateStmt());
  } else {
    prepare->statement = modify_.delete_rows(body->deleteStmt());
  }
  prepare->statement = with_text(std::move(prepare->statement), body);
  return prepare;
}

ast::StmtPtr StatementBuilder::execute(P::ExecuteStmtContext* context) {
  auto execute = std::make_unique<ast::ExecuteStmt>(location_of(context));
  execute->name = identifier_name(context->colId());
  if (context->exprList()) execute->arguments = queries_.expressions().build_list(context->exprList());
  return execute;
}

ast::StmtPtr StatementBuilder::deallocate(P::DeallocateStmtContext* context) {
  auto deallocate = std::make_unique<ast::DeallocateStmt>(location_of(context));
  if (context->colId()) deallocate->name = identifier_name(context->colId());
  return deallocate;
}

ast::StmtPtr StatementBuilder::explain(P::ExplainStmtContext* context) {
  auto explain = std::make_unique<ast::ExplainStmt>(location_of(context));
  utility_.apply_explain_options(*explain, context);
  explain->statement = explainable(context->explainableStmt());
  return explain;
}

ast::StmtPtr StatementBuilder::explainable(P::ExplainableStmtContext* context) {
  ast::StmtPtr statement;
  if (context->selectStmt()) {
    statement = queries_.select(context->selectStmt());
    statement->location = location_of(context);
  } else if (context->insertStmt()) {
    statement = modify_.insert(context->insertStmt());
  } else if (context->updateStmt()) {
    statement = modify_.update(context->updateStmt());
  } else if (context->executeStmt()) {
    statement = execute(context->executeStmt());
  } else {
    statement = modify_.delete_rows(context->deleteStmt());
  }
  return with_text(std::move(statement), context);
}

ast::StmtPtr StatementBuilder::with_text(ast::StmtPtr statement, antlr4::ParserRuleContext* context) const {
  statement->text = source_.slice(context->getStart()->getStartIndex(), context->getStop()->getStopIndex());
  return statement;
}

}  // namespace chalkdb
