// Table expressions: an expression over one table's row, as CHECK constraints (and ALTER
// COLUMN ... USING) have them. Columns resolve against the table alone, as range-table entry
// 0, and read slot = the column's position in the row, so the executor evaluates the result
// directly on a table row. Constraint expressions are stored as SQL text (unlike PostgreSQL's
// node trees in conbin) and bound again when a statement needs them.
#pragma once

#include <memory>
#include <string>

#include "planner/bound_expr.h"
#include "sql/ast/ast.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

// A CHECK constraint's condition: boolean (42804 `argument of CHECK must be type
// boolean, not type integer`), without aggregates (42803).
BoundExprPtr bind_check_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const ast::Expr& expr);
// The same for stored SQL text.
BoundExprPtr bind_check_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const std::string& sql);

// Any stored expression over the table's row (an index predicate), of whatever type.
BoundExprPtr bind_table_expression(Catalog& catalog, const Snapshot& snapshot,
                                   std::shared_ptr<const TableInfo> table, const std::string& sql);

}  // namespace chalkdb
