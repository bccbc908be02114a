// Views in the binder: a view named in FROM is replaced by its stored query, bound afresh in
// a scope of its own, as PostgreSQL's rewriter replaces it by the _RETURN rule's query (the
// optimizer then flattens it like any subquery in FROM). While CREATE VIEW binds the query,
// the relations and table columns it reads are recorded for pg_depend.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "planner/binder.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"

namespace chalkdb {

namespace {

// Views nested deeper than this are taken for a cycle (CREATE OR REPLACE can make one).
constexpr int kMaxViewDepth = 100;

// Restores a value when the scope ends.
template <typename T>
class Restore {
 public:
  Restore(T& slot, T value) : slot_(slot), saved_(std::exchange(slot, std::move(value))) {}
  ~Restore() { slot_ = std::move(saved_); }
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;

 private:
  T& slot_;
  T saved_;
};

const ast::SelectStmt& single_select(const std::vector<ast::StmtPtr>& statements, const TableInfo& view) {
  if (statements.size() != 1 || statements[0]->kind != ast::StmtKind::Select) {
    throw SqlError(sqlstate::kInternalError,
                   fmt::format("stored query of view \"{}\" is not a SELECT", view.name));
  }
  return static_cast<const ast::SelectStmt&>(*statements[0]);
}

// Why PostgreSQL's view_query_is_auto_updatable refuses the view, or null if it does not.
const char* not_updatable_reason(const ast::SelectStmt& stmt, const Query& query) {
  if (stmt.distinct || !stmt.distinct_on.empty())
    return "Views containing DISTINCT are not automatically updatable.";
  if (!stmt.group_by.empty()) return "Views containing GROUP BY are not automatically updatable.";
  if (stmt.having) return "Views containing HAVING are not automatically updatable.";
  if (!stmt.with.empty()) return "Views containing WITH are not automatically updatable.";
  if (stmt.set_op != ast::SetOp::None)
    return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
  if (stmt.limit || stmt.offset)
    return "Views containing LIMIT or OFFSET are not automatically updatable.";
  if (query.has_aggregation)
    return "Views that return aggregate functions are not automatically updatable.";
  if (!query.window_calls.empty())
    return "Views that return window functions are not automatically updatable.";
  if (stmt.from.size() != 1 || stmt.from[0]->kind != ast::TableRefKind::Table)
    return "Views that do not select from a single table or view are not automatically updatable.";
  return nullptr;
}

std::string gerund(const char* action) {
  std::string_view text(action);
  if (text == "insert into") return "inserting into";
  if (text == "update") return "updating";
  return "deleting from";
}

std::string event_name(const char* action) {
  std::string_view text(action);
  if (text == "insert into") return "INSERT";
  if (text == "update") return "UPDATE";
  return "DELETE";
}

}  // namespace

std::unique_ptr<Query> Binder::bind_view_definition(const ast::SelectStmt& stmt,
                                                    std::vector<std::pair<Oid, int16_t>>& depends_on) {
  Restore<decltype(view_dependencies_)> sink(view_dependencies_, &depends_on);
  return bind_select(stmt);
}

std::unique_ptr<Query> Binder::bind_view_query(const TableInfo& view) {
  if (view_depth_ >= kMaxViewDepth) {
    throw SqlError(sqlstate::kInvalidObjectDefinition,
                   fmt::format("infinite recursion detected in rules for relation \"{}\"", view.name));
  }
  view_statements_.push_back(parse_sql(view.view->query));
  const ast::SelectStmt& stmt = single_select(view_statements_.back(), view);
  // The view's names mean what they meant where it was defined: no enclosing query's columns
  // or WITH queries, and no dependencies of the view being created beyond the view itself.
  Restore<decltype(outer_scopes_)> scopes(outer_scopes_, {});
  Restore<decltype(ctes_)> ctes(ctes_, {});
  Restore<decltype(view_dependencies_)> sink(view_dependencies_, nullptr);
  Restore<int> depth(view_depth_, view_depth_ + 1);
  std::unique_ptr<Query> query;
  try {
    query = bind_select(stmt);
  } catch (SqlError& error) {
    error.position.reset();  // a position in the stored text means nothing to the user
    throw;
  }
  // Columns a `*` in the view gained since (ALTER TABLE ADD COLUMN) are not the view's.
  if (query->targets.size() > view.columns.size()) query->targets.resize(view.columns.size());
  return query;
}

void Binder::reject_view_modification(const TableInfo& view, const char* action) {
  view_statements_.push_back(parse_sql(view.view->query));
  const ast::SelectStmt& stmt = single_select(view_statements_.back(), view);
  std::unique_ptr<Query> query = bind_view_query(view);
  const char* reason = not_updatable_reason(stmt, *query);
  if (!reason) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("cannot {} view \"{}\"", action, view.name))
        .with_detail("Automatically updatable views are not supported yet.");
  }
  throw SqlError(sqlstate::kFeatureNotSupported, fmt::format("cannot {} view \"{}\"", action, view.name))
      .with_detail(reason)
      .with_hint(fmt::format("To enable {} the view, provide an INSTEAD OF {} trigger or an "
                             "unconditional ON {} DO INSTEAD rule.",
                             gerund(action), event_name(action), event_name(action)));
}

void Binder::note_relation_use(Oid relation) {
  if (!view_dependencies_) return;
  std::pair<Oid, int16_t> use{relation, 0};
  if (std::find(view_dependencies_->begin(), view_dependencies_->end(), use) == view_dependencies_->end())
    view_dependencies_->push_back(use);
}

void Binder::note_column_use(const Query& query, const BoundExpr& column) {
  if (!view_dependencies_ || column.kind != BoundExprKind::Column || column.rte < 0) return;
  const RangeEntry& rte = query.range_table[static_cast<size_t>(column.rte)];
  if (!rte.table || column.attno < 0 || static_cast<size_t>(column.attno) >= rte.table->columns.size()) return;
  std::pair<Oid, int16_t> use{rte.table->oid, rte.table->columns[static_cast<size_t>(column.attno)].attnum};
  if (std::find(view_dependencies_->begin(), view_dependencies_->end(), use) == view_dependencies_->end())
    view_dependencies_->push_back(use);
}

}  // namespace chalkdb
