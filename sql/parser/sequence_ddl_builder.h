// SequenceDdlBuilder: CREATE SEQUENCE statements from the grammar. Option values are kept as
// written (bigint); their validation against each other is the executor's, as PostgreSQL's
// init_params() does it after parsing.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

std::unique_ptr<ast::CreateSequenceStmt> build_create_sequence(
    ChalkSqlParser::CreateSequenceStmtContext* context);

}  // namespace chalkdb
