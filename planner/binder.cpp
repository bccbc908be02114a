#include "planner/binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/assignment_binder.h"
#include "planner/engine_call_binder.h"
#include "planner/expression_binder.h"
#include "planner/from_clause_binder.h"
#include "planner/grouping.h"
#include "planner/grouping_sets.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"
#include "sql/types/table_functions.h"
#include "sql/types/type_registry.h"
#include "storage/catalog/search_path.h"

namespace chalkdb {

namespace {

int position_of(int location) { return location + 1; }

[[noreturn]] void not_supported(const std::string& what, int location) {
  throw SqlError(sqlstate::kFeatureNotSupported, fmt::format("{} is not supported yet", what))
      .with_position(position_of(location));
}

}  // namespace

Binder::Binder(Catalog& catalog, const Snapshot& snapshot) : catalog_(catalog), snapshot_(snapshot) {}

std::shared_ptr<const TableInfo> Binder::find_table(const ast::QualifiedName& name) {
  std::shared_ptr<const TableInfo> table;
  try {
    table = SearchPath(catalog_, snapshot_).find_relation(name.schema, name.name);
  } catch (SqlError& error) {
    throw error.with_position(position_of(name.location));
  }
  if (table) resolved_relations_.push_back(table);
  return table;
}

std::shared_ptr<const TableInfo> Binder::lookup_table(const ast::QualifiedName& name) {
  auto table = find_table(name);
  if (!table) {
    std::string shown = name.schema ? fmt::format("{}.{}", *name.schema, name.name) : name.name;
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown))
        .with_position(position_of(name.location));
  }
  return table;
}

// ---- SELECT -----------------------------------------------------------------------------------

