#include "executor/constraint_checker.h"

#include <fmt/format.h>

#include <algorithm>

#include "planner/table_expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

std::string failing_row_detail(const Row& row, size_t columns) {
  std::string text = "Failing row contains (";
  for (size_t i = 0; i < columns; ++i) {
    if (i) text += ", ";
    text += row[i].is_null() ? "null" : format_value(row[i]);
  }
  return text + ").";
}

ConstraintChecker::ConstraintChecker(std::shared_ptr<const TableInfo> table, ExecContext& context)
    : table_(std::move(table)), context_(context) {
  for (const auto& constraint : table_->constraints) {
    if (constraint.type != kConstraintCheck || !constraint.check_expr) continue;
    checks_.push_back({constraint.name, bind_check_expression(context.catalog, context.snapshot,
                                                              table_, *constraint.check_expr)});
  }
  // PostgreSQL tests a row against the CHECK constraints in name order, so the first
  // violated name is the one reported.
  std::sort(checks_.begin(), checks_.end(),
            [](const Check& a, const Check& b) { return a.name < b.name; });
}

void ConstraintChecker::check(const Row& row) const {
  for (const auto& check : checks_) {
    Value result = evaluate(*check.condition, row, context_);
    if (result.is_null() || result.as_bool()) continue;
    throw SqlError(sqlstate::kCheckViolation,
                   fmt::format("new row for relation \"{}\" violates check constraint \"{}\"",
                               table_->name, check.name))
        .with_detail(failing_row_detail(row, table_->columns.size()))
        .with_table(table_->schema, table_->name)
        .with_constraint(check.name);
  }
}

}  // namespace chalkdb
