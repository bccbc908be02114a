// SequenceDdlBuilder: CREATE SEQUENCE statements, and the sequence options of identity
// columns, from the grammar. Option values are kept as
// written (bigint); their validation against each other is the executor's, as PostgreSQL's
// init_params() does it after parsing.
#pragma once

#include <memory>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

std::unique_ptr<ast::CreateSequenceStmt> build_create_sequence(
    ChalkSqlParser::CreateSequenceStmtContext* context);

// GENERATED ... AS IDENTITY (options): the options as those of a CREATE SEQUENCE.
ast::IdentitySpec build_identity_spec(ChalkSqlParser::IdentitySpecContext* context);

// ALTER COLUMN ... RESTART WITH n: the value, as a sequence option is read.
int64_t build_restart_value(ChalkSqlParser::NumericOnlyContext* context);

}  // namespace chalkdb