namespace {

void add_star_target(std::string name, BoundExprPtr expr, const Query& query,
                     std::vector<TargetEntry>& targets) {
  TargetEntry target;
  target.name = std::move(name);
  if (expr->kind == BoundExprKind::Column && expr->rte >= 0) {
    const RangeEntry& rte = query.range_table[expr->rte];
    if (rte.table) {
      target.table_oid = rte.table->oid;
      target.column_number = static_cast<int16_t>(expr->attno + 1);
    }
  }
  target.expr = std::move(expr);
  targets.push_back(std::move(target));
}

// `*` expands to the FROM items' columns (JOIN ... USING columns once); `t.*` to t's.
void expand_star(const ast::Star& star, const Query& query, const std::vector<FromColumn>& from_columns,
                 std::vector<TargetEntry>& targets) {
  if (!star.table) {
    if (query.range_table.empty()) {
      throw SqlError(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid")
          .with_position(position_of(star.location));
    }
    for (const auto& column : from_columns) add_star_target(column.name, column.expr, query, targets);
    return;
  }
  for (size_t r = 0; r < query.range_table.size(); ++r) {
    const RangeEntry& rte = query.range_table[r];
    if (rte.alias != *star.table) continue;
    for (size_t c = 0; c < rte.visible_columns; ++c) {
      add_star_target(rte.column_names[c],
                      make_column(static_cast<int>(r), static_cast<int>(c), rte.column_types[c],
                                  rte.column_names[c], rte.alias),
                      query, targets);
    }
    return;
  }
  throw SqlError(sqlstate::kUndefinedTable,
                 fmt::format("missing FROM-clause entry for table \"{}\"", *star.table))
      .with_position(position_of(star.location));
}

// Every visible column of every range-table entry, in order: what `*` means in RETURNING,
// where the target table comes first and FROM / USING items follow.
std::vector<FromColumn> range_table_columns(const Query& query) {
  std::vector<FromColumn> columns;
  for (size_t r = 0; r < query.range_table.size(); ++r) {
    const RangeEntry& rte = query.range_table[r];
    for (size_t c = 0; c < rte.visible_columns; ++c) {
      columns.push_back({rte.column_names[c], make_column(static_cast<int>(r), static_cast<int>(c),
                                                          rte.column_types[c], rte.column_names[c], rte.alias)});
    }
  }
  return columns;
}

TargetEntry make_target(const ast::ResultTarget& item, BoundExprPtr expr, const Query& query,
                        bool keep_unknown) {
  TargetEntry target;
  target.name = item.alias.value_or(figure_column_name(*item.expr));
  if (expr->kind == BoundExprKind::Column && expr->rte >= 0) {
    const RangeEntry& rte = query.range_table[expr->rte];
    if (rte.table && static_cast<size_t>(expr->attno) < rte.visible_columns) {
      target.table_oid = rte.table->oid;
      target.column_number = static_cast<int16_t>(expr->attno + 1);
    }
  }
  target.expr = keep_unknown ? expr : ExpressionBinder::resolve_unknown(expr);
  return target;
}

bool names_input_column(const ast::Expr& expr, const Query& query) {
  if (expr.kind != ast::ExprKind::ColumnRef) return false;
  const auto& ref = static_cast<const ast::ColumnRef&>(expr);
  if (ref.names.size() != 1) return false;
  for (const auto& rte : query.range_table) {
    auto end = rte.column_names.begin() + static_cast<std::ptrdiff_t>(rte.visible_columns);
    if (std::find(rte.column_names.begin(), end, ref.names[0]) != end) return true;
  }
  return false;
}

// WINDOW w AS (...), w AS (...): 42P20 at the second definition.
void check_window_names(const std::vector<ast::WindowSpec>& windows) {
  for (size_t i = 0; i < windows.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (windows[j].name == windows[i].name) {
        throw SqlError(sqlstate::kWindowingError,
                       fmt::format("window \"{}\" is already defined", *windows[i].name))
            .with_position(position_of(windows[i].location));
      }
    }
  }
}

// ORDER BY / GROUP BY items that name an output column or give its position (PostgreSQL's
// findTargetlistEntrySQL92). Returns -1 when the item is an ordinary expression.
int find_target_reference(const ast::Expr& expr, const std::vector<TargetEntry>& targets,
                          const char* clause) {
  if (expr.kind == ast::ExprKind::Literal) {
    const auto& lit = static_cast<const ast::Literal&>(expr);
    if (lit.literal_kind != ast::LiteralKind::Integer) return -1;
    long position = std::stol(lit.text);
    if (position < 1 || static_cast<size_t>(position) > targets.size()) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     fmt::format("{} position {} is not in select list", clause, position))
          .with_position(position_of(expr.location));
    }
    return static_cast<int>(position - 1);
  }
  if (expr.kind == ast::ExprKind::ColumnRef) {
    const auto& ref = static_cast<const ast::ColumnRef&>(expr);
    if (ref.names.size() != 1) return -1;
    int found = -1;
    for (size_t i = 0; i < targets.size(); ++i) {
      if (targets[i].name != ref.names[0]) continue;
      if (found >= 0 && !same_expression(*targets[found].expr, *targets[i].expr)) {
        throw SqlError(sqlstate::kAmbiguousColumn,
                       fmt::format("{} \"{}\" is ambiguous", clause, ref.names[0]))
            .with_position(position_of(expr.location));
      }
      if (found < 0) found = static_cast<int>(i);
    }
    return found;
  }
  return -1;
}


}  // namespace

BoundExprPtr Binder::bind_limit_clause(const ast::ExprPtr& expr, const char* clause) {
  if (!expr) return nullptr;
  Query empty;
  ExpressionBinder limit_binder(*this, empty);
  limit_binder.set_clause(clause, false);
  auto bound = limit_binder.bind(*expr);
  return ExpressionBinder::coerce(bound, DataType{TypeId::Int8}, CastContext::Implicit);
}

// Where an expression's text starts (a binary operator's own location is the operator's).
static int leftmost_location(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Binary) return leftmost_location(*static_cast<const ast::Binary&>(expr).left);
  return expr.location;
}

