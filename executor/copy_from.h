// CopyFrom: COPY table [(columns)] FROM STDIN or a file — the bulk-load path.
//
// Records are parsed straight into table rows (no SQL, no planning per row): each field goes
// through its column type's input function, columns left out of the column list get their
// DEFAULT (or NULL). Rows flow in batches into the same ModifyTable operator INSERT uses, so
// every check and side effect of an insert applies. Errors carry PostgreSQL's CONTEXT
// (`COPY t, line 3, column x: "abc"`, `COPY t, line 2: "..."`); the statement's transaction
// makes a failed COPY leave nothing behind.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "executor/copy_options.h"
#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "planner/bound_expr.h"
#include "sql/ast/ast.h"
#include "storage/catalog/table_info.h"

namespace chalkdb {

// How each input field and each table column becomes part of a row.
struct CopyTarget {
  std::shared_ptr<const TableInfo> table;
  std::vector<size_t> field_columns;      // table column of each input field
  std::vector<bool> field_force_not_null;
  std::vector<BoundExprPtr> defaults;     // per table column left out of the list; null: NULL
};

class CopyFrom {
 public:
  // Checks the column list and options against the table (before any data is asked for, as
  // PostgreSQL reports these errors before CopyInResponse).
  CopyFrom(const ast::CopyStmt& copy, const CopyOptions& options,
           std::shared_ptr<const TableInfo> table, ExecContext& context);

  size_t field_count() const { return target_.field_columns.size(); }
  // Loads the rows of `source`; returns how many were inserted.
  uint64_t load(CopyInSource& source);

 private:
  const CopyOptions& options_;
  ExecContext& context_;
  CopyTarget target_;
};

// The table columns a COPY names (all columns when the list is empty), as 0-based indexes;
// 42703 for an unknown column, 42701 for a repeated one.
std::vector<size_t> copy_column_indexes(const TableInfo& table, const std::vector<std::string>& names);

}  // namespace chalkdb
