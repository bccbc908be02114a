// IndexDdlBuilder: CREATE INDEX, DROP INDEX, REINDEX and ALTER TABLE statements from the
// grammar. Index elements (a column or an expression, with ASC/DESC and NULLS FIRST/LAST)
// are also the targets of INSERT ... ON CONFLICT.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/expression_builder.h"
#include "sql/parser/table_ddl_builder.h"

namespace chalkdb {

class IndexDdlBuilder {
 public:
  IndexDdlBuilder(ExpressionBuilder& expressions, TableDdlBuilder& tables)
      : expressions_(expressions), tables_(tables) {}

  std::unique_ptr<ast::CreateIndexStmt> create_index(ChalkSqlParser::CreateIndexStmtContext* context);
  std::unique_ptr<ast::DropIndexStmt> drop_index(ChalkSqlParser::DropIndexStmtContext* context);
  std::unique_ptr<ast::ReindexStmt> reindex(ChalkSqlParser::ReindexStmtContext* context);
  std::unique_ptr<ast::AlterTableStmt> alter_table(ChalkSqlParser::AlterTableStmtContext* context);

  static ast::IndexElem index_elem(ChalkSqlParser::IndexElemContext* context,
                                   ExpressionBuilder& expressions);

 private:
  ast::AlterTableCmd alter_table_command(ChalkSqlParser::AlterTableCmdContext* command);

  ExpressionBuilder& expressions_;
  TableDdlBuilder& tables_;
};

}  // namespace chalkdb