// Makes a statement's WITH queries visible while it is bound.
class Binder::CteScopeGuard {
 public:
  CteScopeGuard(std::vector<CteScope>& scopes, const ast::SelectStmt& stmt)
      : scopes_(scopes), size_(scopes.size()) {
    for (const auto& cte : stmt.with) {
      for (size_t i = size_; i < scopes_.size(); ++i) {
        if (scopes_[i].cte->name == cte.name) {
          throw SqlError(sqlstate::kDuplicateAlias,
                         fmt::format("WITH query name \"{}\" specified more than once", cte.name))
              .with_position(position_of(cte.location));
        }
      }
      CteScope scope;
      scope.cte = &cte;
      scope.recursive = stmt.with_recursive;
      scopes_.push_back(std::move(scope));
    }
  }
  ~CteScopeGuard() { scopes_.resize(size_); }
  CteScopeGuard(const CteScopeGuard&) = delete;
  CteScopeGuard& operator=(const CteScopeGuard&) = delete;

 private:
  std::vector<CteScope>& scopes_;
  size_t size_;
};

std::unique_ptr<Query> Binder::bind_select(const ast::SelectStmt& stmt) {
  CteScopeGuard with(ctes_, stmt);
  if (stmt.set_op != ast::SetOp::None) return bind_set_operation(stmt);
  // A one-row VALUES list is a select list without FROM (columns column1, column2, ...).
  if (stmt.values.size() > 1) not_supported("VALUES as a query", stmt.location);

  bool keep_unknown = keep_unknown_targets_;
  keep_unknown_targets_ = false;  // only for the outermost select list
  auto query = std::make_unique<Query>();
  FromClauseBinder from(*this, *query);
  for (const auto& ref : stmt.from) from.add(*ref);

  ExpressionBinder binder(*this, *query);
  check_window_names(stmt.windows);
  binder.set_named_windows(&stmt.windows);
  binder.set_clause("SELECT", true);
  binder.allow_window_functions(true);
  binder.allow_set_functions(true);
  if (stmt.values.size() == 1) {
    for (size_t i = 0; i < stmt.values[0].size(); ++i) {
      if (!stmt.values[0][i])
        throw SqlError(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context");
      TargetEntry target;
      target.name = fmt::format("column{}", i + 1);
      target.expr = ExpressionBinder::resolve_unknown(binder.bind(*stmt.values[0][i]));
      query->targets.push_back(std::move(target));
    }
  }
  for (const auto& item : stmt.targets) {
    if (item.expr->kind == ast::ExprKind::Star) {
      size_t first = query->targets.size();
      expand_star(static_cast<const ast::Star&>(*item.expr), *query, from.star_columns(), query->targets);
      for (size_t t = first; t < query->targets.size(); ++t) note_column_use(*query, *query->targets[t].expr);
      continue;
    }
    query->targets.push_back(make_target(item, binder.bind(*item.expr), *query, keep_unknown));
  }

  binder.allow_window_functions(false);
  binder.allow_set_functions(false);
  if (stmt.where) {
    binder.set_clause("WHERE", false);
    auto where = ExpressionBinder::coerce_to_boolean(binder.bind(*stmt.where), "WHERE");
    flatten_conjunction(where, query->quals);
  }

  binder.set_clause("GROUP BY", false);
  bind_group_by(stmt.group_by, *query, [&](const ast::Expr& item) {
    // In GROUP BY a name of an input column wins over an output column's (PostgreSQL's rule).
    int target = names_input_column(item, *query) ? -1 : find_target_reference(item, query->targets, "GROUP BY");
    auto key = target >= 0 ? query->targets[target].expr
                           : ExpressionBinder::resolve_unknown(binder.bind(item));
    if (key->kind == BoundExprKind::AggregateRef) {
      throw SqlError(sqlstate::kGroupingError, "aggregate functions are not allowed in GROUP BY")
          .with_position(position_of(item.location));
    }
    return key;
  });
  if (!stmt.group_by.empty()) query->has_aggregation = true;

  if (stmt.having) {
    binder.set_clause("HAVING", true);
    query->having = ExpressionBinder::coerce_to_boolean(binder.bind(*stmt.having), "HAVING");
    query->has_aggregation = true;
  }

  bind_order_by(stmt, *query, binder, false);
  bind_distinct(stmt, *query, binder);

  if (query->has_aggregation) apply_grouping(*query);

  query->limit = bind_limit_clause(stmt.limit, "LIMIT");
  query->offset = bind_limit_clause(stmt.offset, "OFFSET");
  query->limit_with_ties = stmt.limit_with_ties;
  if (stmt.limit_with_ties && stmt.order_by.empty()) {
    throw SqlError(sqlstate::kSyntaxError, "WITH TIES cannot be specified without ORDER BY clause");
  }
  return query;
}

void Binder::bind_order_by(const ast::SelectStmt& stmt, Query& query, ExpressionBinder& binder,
                           bool set_operation) {
  binder.set_clause("ORDER BY", true);
  binder.allow_window_functions(true);
  for (const auto& item : stmt.order_by) {
    SortKey key;
    int target = find_target_reference(*item.expr, query.targets, "ORDER BY");
    if (target < 0 && set_operation && item.expr->kind != ast::ExprKind::ColumnRef) {
      throw SqlError(sqlstate::kFeatureNotSupported, "invalid UNION/INTERSECT/EXCEPT ORDER BY clause")
          .with_detail("Only result column names can be used, not expressions or functions.")
          .with_hint("Add the expression/function to every SELECT, or move the UNION into a FROM clause.")
          .with_position(position_of(leftmost_location(*item.expr)));
    }
    key.expr = target >= 0 ? query.targets[target].expr
                           : ExpressionBinder::resolve_unknown(binder.bind(*item.expr));
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    query.order_by.push_back(std::move(key));
  }
}

// SELECT DISTINCT groups by the whole select list (as PostgreSQL plans it); DISTINCT ON keeps
// the first row of each group of leading ORDER BY keys.
void Binder::bind_distinct(const ast::SelectStmt& stmt, Query& query, ExpressionBinder& binder) {
  if (!stmt.distinct) return;
  auto in_targets = [&](const BoundExprPtr& e) {
    return std::any_of(query.targets.begin(), query.targets.end(),
                       [&](const TargetEntry& t) { return same_expression(*t.expr, *e); });
  };
  if (stmt.distinct_on.empty()) {
    for (size_t i = 0; i < query.order_by.size(); ++i) {
      if (!in_targets(query.order_by[i].expr)) {
        throw SqlError(sqlstate::kInvalidColumnReference,
                       "for SELECT DISTINCT, ORDER BY expressions must appear in select list")
            .with_position(position_of(stmt.order_by[i].expr->location));
      }
    }
    if (query.has_aggregation) {
      query.distinct = true;
      return;
    }
    for (const auto& target : query.targets) {
      bool seen = std::any_of(query.group_keys.begin(), query.group_keys.end(),
                              [&](const BoundExprPtr& k) { return same_expression(*k, *target.expr); });
      if (!seen) query.group_keys.push_back(target.expr);
    }
    query.has_aggregation = true;
    return;
  }
  binder.set_clause("DISTINCT ON", true);
  for (const auto& item : stmt.distinct_on) {
    int target = find_target_reference(*item, query.targets, "SELECT DISTINCT ON");
    query.distinct_on.push_back(target >= 0 ? query.targets[target].expr
                                            : ExpressionBinder::resolve_unknown(binder.bind(*item)));
  }
  // The leading ORDER BY keys must be the DISTINCT ON keys (in any order); the DISTINCT ON
  // keys not in ORDER BY are sorted on after them.
  size_t leading = std::min(query.order_by.size(), query.distinct_on.size());
  for (size_t i = 0; i < leading; ++i) {
    bool match = std::any_of(query.distinct_on.begin(), query.distinct_on.end(), [&](const BoundExprPtr& k) {
      return same_expression(*k, *query.order_by[i].expr);
    });
    if (!match) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     "SELECT DISTINCT ON expressions must match initial ORDER BY expressions")
          .with_position(position_of(stmt.distinct_on[0]->location));
    }
  }
  std::vector<SortKey> keys(query.order_by.begin(), query.order_by.begin() + static_cast<long>(leading));
  for (const auto& key : query.distinct_on) {
    bool present = std::any_of(keys.begin(), keys.end(),
                               [&](const SortKey& k) { return same_expression(*k.expr, *key); });
    if (!present) keys.push_back(SortKey{key, false, false});
  }
  if (keys.size() > leading && leading < query.order_by.size()) {
    throw SqlError(sqlstate::kInvalidColumnReference,
                   "SELECT DISTINCT ON expressions must match initial ORDER BY expressions")
        .with_position(position_of(stmt.distinct_on[0]->location));
  }
  keys.insert(keys.end(), query.order_by.begin() + static_cast<long>(leading), query.order_by.end());
  query.order_by = std::move(keys);
}

