// Parsing CREATE / DROP / ALTER SCHEMA and the ON COMMIT clause of temporary tables.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"

namespace chalkdb {
namespace {

template <typename Statement>
std::unique_ptr<Statement> parse_one(const std::string& sql) {
  auto statements = parse_sql(sql);
  EXPECT_EQ(statements.size(), 1u);
  auto* statement = dynamic_cast<Statement*>(statements.front().get());
  EXPECT_NE(statement, nullptr) << sql;
  statements.front().release();
  return std::unique_ptr<Statement>(statement);
}

TEST(SchemaStatementsTest, CreateSchema) {
  auto plain = parse_one<ast::CreateSchemaStmt>("CREATE SCHEMA App");
  EXPECT_EQ(plain->name, "app");
  EXPECT_FALSE(plain->authorization);
  EXPECT_FALSE(plain->if_not_exists);
  auto owned = parse_one<ast::CreateSchemaStmt>("create schema if not exists \"Shop\" authorization postgres");
  EXPECT_EQ(owned->name, "Shop");
  EXPECT_EQ(owned->authorization, "postgres");
  EXPECT_TRUE(owned->if_not_exists);
  auto by_role = parse_one<ast::CreateSchemaStmt>("CREATE SCHEMA AUTHORIZATION CURRENT_USER");
  EXPECT_FALSE(by_role->name);
  EXPECT_EQ(by_role->authorization, "current_user");
}

TEST(SchemaStatementsTest, DropAndAlterSchema) {
  auto drop = parse_one<ast::DropSchemaStmt>("DROP SCHEMA IF EXISTS a, b CASCADE");
  EXPECT_EQ(drop->names, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(drop->if_exists);
  EXPECT_TRUE(drop->cascade);
  EXPECT_FALSE(parse_one<ast::DropSchemaStmt>("DROP SCHEMA a RESTRICT")->cascade);
  auto alter = parse_one<ast::AlterSchemaStmt>("ALTER SCHEMA a RENAME TO b");
  EXPECT_EQ(alter->name, "a");
  EXPECT_EQ(alter->new_name, "b");
  EXPECT_THROW(parse_sql("DROP SCHEMA"), SqlError);
  EXPECT_THROW(parse_sql("ALTER SCHEMA a RENAME b"), SqlError);
}

TEST(SchemaStatementsTest, TemporaryTablesAndOnCommit) {
  auto temp = parse_one<ast::CreateTableStmt>("CREATE TEMP TABLE t (a int) ON COMMIT DELETE ROWS");
  EXPECT_TRUE(temp->temporary);
  EXPECT_EQ(temp->on_commit, ast::OnCommitAction::DeleteRows);
  auto local = parse_one<ast::CreateTableStmt>("CREATE LOCAL TEMPORARY TABLE pg_temp.t (a int)");
  EXPECT_TRUE(local->temporary);
  EXPECT_EQ(local->table.schema, "pg_temp");
  EXPECT_FALSE(local->on_commit);
  auto as = parse_one<ast::CreateTableAsStmt>("CREATE TEMP TABLE t ON COMMIT DROP AS SELECT 1");
  EXPECT_EQ(as->on_commit, ast::OnCommitAction::Drop);
  EXPECT_EQ(parse_one<ast::CreateTableStmt>("CREATE TABLE t (a int) ON COMMIT PRESERVE ROWS")->on_commit,
            ast::OnCommitAction::PreserveRows);
  // PRESERVE is an unreserved keyword: still a name.
  EXPECT_EQ(parse_one<ast::CreateTableStmt>("CREATE TABLE preserve (preserve int)")->table.name, "preserve");
}

}  // namespace
}  // namespace chalkdb
