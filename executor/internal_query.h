// Internal queries: SQL a statement runs on its own behalf — referential actions (ON DELETE
// CASCADE, ...) and foreign-key lookups — planned and executed in the caller's transaction
// with the snapshot of the given context, as PostgreSQL's RI triggers run SPI queries.
#pragma once

#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "sql/value/value.h"

namespace chalkdb {

// Runs one SELECT, INSERT, UPDATE or DELETE; returns the rows it produces.
std::vector<Row> run_internal_query(const std::string& sql, ExecContext& context);

// SQL text for identifiers and values in internal queries.
std::string quote_identifier(const std::string& name);
std::string sql_constant(const Value& value);  // '42'::integer, NULL

}  // namespace chalkdb