// ---- INSERT / UPDATE / DELETE ------------------------------------------------------------------

BoundExprPtr Binder::bind_default(const std::string& default_sql, DataType type) {
  auto statements = parse_sql("SELECT " + default_sql);
  const auto& select = static_cast<const ast::SelectStmt&>(*statements.at(0));
  Query empty;
  ExpressionBinder binder(*this, empty);
  binder.set_clause("DEFAULT expressions", false);
  return ExpressionBinder::coerce(binder.bind(*select.targets.at(0).expr), type,
                                  CastContext::Assignment);
}

namespace {

// The columns an INSERT names, as indexes into the table's columns.
std::vector<int> insert_target_columns(const ast::InsertStmt& stmt, const TableInfo& table) {
  std::vector<int> columns;
  if (stmt.columns.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) columns.push_back(static_cast<int>(i));
    return columns;
  }
  for (size_t i = 0; i < stmt.columns.size(); ++i) {
    const std::string& name = stmt.columns[i];
    int location = i < stmt.column_locations.size() ? stmt.column_locations[i] : stmt.location;
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [&](const ColumnInfo& c) { return c.name == name; });
    if (it == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn,
                     fmt::format("column \"{}\" of relation \"{}\" does not exist", name, table.name))
          .with_position(position_of(location));
    }
    int index = static_cast<int>(it - table.columns.begin());
    if (std::find(columns.begin(), columns.end(), index) != columns.end()) {
      throw SqlError(sqlstate::kDuplicateColumn,
                     fmt::format("column \"{}\" specified more than once", name))
          .with_position(position_of(location));
    }
    columns.push_back(index);
  }
  return columns;
}

