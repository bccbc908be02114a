// UtilityStatementBuilder: transaction control (BEGIN/START TRANSACTION/COMMIT/END/ROLLBACK/
// ABORT), SET/RESET/SHOW, and the options of EXPLAIN.
//
// SET's special forms are mapped to the setting they change, as PostgreSQL does: SET TIME
// ZONE -> timezone, SET NAMES -> client_encoding, SET SCHEMA -> search_path, SET
// TRANSACTION ISOLATION LEVEL -> transaction_isolation, SET SESSION CHARACTERISTICS AS
// TRANSACTION ... -> default_transaction_isolation (one transaction mode per SET; several
// are 0A000). EXPLAIN options are checked with PostgreSQL's ExplainQuery() errors.
#pragma once

#include <memory>
#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

class UtilityStatementBuilder {
 public:
  std::unique_ptr<ast::TransactionStmt> transaction(ChalkSqlParser::TransactionStmtContext* context);
  std::unique_ptr<ast::SetStmt> set(ChalkSqlParser::SetStmtContext* context);
  std::unique_ptr<ast::SetStmt> reset(ChalkSqlParser::ResetStmtContext* context);
  std::unique_ptr<ast::ShowStmt> show(ChalkSqlParser::ShowStmtContext* context);
  void apply_explain_options(ast::ExplainStmt& explain, ChalkSqlParser::ExplainStmtContext* context);

 private:
  void set_transaction_mode(ast::SetStmt& set, ChalkSqlParser::TransactionModeListContext* modes,
                            const std::string& prefix);
};

}  // namespace chalkdb
