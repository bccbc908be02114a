// StatementRunner: runs one parsed statement (other than transaction control) inside the
// session's current transaction — binding, planning, executing and delivering its results.
#pragma once

#include "executor/exec_context.h"
#include "executor/operator.h"
#include "executor/result_sink.h"
#include "planner/optimizer.h"
#include "sql/ast/ast.h"

namespace chalkdb {

class StatementRunner {
 public:
  explicit StatementRunner(ExecContext& context) : context_(context) {}

  void run(const ast::Stmt& statement, ResultSink& sink);
  // Binds and plans a SELECT, INSERT, UPDATE or DELETE (0A000 for other statements).
  PlannedQuery plan(const ast::Stmt& stmt);
  // Executes a plan, sending rows to `sink` when it returns rows; returns the row count.
  uint64_t execute(const PlannedQuery& planned, ResultSink* sink, std::unique_ptr<Operator>* keep);
  // The command tag of a completed INSERT, UPDATE or DELETE plan.
  static std::string modify_command_tag(const PlannedQuery& planned, uint64_t rows);

 private:
  void run_select(const ast::SelectStmt& stmt, ResultSink& sink);
  void run_modify(const ast::Stmt& stmt, ResultSink& sink);
  void run_create_table_as(const ast::CreateTableAsStmt& stmt, ResultSink& sink);
  void run_explain(const ast::ExplainStmt& stmt, ResultSink& sink);
  void run_set(const ast::SetStmt& stmt, ResultSink& sink);
  void run_show(const ast::ShowStmt& stmt, ResultSink& sink);

  ExecContext& context_;
};

}  // namespace chalkdb