// Whether a value the INSERT gives `column` is stored: OVERRIDING USER VALUE drops the values
// of identity columns (they take the sequence's), and a GENERATED ALWAYS column accepts one
// only with OVERRIDING SYSTEM VALUE (428C9), as PostgreSQL's rewriteTargetListIU.
bool takes_given_value(const ast::InsertStmt& stmt, const ColumnInfo& column) {
  if (column.identity == '\0') return true;
  if (stmt.overriding == ast::InsertStmt::Overriding::UserValue) return false;
  if (column.identity == 'a' && stmt.overriding != ast::InsertStmt::Overriding::SystemValue)
    throw_generated_always(column, false);
  return true;
}

void check_insert_arity(size_t expressions, size_t targets, const ast::InsertStmt& stmt,
                        int first_extra_location) {
  if (expressions > targets) {
    throw SqlError(sqlstate::kSyntaxError, "INSERT has more expressions than target columns")
        .with_position(position_of(first_extra_location));
  }
  // Without a column list, missing trailing values take their defaults.
  if (expressions < targets && !stmt.columns.empty()) {
    int location = stmt.columns.empty() || targets - 1 >= stmt.column_locations.size()
                       ? stmt.location
                       : stmt.column_locations[expressions];
    throw SqlError(sqlstate::kSyntaxError, "INSERT has more target columns than expressions")
        .with_position(position_of(location));
  }
}

// (rte, attno) of every column of an entry other than the target (entry 0) that `expr` reads.
void collect_other_columns(const BoundExpr& expr, std::vector<std::pair<int, int>>& columns) {
  if (expr.kind == BoundExprKind::Column && expr.rte > 0) {
    auto column = std::make_pair(expr.rte, expr.attno);
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
  }
  for (const auto& arg : expr.args)
    if (arg) collect_other_columns(*arg, columns);
}

