// CopyStatementBuilder: COPY statements from the grammar, with legacy options (CSV, HEADER,
// DELIMITER 'x', FORCE QUOTE ...) turned into their generic spelling as PostgreSQL's gram.y
// does, so the executor checks one form only.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"
#include "sql/parser/query_builder.h"

namespace chalkdb {

class CopyStatementBuilder {
 public:
  explicit CopyStatementBuilder(QueryBuilder& queries) : queries_(queries) {}

  std::unique_ptr<ast::CopyStmt> copy(ChalkSqlParser::CopyStmtContext* context);

 private:
  QueryBuilder& queries_;
};

}  // namespace chalkdb
