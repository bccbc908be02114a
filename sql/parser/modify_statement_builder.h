// ModifyStatementBuilder: INSERT, UPDATE and DELETE statements from the grammar.
//
// INSERT's source is the query after the column list (VALUES rows are a SelectStmt whose
// `values` hold nullptr for DEFAULT), or nullptr for DEFAULT VALUES. UPDATE's SET DEFAULT is
// a nullptr value.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/query_builder.h"

namespace chalkdb {

class ModifyStatementBuilder {
 public:
  explicit ModifyStatementBuilder(QueryBuilder& queries) : queries_(queries) {}

  std::unique_ptr<ast::InsertStmt> insert(ChalkSqlParser::InsertStmtContext* context);
  std::unique_ptr<ast::UpdateStmt> update(ChalkSqlParser::UpdateStmtContext* context);
  std::unique_ptr<ast::DeleteStmt> delete_rows(ChalkSqlParser::DeleteStmtContext* context);

 private:
  std::vector<ast::ResultTarget> returning(ChalkSqlParser::ReturningClauseContext* context);
  std::vector<ast::SetClause> set_clauses(const std::vector<ChalkSqlParser::SetClauseContext*>& clauses);
  ast::OnConflictClause on_conflict(ChalkSqlParser::OnConflictClauseContext* context);

  QueryBuilder& queries_;
};

}  // namespace chalkdb