// RETURNING: bound against `query`'s range table, whose entry 0 is the target table.
void bind_returning(Binder& binder, const std::vector<ast::ResultTarget>& items, Query& query,
                    ModifyQuery& modify) {
  ExpressionBinder expressions(binder, query);
  expressions.set_clause("RETURNING", false);
  for (const auto& item : items) {
    if (item.expr->kind == ast::ExprKind::Star) {
      expand_star(static_cast<const ast::Star&>(*item.expr), query, range_table_columns(query), modify.returning);
      continue;
    }
    modify.returning.push_back(make_target(item, expressions.bind(*item.expr), query, false));
  }
  for (const auto& target : modify.returning) collect_other_columns(*target.expr, modify.returning_inputs);
}

// The source's output after the row id: the other entries' columns RETURNING reads.
void add_returning_inputs(ModifyQuery& modify) {
  Query& query = *modify.source;
  for (auto [rte, attno] : modify.returning_inputs) {
    const RangeEntry& entry = query.range_table[rte];
    query.targets.push_back(TargetEntry{make_column(rte, attno, entry.column_types[attno],
                                                    entry.column_names[attno], entry.alias),
                                        entry.column_names[attno], 0, 0});
  }
}

}  // namespace

std::unique_ptr<ModifyQuery> Binder::bind_insert(const ast::InsertStmt& stmt) {
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Insert;
  modify->table = lookup_table(stmt.table);
  const TableInfo& table = *modify->table;
  if (table.relkind == kRelkindView) reject_view_modification(table, "insert into");
  if (stmt.alias) modify->target_alias = *stmt.alias;
  bind_on_conflict_update(stmt, *modify);
  if (!stmt.returning.empty()) {
    Query target;
    std::optional<ast::Alias> alias;
    if (stmt.alias) alias = ast::Alias{*stmt.alias, {}};
    target.range_table.push_back(table_entry(modify->table, alias));
    bind_returning(*this, stmt.returning, target, *modify);
  }
  std::vector<int> targets = insert_target_columns(stmt, table);

  auto default_row = [&]() {
    std::vector<BoundExprPtr> row;
    for (const auto& column : table.columns) row.push_back(bind_column_default(*this, table, column));
    return row;
  };

  if (!stmt.source) {
    modify->values_rows.push_back(default_row());
    return modify;
  }
  if (!stmt.source->values.empty()) {
    Query empty;
    ExpressionBinder binder(*this, empty);
    binder.set_clause("VALUES", false);
    for (const auto& values : stmt.source->values) {
      check_insert_arity(values.size(), targets.size(), stmt,
                         values.size() > targets.size() && values[targets.size()]
                             ? values[targets.size()]->location
                             : stmt.location);
      auto row = default_row();
      for (size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;  // DEFAULT
        const ColumnInfo& column = table.columns[targets[i]];
        if (!takes_given_value(stmt, column)) continue;
        row[targets[i]] = ExpressionBinder::coerce_for_column(binder.bind(*values[i]), column.type,
                                                               column.name, values[i]->location);
      }
      modify->values_rows.push_back(std::move(row));
    }
    return modify;
  }

  keep_unknown_targets_ = true;
  modify->source = bind_select(*stmt.source);
  keep_unknown_targets_ = false;
  auto& source_targets = modify->source->targets;
  check_insert_arity(source_targets.size(), targets.size(), stmt,
                     source_targets.size() > targets.size()
                         ? std::max(0, source_targets[targets.size()].expr->location)
                         : stmt.location);
  modify->row = default_row();
  for (size_t i = 0; i < source_targets.size(); ++i) {
    const ColumnInfo& column = table.columns[targets[i]];
    if (!takes_given_value(stmt, column)) continue;
    if (source_targets[i].expr->type.id == TypeId::Unknown) {
      source_targets[i].expr = ExpressionBinder::coerce_for_column(
          source_targets[i].expr, column.type, column.name, std::max(0, source_targets[i].expr->location));
    }
    auto input = std::const_pointer_cast<BoundExpr>(
        make_column(-1, static_cast<int>(i), source_targets[i].expr->type, source_targets[i].name, ""));
    input->slot = static_cast<int>(i);
    input->location = source_targets[i].expr->location;
    modify->row[targets[i]] =
        ExpressionBinder::coerce_for_column(input, column.type, column.name, std::max(0, input->location));
  }
  return modify;
}

