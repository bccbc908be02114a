// Portal: a prepared statement bound to parameter values, ready to execute (PostgreSQL's
// portal, the unit of the extended protocol's Bind and Execute).
//
// A SELECT portal keeps its operator tree open between Executes, so an Execute with a row
// limit returns that many rows and the next one continues where it stopped (PortalSuspended
// in between). Other statements run to completion on their first Execute; executing a
// finished portal again returns no rows, as in PostgreSQL. A portal lives inside the
// transaction it was bound in: the session drops it when that transaction ends.
#pragma once

#include <memory>
#include <vector>

#include "executor/operator.h"
#include "executor/prepared_statement.h"
#include "executor/result_sink.h"
#include "planner/plan_node.h"

namespace chalkdb {

class Portal {
 public:
  // Gets the statement's plan (when it is plannable) for `values` from its plan cache.
  // `context` is null for statements that run outside a transaction (transaction control,
  // empty query).
  Portal(std::shared_ptr<const PreparedStatement> statement, std::vector<Value> values,
         const ExecContext* context);
  ~Portal();
  Portal(const Portal&) = delete;
  Portal& operator=(const Portal&) = delete;

  const PreparedStatement& statement() const { return *statement_; }
  // What Describe reports for the portal.
  const std::vector<ColumnDescription>& columns() const { return columns_; }

  // Runs the portal for up to `max_rows` rows (0: all). Returns true when it stopped at the
  // limit with rows left (PortalSuspended); otherwise it has sent CommandComplete.
  bool run(uint64_t max_rows, ResultSink& sink);

 private:
  void check_result_type() const;
  bool fetch(uint64_t max_rows, ResultSink& sink);
  void run_to_completion(ResultSink& sink);

  std::shared_ptr<const PreparedStatement> statement_;
  std::vector<Value> values_;
  std::unique_ptr<ExecContext> context_;
  std::shared_ptr<const PlannedQuery> planned_;
  std::vector<ColumnDescription> columns_;
  std::unique_ptr<Operator> root_;
  RowBatch batch_;
  size_t batch_position_ = 0;
  bool exhausted_ = false;
  bool finished_ = false;
};

}  // namespace chalkdb
