// ConstraintChecker: enforces a table's CHECK constraints on the rows an INSERT or UPDATE
// writes (23514 `new row for relation "t" violates check constraint "t_x_check"`, DETAIL
// `Failing row contains (...)`, with the schema, table and constraint error fields).
//
// The constraints' expressions are bound once per statement, from the table version the
// statement's plan saw. As in PostgreSQL a condition that yields NULL passes.
#pragma once

#include <memory>
#include <vector>

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "planner/bound_expr.h"

namespace chalkdb {

class ConstraintChecker {
 public:
  ConstraintChecker(std::shared_ptr<const TableInfo> table, ExecContext& context);

  bool empty() const { return checks_.empty(); }
  void check(const Row& row) const;

 private:
  struct Check {
    std::string name;
    BoundExprPtr condition;
  };
  std::shared_ptr<const TableInfo> table_;
  ExecContext& context_;
  std::vector<Check> checks_;
};

// PostgreSQL's DETAIL for a row violating a constraint: `Failing row contains (1, null).`
std::string failing_row_detail(const Row& row, size_t columns);

}  // namespace chalkdb
