// The SqlError PostgreSQL gives for an error the grammar's actions detect (GrammarError):
// a syntax error at the token, or 42601 "subquery in FROM must have an alias" (or "VALUES in
// FROM must have an alias") with PostgreSQL's hint.
#pragma once

#include "sql/error/sql_error.h"
#include "sql/grammar/grammar_error.h"

namespace chalkdb {

SqlError report_grammar_error(const GrammarError& error);

}  // namespace chalkdb