namespace {

// The target table as range-table entry 0, then the UPDATE ... FROM / DELETE ... USING items,
// and the WHERE conjuncts.
std::unique_ptr<Query> bind_modify_source(Binder& binder, const ast::QualifiedName& name,
                                          const std::optional<std::string>& alias,
                                          const std::vector<ast::TableRefPtr>& from,
                                          const ast::ExprPtr& where,
                                          std::shared_ptr<const TableInfo>& table) {
  table = binder.lookup_table(name);
  auto query = std::make_unique<Query>();
  std::optional<ast::Alias> table_alias;
  if (alias) table_alias = ast::Alias{*alias, {}};
  query->range_table.push_back(table_entry(table, table_alias));
  auto target = std::make_shared<JoinTreeNode>();  // the target joins the FROM / USING items
  target->rte = 0;
  query->from.push_back(std::move(target));
  FromClauseBinder from_binder(binder, *query);
  for (const auto& ref : from) from_binder.add(*ref);
  if (where) {
    ExpressionBinder where_binder(binder, *query);
    where_binder.set_clause("WHERE", false);
    auto condition = ExpressionBinder::coerce_to_boolean(where_binder.bind(*where), "WHERE");
    flatten_conjunction(condition, query->quals);
  }
  return query;
}

TargetEntry row_id_target(const Query& query) {
  const RangeEntry& rte = query.range_table[0];
  int ctid = static_cast<int>(rte.visible_columns);
  return TargetEntry{make_column(0, ctid, DataType{TypeId::Tid}, "ctid", rte.alias), "ctid", 0, 0};
}


}  // namespace

std::unique_ptr<ModifyQuery> Binder::bind_update(const ast::UpdateStmt& stmt) {
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Update;
  modify->source =
      bind_modify_source(*this, stmt.table, stmt.alias, stmt.from, stmt.where, modify->table);
  Query& query = *modify->source;
  const TableInfo& table = *modify->table;
  if (table.relkind == kRelkindView) reject_view_modification(table, "update");

  std::vector<BoundExprPtr> row;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    row.push_back(make_column(0, static_cast<int>(c), table.columns[c].type, table.columns[c].name,
                              query.range_table[0].alias));
  }
  ExpressionBinder binder(*this, query);
  binder.set_clause("UPDATE", false);
  bind_assignments(*this, binder, stmt.set, table, row);
  for (auto& expr : row) query.targets.push_back(TargetEntry{expr, "", 0, 0});
  query.targets.push_back(row_id_target(query));
  bind_returning(*this, stmt.returning, query, *modify);
  add_returning_inputs(*modify);
  return modify;
}

std::unique_ptr<ModifyQuery> Binder::bind_delete(const ast::DeleteStmt& stmt) {
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Delete;
  modify->source = bind_modify_source(*this, stmt.table, stmt.alias, stmt.using_tables,
                                      stmt.where, modify->table);
  if (modify->table->relkind == kRelkindView) reject_view_modification(*modify->table, "delete from");
  Query& query = *modify->source;
  bind_returning(*this, stmt.returning, query, *modify);
  if (!modify->returning.empty()) {  // RETURNING reads the old row
    const RangeEntry& target = query.range_table[0];
    for (size_t c = 0; c < target.visible_columns; ++c) {
      query.targets.push_back(TargetEntry{make_column(0, static_cast<int>(c), target.column_types[c],
                                                      target.column_names[c], target.alias),
                                          "", 0, 0});
    }
  }
  query.targets.push_back(row_id_target(query));
  add_returning_inputs(*modify);
  return modify;
}

}  // namespace chalkdb
