// CHECK constraint definitions: validates a CHECK expression against the table's columns,
// gives it PostgreSQL's default name when it has none (`<table>_<column>_check` when it reads
// exactly one column, `<table>_check` otherwise, with 1, 2, ... appended while taken) and
// adds its pg_constraint row ('c', conkey = the columns it reads, the condition as SQL text).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "executor/exec_context.h"
#include "sql/ast/ast.h"

namespace chalkdb {

struct CheckDefinition {
  std::optional<std::string> name;  // CONSTRAINT name
  const ast::Expr* expr = nullptr;
};

// Adds `checks` to `table` (the version they are checked against) in order, at successive
// command ids. Throws 42804 / 42803 / 42703 for bad expressions and 42710 `check constraint
// "c" already exists` (CREATE TABLE) for a repeated explicit name.
void add_check_constraints(std::shared_ptr<const TableInfo> table,
                           const std::vector<CheckDefinition>& checks, ExecContext& context);

}  // namespace chalkdb
