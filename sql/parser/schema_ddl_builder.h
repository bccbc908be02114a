// SchemaDdlBuilder: CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA ... RENAME TO from the grammar.
// AUTHORIZATION CURRENT_USER / SESSION_USER / CURRENT_ROLE are kept as the keyword in lower
// case ("current_user"); the executor resolves them to the session's user.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

std::unique_ptr<ast::CreateSchemaStmt> build_create_schema(ChalkSqlParser::CreateSchemaStmtContext* context);
std::unique_ptr<ast::DropSchemaStmt> build_drop_schema(ChalkSqlParser::DropSchemaStmtContext* context);
std::unique_ptr<ast::AlterSchemaStmt> build_alter_schema(ChalkSqlParser::AlterSchemaStmtContext* context);
// ON COMMIT DROP | DELETE ROWS | PRESERVE ROWS of CREATE TEMP TABLE.
ast::OnCommitAction build_on_commit(ChalkSqlParser::OnCommitOptionContext* context);

}  // namespace chalkdb
