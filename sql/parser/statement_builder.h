// StatementBuilder: the AST for a whole parsed query string, one ast::Stmt per statement,
// each with its location and its own source text.
#pragma once

#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/copy_statement_builder.h"
#include "sql/parser/index_ddl_builder.h"
#include "sql/parser/modify_statement_builder.h"
#include "sql/parser/query_builder.h"
#include "sql/parser/source_text.h"
#include "sql/parser/table_ddl_builder.h"
#include "sql/parser/utility_statement_builder.h"

namespace chalkdb {

class StatementBuilder {
 public:
  explicit StatementBuilder(const SourceText& source)
      : source_(source), modify_(queries_), ddl_(queries_.expressions()),
        index_ddl_(queries_.expressions(), ddl_), copy_(queries_) {}

  std::vector<ast::StmtPtr> build(ChalkSqlParser::StmtBlockContext* context);

 private:
  ast::StmtPtr statement(ChalkSqlParser::StmtContext* context);
  ast::StmtPtr explainable(ChalkSqlParser::ExplainableStmtContext* context);
  ast::StmtPtr explain(ChalkSqlParser::ExplainStmtContext* context);
  ast::StmtPtr prepare(ChalkSqlParser::PrepareStmtContext* context);
  ast::StmtPtr create_table_as(ChalkSqlParser::CreateTableAsStmtContext* context);
  ast::StmtPtr create_table_as(ChalkSqlParser::SelectStmtContext* context, ChalkSqlParser::IntoClauseContext* into);
  ast::StmtPtr create_view(ChalkSqlParser::CreateViewStmtContext* context);
  static ChalkSqlParser::IntoClauseContext* select_into(ChalkSqlParser::SelectStmtContext* context);
  ast::StmtPtr execute(ChalkSqlParser::ExecuteStmtContext* context);
  ast::StmtPtr deallocate(ChalkSqlParser::DeallocateStmtContext* context);
  ast::StmtPtr with_text(ast::StmtPtr statement, antlr4::ParserRuleContext* context) const;

  const SourceText& source_;
  QueryBuilder queries_;
  ModifyStatementBuilder modify_;
  TableDdlBuilder ddl_;
  IndexDdlBuilder index_ddl_;
  UtilityStatementBuilder utility_;
  CopyStatementBuilder copy_;
};

}  // namespace chalkdb
