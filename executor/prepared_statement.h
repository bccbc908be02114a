// PreparedStatement: one parsed and analysed statement of the extended query protocol (Parse)
// or of SQL PREPARE — its text, syntax tree, parameter types and result columns.
//
// Analysis binds the statement once with untyped parameters to infer their types (see
// planner/parameter_binding.h) and to learn the result columns for Describe. Each Bind gets
// its plan from the statement's PlanCache: a custom plan made with the actual values, or the
// cached generic plan (executor/plan_cache.h). Result columns are not re-described after
// later DDL on the statement's tables.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "executor/plan_cache.h"
#include "executor/result_sink.h"
#include "planner/query.h"
#include "sql/ast/ast.h"

namespace chalkdb {

struct PreparedStatement {
  std::string text;
  std::shared_ptr<const ast::Stmt> statement;  // null for an empty query string
  std::vector<DataType> parameter_types;
  // What Describe reports; empty for statements that return no rows (NoData).
  std::vector<ColumnDescription> columns;
  // Shared by every Bind of the statement; the statement itself stays immutable.
  std::shared_ptr<PlanCache> plans = std::make_shared<PlanCache>();

  bool is_transaction_control() const {
    return statement && statement->kind == ast::StmtKind::Transaction;
  }
  // SELECT, INSERT, UPDATE and DELETE are planned at Bind; other statements run at Execute.
  bool is_plannable() const;
};

// Parses `query` (at most one statement: 42601 otherwise) without analysing it.
std::shared_ptr<PreparedStatement> parse_prepared(std::string_view query,
                                                  std::vector<DataType> declared_types);

// Infers parameter types and result columns; needs the catalog of a running transaction.
void analyse_prepared(PreparedStatement& prepared, ExecContext& context);

// The RowDescription columns of a planned statement's targets.
std::vector<ColumnDescription> describe_targets(const std::vector<TargetEntry>& targets);

}  // namespace chalkdb
