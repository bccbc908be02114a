#include "planner/binder.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "planner/expression_binder.h"
#include "planner/grouping.h"
#include "planner/grouping_sets.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr const char* kDefaultSchema = "public";

int position_of(int location) { return location + 1; }

[[noreturn]] void not_supported(const std::string& what, int location) {
  throw SqlError(sqlstate::kFeatureNotSupported, fmt::format("{} is not supported yet", what))
      .with_position(position_of(location));
}

RangeEntry table_entry(std::shared_ptr<const TableInfo> table, const std::optional<ast::Alias>& alias) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Table;
  rte.alias = alias ? alias->name : table->name;
  for (const auto& column : table->columns) {
    rte.column_names.push_back(column.name);
    rte.column_types.push_back(column.type);
  }
  if (alias) {
    if (alias->columns.size() > rte.column_names.size()) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     fmt::format("table \"{}\" has {} columns available but {} columns specified",
                                 rte.alias, rte.column_names.size(), alias->columns.size()));
    }
    std::copy(alias->columns.begin(), alias->columns.end(), rte.column_names.begin());
  }
  rte.visible_columns = rte.column_names.size();
  rte.column_names.push_back("ctid");
  rte.column_types.push_back(DataType{TypeId::Tid});
  rte.table = std::move(table);
  return rte;
}

}  // namespace

Binder::Binder(Catalog& catalog, const Snapshot& snapshot) : catalog_(catalog), snapshot_(snapshot) {}

std::shared_ptr<const TableInfo> Binder::lookup_table(const ast::QualifiedName& name) {
  std::string schema = name.schema.value_or(kDefaultSchema);
  auto table = catalog_.find_relation(schema, name.name, snapshot_);
  if (!table && !name.schema) table = catalog_.find_relation("pg_catalog", name.name, snapshot_);
  if (!table) {
    std::string shown = name.schema ? fmt::format("{}.{}", *name.schema, name.name) : name.name;
    throw SqlError(sqlstate::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown))
        .with_position(position_of(name.location));
  }
  return table;
}

// ---- FROM -------------------------------------------------------------------------------------

class FromClauseBinder {
 public:
  FromClauseBinder(Binder& binder, Query& query) : binder_(binder), query_(query) {}

  void add(const ast::TableRef& ref) {
    switch (ref.kind) {
      case ast::TableRefKind::Table: {
        const auto& base = static_cast<const ast::BaseTable&>(ref);
        add_entry(table_entry(binder_.lookup_table(base.name), base.alias), ref.location);
        break;
      }
      case ast::TableRefKind::Function:
        add_function(static_cast<const ast::FunctionTable&>(ref));
        break;
      case ast::TableRefKind::Join:
        add_join(static_cast<const ast::Join&>(ref));
        break;
      case ast::TableRefKind::Subselect:
        not_supported("a subquery in FROM", ref.location);
    }
  }

 private:
  void add_entry(RangeEntry rte, int /*location*/) {
    for (const auto& existing : query_.range_table) {
      if (existing.alias == rte.alias) {
        // PostgreSQL reports this one without a position.
        throw SqlError(sqlstate::kDuplicateAlias,
                       fmt::format("table name \"{}\" specified more than once", rte.alias));
      }
    }
    query_.range_table.push_back(std::move(rte));
  }

  void add_function(const ast::FunctionTable& ref) {
    const ast::FuncCall& call = *ref.call;
    const std::string& name = call.name.back();
    if (name != "generate_series") not_supported(fmt::format("function {} in FROM", name), ref.location);
    Query empty;
    ExpressionBinder args_binder(binder_, empty);
    args_binder.set_clause("functions in FROM", false);
    RangeEntry rte;
    rte.kind = RangeEntry::Kind::Function;
    rte.function_name = name;
    for (const auto& arg : call.args) rte.function_args.push_back(args_binder.bind(*arg));
    DataType type = generate_series_type(rte.function_args, call);
    for (auto& arg : rte.function_args)
      arg = ExpressionBinder::coerce(arg, type, CastContext::Implicit);
    rte.alias = ref.alias ? ref.alias->name : name;
    std::string column = name;
    if (ref.alias) column = ref.alias->columns.empty() ? ref.alias->name : ref.alias->columns[0];
    rte.column_names = {column};
    rte.column_types = {type};
    rte.visible_columns = 1;
    add_entry(std::move(rte), ref.location);
  }

