// FromClauseBinder: binds a FROM clause into the Query's range table and join tree.
//
// Tables, generate_series, subqueries and WITH queries become range-table entries; joins
// become JoinTreeNodes carrying their ON / USING conditions. JOIN ... USING and NATURAL JOIN
// merge the named columns as PostgreSQL does: `SELECT *` shows each once, first, and an
// unqualified reference means the left column (the right one for RIGHT JOIN, COALESCE of
// both for FULL JOIN). LATERAL subqueries and functions read earlier items' columns through
// exec params. Table functions other than generate_series and a join alias ((a JOIN b) AS j)
// are not supported.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "planner/binder.h"
#include "planner/query.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// A table's range-table entry: its columns, then the system column ctid (not expanded by *).
RangeEntry table_entry(std::shared_ptr<const TableInfo> table, const std::optional<ast::Alias>& alias);

// Renames the first columns of `rte` as `AS alias(a, b, ...)` does (42P10 if too many).
void apply_column_aliases(RangeEntry& rte, const std::vector<std::string>& columns);

// One column `SELECT *` expands to.
struct FromColumn {
  std::string name;
  BoundExprPtr expr;
};

class FromClauseBinder {
 public:
  FromClauseBinder(Binder& binder, Query& query) : binder_(binder), query_(query) {}

  // Binds one FROM item and appends it to the query's join tree.
  void add(const ast::TableRef& ref);
  // The columns of every FROM item, in order, as an unqualified `*` shows them.
  const std::vector<FromColumn>& star_columns() const { return star_columns_; }

  // generate_series(int4, int4 [, int4]) → int4; int8 → int8; numeric → numeric (also in
  // the select list).
  static DataType generate_series_type(const std::vector<BoundExprPtr>& args, const ast::FuncCall& call);

 private:
  struct Item {
    std::shared_ptr<JoinTreeNode> node;
    std::vector<FromColumn> columns;
  };

  Item bind_item(const ast::TableRef& ref);
  Item add_entry(RangeEntry rte);
  Item bind_table(const ast::BaseTable& table);
  Item bind_view(const ast::BaseTable& base, std::shared_ptr<const TableInfo> view);
  Item bind_function(const ast::FunctionTable& ref);
  Item bind_table_function(const ast::FunctionTable& ref);
  const EngineFunction* engine_relation(const ast::QualifiedName& name);
  static RangeEntry engine_function_entry(const EngineFunction& function, std::vector<BoundExprPtr> args,
                                          const std::optional<ast::Alias>& alias, const std::string& name);
  Item bind_subselect(const ast::Subselect& ref);
  Item bind_join(const ast::Join& join);
  template <typename Bind>
  auto with_lateral_scope(RangeEntry& rte, Bind&& bind);
  void merge_column(const std::string& name, const Item& left, const Item& right, JoinTreeNode& node,
                    std::vector<FromColumn>& merged, int location);
  static const FromColumn& find_join_column(const std::string& name, const Item& item,
                                            const char* side, int location);

  Binder& binder_;
  Query& query_;
  std::vector<FromColumn> star_columns_;
};

}  // namespace chalkdb
