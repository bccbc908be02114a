// StatementRunner: runs one parsed statement (other than transaction control) inside the
// session's current transaction — binding, planning, executing and delivering its results.
#pragma once

#include <chrono>

#include "executor/exec_context.h"
#include "executor/operator.h"
#include "executor/result_sink.h"
#include "planner/binder.h"
#include "planner/optimizer.h"
#include "sql/ast/ast.h"
#include "storage/buffer/buffer_usage.h"

namespace chalkdb {

class StatementRunner {
 public:
  explicit StatementRunner(ExecContext& context) : context_(context) {}

  void run(const ast::Stmt& statement, ResultSink& sink);
  // Binds and plans a SELECT, INSERT, UPDATE or DELETE (0A000 for other statements).
  PlannedQuery plan(const ast::Stmt& stmt);
  // The result columns of a SELECT, INSERT, UPDATE or DELETE (its RETURNING list), found by
  // binding it without planning: PostgreSQL's parse analysis, which a Parse message runs (the
  // plan is made at Bind). Parameter types are inferred on the way.
  std::vector<TargetEntry> bind_result_columns(const ast::Stmt& stmt);
  // Executes a plan, sending rows to `sink` when it returns rows; returns the row count.
  uint64_t execute(const PlannedQuery& planned, ResultSink* sink, std::unique_ptr<Operator>* keep);
  // Where EXPLAIN's planning time and buffers start counting: made before planning.
  struct PlanningMeter {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    BufferUsage buffers_at_start = thread_buffer_usage();
  };
  // EXPLAIN [ANALYZE] of a planned statement with `stmt`'s options (its statement is not
  // looked at: EXPLAIN EXECUTE passes the prepared statement's plan).
  void explain(const PlannedQuery& planned, const ast::ExplainStmt& stmt, const PlanningMeter& meter,
               ResultSink& sink);
  // 0A000 for an EXPLAIN format other than text.
  static void check_explain_format(const ast::ExplainStmt& stmt);
  // The command tag of a completed INSERT, UPDATE or DELETE plan.
  static std::string modify_command_tag(const PlannedQuery& planned, uint64_t rows);

 private:
  PlannedQuery plan_bound(const ast::Stmt& stmt, Binder& binder, Optimizer& optimizer);
  void run_select(const ast::SelectStmt& stmt, ResultSink& sink);
  void run_modify(const ast::Stmt& stmt, ResultSink& sink);
  void run_create_table_as(const ast::CreateTableAsStmt& stmt, ResultSink& sink);
  void run_explain(const ast::ExplainStmt& stmt, ResultSink& sink);
  void run_set(const ast::SetStmt& stmt, ResultSink& sink);
  void run_show(const ast::ShowStmt& stmt, ResultSink& sink);

  ExecContext& context_;
};

}  // namespace chalkdb