  // generate_series(int4, int4 [, int4]) → int4; with int8 args → int8; numeric → numeric.
  static DataType generate_series_type(const std::vector<BoundExprPtr>& args,
                                       const ast::FuncCall& call) {
    bool ok = args.size() == 2 || args.size() == 3;
    TypeId widest = TypeId::Int4;
    for (const auto& arg : args) {
      TypeId t = arg->type.id;
      if (t == TypeId::Int8 || (t == TypeId::Numeric && widest != TypeId::Numeric)) widest = t;
      if (t == TypeId::Numeric) widest = TypeId::Numeric;
      if (t != TypeId::Int2 && t != TypeId::Int4 && t != TypeId::Int8 && t != TypeId::Numeric &&
          t != TypeId::Unknown)
        ok = false;
    }
    if (!ok) {
      std::vector<std::string> types;
      for (const auto& arg : args) types.push_back(format_type(arg->type));
      throw SqlError(sqlstate::kUndefinedFunction,
                     fmt::format("function generate_series({}) does not exist",
                                 fmt::join(types, ", ")))
          .with_hint("No function matches the given name and argument types. You might need to "
                     "add explicit type casts.")
          .with_position(position_of(call.location));
    }
    return DataType{widest};
  }

  void add_join(const ast::Join& join) {
    if (join.join_kind != ast::JoinKind::Inner && join.join_kind != ast::JoinKind::Cross)
      not_supported("outer joins", join.location);
    add(*join.left);
    size_t left_end = query_.range_table.size();
    add(*join.right);
    if (join.natural) not_supported("NATURAL JOIN", join.location);
    if (join.on) {
      ExpressionBinder on_binder(binder_, query_);
      on_binder.set_clause("JOIN conditions", false);
      auto condition = ExpressionBinder::coerce_to_boolean(on_binder.bind(*join.on), "JOIN/ON");
      flatten_conjunction(condition, query_.quals);
    }
    for (const auto& column : join.using_columns) add_using_condition(column, left_end, join.location);
  }

  void add_using_condition(const std::string& column, size_t left_end, int location) {
    auto left = find_column(column, 0, left_end, "left", location);
    auto right = find_column(column, left_end, query_.range_table.size(), "right", location);
    ast::ColumnRef left_ref(location), right_ref(location);
    left_ref.names = {query_.range_table[left.first].alias, column};
    right_ref.names = {query_.range_table[right.first].alias, column};
    ast::Binary eq(location);
    eq.op = "=";
    eq.left = std::make_unique<ast::ColumnRef>(std::move(left_ref));
    eq.right = std::make_unique<ast::ColumnRef>(std::move(right_ref));
    ExpressionBinder using_binder(binder_, query_);
    query_.quals.push_back(using_binder.bind(eq));
  }

  std::pair<size_t, size_t> find_column(const std::string& column, size_t begin, size_t end,
                                        const char* side, int location) {
    for (size_t r = begin; r < end; ++r) {
      const auto& names = query_.range_table[r].column_names;
      auto it = std::find(names.begin(), names.begin() + query_.range_table[r].visible_columns, column);
      if (it != names.begin() + query_.range_table[r].visible_columns)
        return {r, static_cast<size_t>(it - names.begin())};
    }
    throw SqlError(sqlstate::kUndefinedColumn,
                   fmt::format("column \"{}\" specified in USING clause does not exist in {} table",
                               column, side))
        .with_position(position_of(location));
  }

  Binder& binder_;
  Query& query_;
};

// ---- SELECT -----------------------------------------------------------------------------------

