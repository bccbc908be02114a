// Binder: resolves names and types in an AST, producing a Query (or ModifyQuery).
//
// It looks relations up in the catalog through the statement's snapshot, resolves columns
// against the FROM clause (42P01, 42703, 42702 as PostgreSQL reports them, with positions),
// types every expression, inserts implicit casts and resolves operators and functions to the
// code that computes them (42883), and checks aggregation rules (42803). Untyped string
// literals take their type from context, as in PostgreSQL.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "planner/query.h"
#include "sql/ast/ast.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

class Binder {
 public:
  Binder(Catalog& catalog, const Snapshot& snapshot);

  std::unique_ptr<Query> bind_select(const ast::SelectStmt& stmt);
  std::unique_ptr<ModifyQuery> bind_insert(const ast::InsertStmt& stmt);
  std::unique_ptr<ModifyQuery> bind_update(const ast::UpdateStmt& stmt);
  std::unique_ptr<ModifyQuery> bind_delete(const ast::DeleteStmt& stmt);

  // Binds a column DEFAULT expression (SQL text from the catalog) for a column of `type`.
  BoundExprPtr bind_default(const std::string& default_sql, DataType type);

  // Resolves a table name (schema-qualified or in the default schema) or throws 42P01.
  std::shared_ptr<const TableInfo> lookup_table(const ast::QualifiedName& name);
  // The same without the error: null when there is no such relation.
  std::shared_ptr<const TableInfo> find_table(const ast::QualifiedName& name);

 private:
  friend class ExpressionBinder;
  // INSERT ... SELECT leaves untyped literals in the select list for the target columns to
  // type, as PostgreSQL does (INSERT INTO t SELECT NULL works for a date column).
  bool keep_unknown_targets_ = false;
  Catalog& catalog_;
  const Snapshot& snapshot_;
};

}  // namespace chalkdb
