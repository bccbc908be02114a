#include "sql/parser/schema_ddl_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/parse_tree.h"

namespace chalkdb {

using P = ChalkSqlParser;

namespace {

std::string role_name(P::RoleSpecContext* context) {
  if (context->nonReservedWord()) return identifier_name(context->nonReservedWord());
  return fold_identifier(context->getText());
}

}  // namespace

std::unique_ptr<ast::CreateSchemaStmt> build_create_schema(P::CreateSchemaStmtContext* context) {
  auto create = std::make_unique<ast::CreateSchemaStmt>(location_of(context));
  create->if_not_exists = context->IF() != nullptr;
  if (context->colId()) create->name = identifier_name(context->colId());
  if (context->roleSpec()) create->authorization = role_name(context->roleSpec());
  return create;
}

std::unique_ptr<ast::DropSchemaStmt> build_drop_schema(P::DropSchemaStmtContext* context) {
  auto drop = std::make_unique<ast::DropSchemaStmt>(location_of(context));
  drop->if_exists = context->IF() != nullptr;
  for (auto* name : context->colId()) drop->names.push_back(identifier_name(name));
  drop->cascade = context->CASCADE() != nullptr;
  return drop;
}

std::unique_ptr<ast::AlterSchemaStmt> build_alter_schema(P::AlterSchemaStmtContext* context) {
  auto alter = std::make_unique<ast::AlterSchemaStmt>(location_of(context));
  alter->name = identifier_name(context->colId(0));
  alter->new_name = identifier_name(context->colId(1));
  return alter;
}

ast::OnCommitAction build_on_commit(P::OnCommitOptionContext* context) {
  if (context->DROP()) return ast::OnCommitAction::Drop;
  if (context->DELETE()) return ast::OnCommitAction::DeleteRows;
  return ast::OnCommitAction::PreserveRows;
}

}  // namespace chalkdb
