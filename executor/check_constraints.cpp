#include "executor/check_constraints.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/table_expression_binder.h"
#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

void collect_columns(const BoundExpr& expr, std::set<int16_t>& attnums) {
  if (expr.kind == BoundExprKind::Column && expr.rte == 0) attnums.insert(static_cast<int16_t>(expr.attno + 1));
  for (const auto& arg : expr.args)
    if (arg) collect_columns(*arg, attnums);
}

// PostgreSQL's ChooseConstraintName: the first of base, base1, base2, ... not taken.
std::string choose_name(const std::string& base, const std::set<std::string>& taken) {
  if (!taken.contains(base)) return base;
  for (int suffix = 1;; ++suffix) {
    // The suffix goes before "_check": t_a_check1 is spelled t_a_check1 by PostgreSQL too.
    std::string candidate = base + std::to_string(suffix);
    if (!taken.contains(candidate)) return candidate;
  }
}

}  // namespace

void add_check_constraints(std::shared_ptr<const TableInfo> table,
                           const std::vector<CheckDefinition>& checks, ExecContext& context) {
  std::set<std::string> taken;
  for (const auto& constraint : table->constraints) taken.insert(constraint.name);
  for (const auto& check : checks) {
    if (check.name && !taken.insert(*check.name).second) {
      throw SqlError(sqlstate::kDuplicateObject,
                     fmt::format("check constraint \"{}\" already exists", *check.name));
    }
  }
  std::vector<ConstraintInfo> rows;
  for (const auto& check : checks) {
    BoundExprPtr condition = bind_check_expression(context.catalog, context.snapshot, table, *check.expr);
    std::set<int16_t> attnums;
    collect_columns(*condition, attnums);
    ConstraintInfo constraint;
    if (check.name) {
      constraint.name = *check.name;
    } else {
      std::string base = attnums.size() == 1
                             ? fmt::format("{}_{}_check", table->name,
                                           table->columns[*attnums.begin() - 1].name)
                             : fmt::format("{}_check", table->name);
      constraint.name = choose_name(base, taken);
      taken.insert(constraint.name);
    }
    constraint.namespace_oid = table->namespace_oid;
    constraint.type = kConstraintCheck;
    constraint.table_oid = table->oid;
    constraint.columns.assign(attnums.begin(), attnums.end());
    constraint.check_expr = deparse_ast(*check.expr);
    rows.push_back(std::move(constraint));
  }
  for (auto& constraint : rows) {
    context.transaction.next_command();  // each catalog change sees the previous one
    context.catalog.add_constraint(std::move(constraint), context.write_xid(),
                                   context.transaction.command_id());
  }
}

}  // namespace chalkdb
