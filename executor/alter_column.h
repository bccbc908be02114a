// ALTER TABLE subcommands that change a table's columns or name in the catalog only:
// ALTER COLUMN SET/DROP DEFAULT, SET/DROP NOT NULL, RENAME COLUMN and RENAME TO. Each writes
// a new pg_class / pg_attribute / pg_attrdef version (MVCC, so it rolls back with its
// transaction); no row is rewritten. SET NOT NULL scans the rows first (23502 if one has a
// NULL there, as PostgreSQL). Differences from PostgreSQL: renaming a column that a CHECK
// constraint reads is refused (0A000) because CHECK conditions are kept as SQL text; a serial
// column's sequence keeps its name after RENAME TO, as in PostgreSQL, but DROP TABLE then
// no longer drops it (ownership is found by name, there is no pg_depend).
#pragma once

#include <memory>

#include "executor/exec_context.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// Runs one of the commands above against the table as the current command id sees it.
void alter_column(const TableInfo& table, const ast::AlterTableCmd& command, ExecContext& context);

// The column of that name in `columns` (a copy of the table's), or 42703.
ColumnInfo& column_named(std::vector<ColumnInfo>& columns, const std::string& name, const TableInfo& table);

}  // namespace chalkdb
