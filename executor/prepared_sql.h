// PreparedSql: the SQL commands PREPARE, EXECUTE and DEALLOCATE over a session's prepared
// statements, which they share with the extended protocol's named statements (one namespace,
// as in PostgreSQL).
//
// PREPARE analyses the statement like Parse (declared types, others inferred); EXECUTE
// evaluates its arguments, coerces them to the parameter types (42804 when they cannot be)
// and runs the statement through a portal, results and command tag included.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "executor/exec_context.h"
#include "executor/prepared_statement.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"

namespace chalkdb {

using PreparedStatements = std::map<std::string, std::shared_ptr<const PreparedStatement>>;

// 26000 `prepared statement "name" does not exist`.
[[noreturn]] void throw_unknown_prepared_statement(const std::string& name);

void run_prepare(const ast::PrepareStmt& prepare, PreparedStatements& statements,
                 ExecContext& context, ResultSink& sink);
void run_execute(const ast::ExecuteStmt& execute, const PreparedStatements& statements,
                 ExecContext& context, ResultSink& sink);
// EXPLAIN [ANALYZE] EXECUTE: the plan the statement's plan cache gives for these arguments
// (a generic plan shows $n), counted like an execution as in PostgreSQL.
void run_explain_execute(const ast::ExplainStmt& explain, const PreparedStatements& statements,
                         ExecContext& context, ResultSink& sink);
void run_deallocate(const ast::DeallocateStmt& deallocate, PreparedStatements& statements,
                    ResultSink& sink);

}  // namespace chalkdb
