// TableDdlBuilder: CREATE TABLE, DROP TABLE / SEQUENCE and TRUNCATE statements from the
// grammar, including column
// and table constraints (NOT NULL, NULL, DEFAULT, CHECK, UNIQUE, PRIMARY KEY, REFERENCES /
// FOREIGN KEY with MATCH and ON DELETE/UPDATE actions).
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/expression_builder.h"

namespace chalkdb {

class TableDdlBuilder {
 public:
  explicit TableDdlBuilder(ExpressionBuilder& expressions) : expressions_(expressions) {}

  std::unique_ptr<ast::CreateTableStmt> create_table(ChalkSqlParser::CreateTableStmtContext* context);
  std::unique_ptr<ast::DropTableStmt> drop_table(ChalkSqlParser::DropTableStmtContext* context);
  std::unique_ptr<ast::TruncateStmt> truncate(ChalkSqlParser::TruncateStmtContext* context);
  // Also used by CREATE INDEX and ALTER TABLE.
  ast::TableConstraint table_constraint(ChalkSqlParser::TableConstraintContext* context);
  static std::vector<std::pair<std::string, std::string>> storage_parameters(
      ChalkSqlParser::StorageParametersContext* context);
  // Also used by ALTER TABLE ADD COLUMN.
  ast::ColumnDef column(ChalkSqlParser::ColumnDefContext* context);

 private:
  ast::ColumnConstraint column_constraint(ChalkSqlParser::ColumnConstraintContext* context);

  ExpressionBuilder& expressions_;
};

}  // namespace chalkdb
