// Binder: resolves names and types in an AST, producing a Query (or ModifyQuery).
//
// It looks relations up in the catalog through the statement's snapshot, resolves columns
// against the FROM clause (42P01, 42703, 42702 as PostgreSQL reports them, with positions),
// types every expression, inserts implicit casts and resolves operators and functions to the
// code that computes them (42883), and checks aggregation rules (42803). Untyped string
// literals take their type from context, as in PostgreSQL.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "planner/query.h"
#include "sql/ast/ast.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

class ExpressionBinder;

class Binder {
 public:
  Binder(Catalog& catalog, const Snapshot& snapshot);

  std::unique_ptr<Query> bind_select(const ast::SelectStmt& stmt);
  std::unique_ptr<ModifyQuery> bind_insert(const ast::InsertStmt& stmt);
  // INSERT ... ON CONFLICT DO UPDATE's SET and WHERE into `modify` (on_conflict_binder.cpp).
  void bind_on_conflict_update(const ast::InsertStmt& stmt, ModifyQuery& modify);
  std::unique_ptr<ModifyQuery> bind_update(const ast::UpdateStmt& stmt);
  std::unique_ptr<ModifyQuery> bind_delete(const ast::DeleteStmt& stmt);

  // Binds a column DEFAULT expression (SQL text from the catalog) for a column of `type`.
  BoundExprPtr bind_default(const std::string& default_sql, DataType type);

  // Resolves a table name (schema-qualified or in the default schema) or throws 42P01.
  std::shared_ptr<const TableInfo> lookup_table(const ast::QualifiedName& name);
  // The same without the error: null when there is no such relation.
  std::shared_ptr<const TableInfo> find_table(const ast::QualifiedName& name);

  // A WITH query in scope named `name`, bound as the range-table entry of one reference
  // (cte_binder.cpp); nullopt when no WITH query has that name.
  std::optional<RangeEntry> bind_cte_reference(const std::string& name,
                                               const std::optional<ast::Alias>& alias, int location);

  // A column of an enclosing query (for a correlated subquery): an ExecParam that the
  // subquery expression bound in that query sets, or nullptr when no enclosing query has it.
  BoundExprPtr find_outer_column(const ast::ColumnRef& ref);

  // The enclosing query of a subquery expression being bound: the outer columns the
  // subquery reads become `params` (param id, column), and `correlated` is set when it reads
  // any column of this or an enclosing query.
  struct OuterScope {
    const Query* query;
    std::vector<std::pair<int, BoundExprPtr>>* params;
    bool* correlated;
  };
  std::vector<OuterScope>& outer_scopes() { return outer_scopes_; }
  int new_param_id() { return next_param_id_++; }

 private:
  friend class ExpressionBinder;
  // WITH queries visible where names are resolved, innermost last. While the recursive term
  // of a WITH RECURSIVE query is bound, its name means the work table `worktable_id`.
  struct CteScope {
    const ast::CommonTableExpr* cte = nullptr;
    bool recursive = false;
    bool being_bound = false;
    int worktable_id = -1;
    std::vector<std::string> column_names;
    std::vector<DataType> column_types;
    bool worktable_referenced = false;
  };
  class CteScopeGuard;

  std::unique_ptr<Query> bind_set_operation(const ast::SelectStmt& stmt);
  void bind_order_by(const ast::SelectStmt& stmt, Query& query, ExpressionBinder& binder, bool set_operation);
  void bind_distinct(const ast::SelectStmt& stmt, Query& query, ExpressionBinder& binder);
  BoundExprPtr bind_limit_clause(const ast::ExprPtr& expr, const char* clause);
  RangeEntry bind_cte_query(size_t scope_index);
  static bool plain_query(const ast::SelectStmt& stmt);
  RangeEntry bind_recursive_cte(size_t scope_index);

  std::vector<OuterScope> outer_scopes_;
  std::vector<CteScope> ctes_;
  int next_param_id_ = 0;
  int next_worktable_id_ = 0;
  // INSERT ... SELECT leaves untyped literals in the select list for the target columns to
  // type, as PostgreSQL does (INSERT INTO t SELECT NULL works for a date column).
  bool keep_unknown_targets_ = false;
  Catalog& catalog_;
  const Snapshot& snapshot_;
};

}  // namespace chalkdb