namespace {

void expand_star(const ast::Star& star, const Query& query, std::vector<TargetEntry>& targets) {
  bool matched = false;
  for (size_t r = 0; r < query.range_table.size(); ++r) {
    const RangeEntry& rte = query.range_table[r];
    if (star.table && rte.alias != *star.table) continue;
    matched = true;
    for (size_t c = 0; c < rte.visible_columns; ++c) {
      TargetEntry target;
      target.expr = make_column(static_cast<int>(r), static_cast<int>(c), rte.column_types[c],
                                rte.column_names[c], rte.alias);
      target.name = rte.column_names[c];
      if (rte.table) {
        target.table_oid = rte.table->oid;
        target.column_number = static_cast<int16_t>(c + 1);
      }
      targets.push_back(std::move(target));
    }
  }
  if (star.table && !matched) {
    throw SqlError(sqlstate::kUndefinedTable,
                   fmt::format("missing FROM-clause entry for table \"{}\"", *star.table))
        .with_position(position_of(star.location));
  }
  if (!star.table && query.range_table.empty()) {
    throw SqlError(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid")
        .with_position(position_of(star.location));
  }
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

BoundExprPtr bind_limit(Binder& binder, const ast::ExprPtr& expr, const char* clause) {
  if (!expr) return nullptr;
  Query empty;
  ExpressionBinder limit_binder(binder, empty);
  limit_binder.set_clause(clause, false);
  auto bound = limit_binder.bind(*expr);
  return ExpressionBinder::coerce(bound, DataType{TypeId::Int8}, CastContext::Implicit);
}

}  // namespace

std::unique_ptr<Query> Binder::bind_select(const ast::SelectStmt& stmt) {
  if (stmt.set_op != ast::SetOp::None) not_supported("UNION/INTERSECT/EXCEPT", stmt.location);
  if (!stmt.values.empty()) not_supported("VALUES as a query", stmt.location);
  if (stmt.distinct || !stmt.distinct_on.empty()) not_supported("SELECT DISTINCT", stmt.location);

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
  for (const auto& item : stmt.targets) {
    if (item.expr->kind == ast::ExprKind::Star) {
      expand_star(static_cast<const ast::Star&>(*item.expr), *query, query->targets);
      continue;
    }
    query->targets.push_back(make_target(item, binder.bind(*item.expr), *query, keep_unknown));
  }

  binder.allow_window_functions(false);
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

  binder.set_clause("ORDER BY", true);
  binder.allow_window_functions(true);
  for (const auto& item : stmt.order_by) {
    SortKey key;
    int target = find_target_reference(*item.expr, query->targets, "ORDER BY");
    key.expr = target >= 0 ? query->targets[target].expr
                           : ExpressionBinder::resolve_unknown(binder.bind(*item.expr));
    key.descending = item.descending;
    key.nulls_first = item.nulls_first.value_or(item.descending);
    query->order_by.push_back(std::move(key));
  }

  if (query->has_aggregation) apply_grouping(*query);

  query->limit = bind_limit(*this, stmt.limit, "LIMIT");
  query->offset = bind_limit(*this, stmt.offset, "OFFSET");
  return query;
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

}  // namespace

std::unique_ptr<ModifyQuery> Binder::bind_insert(const ast::InsertStmt& stmt) {
  if (!stmt.returning.empty()) not_supported("RETURNING", stmt.location);
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Insert;
  modify->table = lookup_table(stmt.table);
  const TableInfo& table = *modify->table;
  std::vector<int> targets = insert_target_columns(stmt, table);

  auto default_row = [&]() {
    std::vector<BoundExprPtr> row;
    for (const auto& column : table.columns) {
      row.push_back(column.default_expr ? bind_default(*column.default_expr, column.type)
                                        : make_constant(Value::null(column.type.id), column.type));
    }
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

// The target table as range-table entry 0, its WHERE conjuncts, and the row id as the last
// output column.
std::unique_ptr<Query> bind_modify_source(Binder& binder, const ast::QualifiedName& name,
                                          const std::optional<std::string>& alias,
                                          const ast::ExprPtr& where,
                                          std::shared_ptr<const TableInfo>& table) {
  table = binder.lookup_table(name);
  auto query = std::make_unique<Query>();
  std::optional<ast::Alias> table_alias;
  if (alias) table_alias = ast::Alias{*alias, {}};
  query->range_table.push_back(table_entry(table, table_alias));
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
  if (!stmt.returning.empty()) not_supported("RETURNING", stmt.location);
  if (!stmt.from.empty()) not_supported("UPDATE ... FROM", stmt.location);
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Update;
  modify->source = bind_modify_source(*this, stmt.table, stmt.alias, stmt.where, modify->table);
  Query& query = *modify->source;
  const TableInfo& table = *modify->table;

  std::vector<BoundExprPtr> row;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    row.push_back(make_column(0, static_cast<int>(c), table.columns[c].type, table.columns[c].name,
                              query.range_table[0].alias));
  }
  ExpressionBinder binder(*this, query);
  binder.set_clause("UPDATE", false);
  std::set<std::string> assigned;
  for (const auto& clause : stmt.set) {
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [&](const ColumnInfo& c) { return c.name == clause.column; });
    if (it == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn,
                     fmt::format("column \"{}\" of relation \"{}\" does not exist", clause.column,
                                 table.name))
          .with_position(position_of(clause.location));
    }
    if (!assigned.insert(clause.column).second) {
      throw SqlError(sqlstate::kSyntaxError,
                     fmt::format("multiple assignments to same column \"{}\"", clause.column))
          .with_position(position_of(clause.location));
    }
    size_t c = it - table.columns.begin();
    row[c] = clause.value
                 ? ExpressionBinder::coerce_for_column(binder.bind(*clause.value), it->type,
                                                       it->name, clause.value->location)
                 : (it->default_expr ? bind_default(*it->default_expr, it->type)
                                     : make_constant(Value::null(it->type.id), it->type));
  }
  for (auto& expr : row) query.targets.push_back(TargetEntry{expr, "", 0, 0});
  query.targets.push_back(row_id_target(query));
  return modify;
}

std::unique_ptr<ModifyQuery> Binder::bind_delete(const ast::DeleteStmt& stmt) {
  if (!stmt.returning.empty()) not_supported("RETURNING", stmt.location);
  if (!stmt.using_tables.empty()) not_supported("DELETE ... USING", stmt.location);
  auto modify = std::make_unique<ModifyQuery>();
  modify->kind = ModifyKind::Delete;
  modify->source = bind_modify_source(*this, stmt.table, stmt.alias, stmt.where, modify->table);
  modify->source->targets.push_back(row_id_target(*modify->source));
  return modify;
}

}  // namespace chalkdb
