#include "planner/assignment_binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/binder_support.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/owned_sequence.h"

namespace chalkdb {

using binder_support::position_of;

void bind_assignments(Binder& binder, ExpressionBinder& expressions,
                      const std::vector<ast::SetClause>& set, const TableInfo& table,
                      std::vector<BoundExprPtr>& row) {
  std::set<std::string> assigned;
  for (const auto& clause : set) {
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [&](const ColumnInfo& c) { return c.name == clause.column; });
    if (it == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn,
                     fmt::format("column \"{}\" of relation \"{}\" does not exist", clause.column,
                                 table.name))
          .with_position(position_of(clause.location));
    }
    // PostgreSQL finds this in the rewriter, which reports no position.
    if (!assigned.insert(clause.column).second) {
      throw SqlError(sqlstate::kSyntaxError,
                     fmt::format("multiple assignments to same column \"{}\"", clause.column));
    }
    if (clause.value && it->identity == 'a') throw_generated_always(*it, true);
    size_t c = static_cast<size_t>(it - table.columns.begin());
    row[c] = clause.value
                 ? ExpressionBinder::coerce_for_column(expressions.bind(*clause.value), it->type,
                                                       it->name, clause.value->location)
                 : bind_column_default(binder, table, *it);
  }
}

BoundExprPtr bind_column_default(Binder& binder, const TableInfo& table, const ColumnInfo& column) {
  if (std::optional<std::string> sql = column_default_sql(table, column))
    return binder.bind_default(*sql, column.type);
  return make_constant(Value::null(column.type.id), column.type);
}

void throw_generated_always(const ColumnInfo& column, bool update) {
  std::string message =
      update ? fmt::format("column \"{}\" can only be updated to DEFAULT", column.name)
             : fmt::format("cannot insert a non-DEFAULT value into column \"{}\"", column.name);
  SqlError error(sqlstate::kGeneratedAlways, std::move(message));
  error.with_detail(fmt::format("Column \"{}\" is an identity column defined as GENERATED ALWAYS.",
                                column.name));
  if (!update) error.with_hint("Use OVERRIDING SYSTEM VALUE to override.");
  throw error;
}

}  // namespace chalkdb
