#include "planner/from_clause_binder.h"

#include <fmt/format.h>

#include <algorithm>

#include "planner/engine_call_binder.h"
#include "planner/expression_binder.h"
#include "planner/type_resolution.h"
#include "sql/error/sql_error.h"
#include "sql/types/table_functions.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

constexpr const char* kDefaultSchema = "public";

int position_of(int location) { return location + 1; }

[[noreturn]] void not_supported(const std::string& what, int location) {
  throw SqlError(sqlstate::kFeatureNotSupported, fmt::format("{} is not supported yet", what))
      .with_position(position_of(location));
}

bool is_moment(TypeId id) { return id == TypeId::Timestamp || id == TypeId::TimestampTz; }

// Two bounds of date, timestamp[tz] or unknown type and an interval step; a literal step
// counts as an interval when a bound is a date or timestamp.
bool timestamp_series_arguments(const std::vector<BoundExprPtr>& args) {
  auto temporal = [](TypeId id) { return id == TypeId::Date || is_moment(id); };
  TypeId low = args[0]->type.id, high = args[1]->type.id, step = args[2]->type.id;
  bool bounds = (temporal(low) || low == TypeId::Unknown) && (temporal(high) || high == TypeId::Unknown);
  return bounds && (step == TypeId::Interval || (step == TypeId::Unknown && (temporal(low) || temporal(high))));
}

}  // namespace

RangeEntry table_entry(std::shared_ptr<const TableInfo> table, const std::optional<ast::Alias>& alias) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Table;
  rte.alias = alias ? alias->name : table->name;
  for (const auto& column : table->columns) {
    rte.column_names.push_back(column.name);
    rte.column_types.push_back(column.type);
  }
  if (alias) apply_column_aliases(rte, alias->columns);
  rte.visible_columns = rte.column_names.size();
  rte.column_names.push_back("ctid");
  rte.column_types.push_back(DataType{TypeId::Tid});
  rte.table = std::move(table);
  return rte;
}

namespace {

JoinType join_type(ast::JoinKind kind) {
  switch (kind) {
    case ast::JoinKind::Left: return JoinType::Left;
    case ast::JoinKind::Right: return JoinType::Right;
    case ast::JoinKind::Full: return JoinType::Full;
    default: return JoinType::Inner;
  }
}

}  // namespace

void apply_column_aliases(RangeEntry& rte, const std::vector<std::string>& columns) {
  size_t available = rte.visible_columns ? rte.visible_columns : rte.column_names.size();
  if (columns.size() > available) {
    throw SqlError(sqlstate::kInvalidColumnReference,
                   fmt::format("table \"{}\" has {} columns available but {} columns specified",
                               rte.alias, available, columns.size()));
  }
  std::copy(columns.begin(), columns.end(), rte.column_names.begin());
}

void FromClauseBinder::add(const ast::TableRef& ref) {
  Item item = bind_item(ref);
  query_.from.push_back(item.node);
  star_columns_.insert(star_columns_.end(), item.columns.begin(), item.columns.end());
}

FromClauseBinder::Item FromClauseBinder::bind_item(const ast::TableRef& ref) {
  switch (ref.kind) {
    case ast::TableRefKind::Table: return bind_table(static_cast<const ast::BaseTable&>(ref));
    case ast::TableRefKind::Function: return bind_function(static_cast<const ast::FunctionTable&>(ref));
    case ast::TableRefKind::Join: return bind_join(static_cast<const ast::Join&>(ref));
    case ast::TableRefKind::Subselect: return bind_subselect(static_cast<const ast::Subselect&>(ref));
  }
  not_supported("this FROM item", ref.location);
}

FromClauseBinder::Item FromClauseBinder::add_entry(RangeEntry rte) {
  for (const auto& existing : query_.range_table) {
    if (existing.alias == rte.alias) {
      // PostgreSQL reports this one without a position.
      throw SqlError(sqlstate::kDuplicateAlias,
                     fmt::format("table name \"{}\" specified more than once", rte.alias));
    }
  }
  int index = static_cast<int>(query_.range_table.size());
  Item item;
  item.node = std::make_shared<JoinTreeNode>();
  item.node->rte = index;
  size_t visible = rte.visible_columns;
  for (size_t c = 0; c < visible; ++c) {
    item.columns.push_back(FromColumn{
        rte.column_names[c],
        make_column(index, static_cast<int>(c), rte.column_types[c], rte.column_names[c], rte.alias)});
  }
  query_.range_table.push_back(std::move(rte));
  return item;
}

FromClauseBinder::Item FromClauseBinder::bind_table(const ast::BaseTable& base) {
  if (!base.name.schema) {
    if (auto cte = binder_.bind_cte_reference(base.name.name, base.alias, base.location))
      return add_entry(std::move(*cte));
  }
  if (const EngineFunction* view = engine_relation(base.name))
    return add_entry(engine_function_entry(*view, {}, base.alias, base.name.name));
  std::shared_ptr<const TableInfo> table = binder_.lookup_table(base.name);
  binder_.note_relation_use(table->oid);
  if (table->relkind == kRelkindView) return bind_view(base, std::move(table));
  return add_entry(table_entry(std::move(table), base.alias));
}

// A view reads as the subquery it stands for (PostgreSQL's rewriter does the same), named
// by the view or its alias, with the view's column names.
FromClauseBinder::Item FromClauseBinder::bind_view(const ast::BaseTable& base,
                                                   std::shared_ptr<const TableInfo> view) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Subquery;
  rte.alias = base.alias ? base.alias->name : view->name;
  for (const ColumnInfo& column : view->columns) {
    rte.column_names.push_back(column.name);
    rte.column_types.push_back(column.type);
  }
  rte.visible_columns = rte.column_names.size();
  if (base.alias) apply_column_aliases(rte, base.alias->columns);
  rte.inputs.push_back(binder_.bind_view_query(*view));
  rte.view = std::move(view);
  return add_entry(std::move(rte));
}

// A relation-like engine function (pg_buffercache), unless a real relation has the name.
const EngineFunction* FromClauseBinder::engine_relation(const ast::QualifiedName& name) {
  if (name.schema && *name.schema != kDefaultSchema && *name.schema != "pg_catalog") return nullptr;
  const EngineFunction* view = EngineFunctionRegistry::global().relation(name.name);
  return view && !binder_.find_table(name) ? view : nullptr;
}

// An engine function in FROM: a set-returning one yields its output columns, a scalar one a
// single column named after the function (or the alias), as PostgreSQL does.
RangeEntry FromClauseBinder::engine_function_entry(const EngineFunction& function,
                                                   std::vector<BoundExprPtr> args,
                                                   const std::optional<ast::Alias>& alias,
                                                   const std::string& name) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Function;
  rte.function_name = name;
  rte.function_args = std::move(args);
  rte.engine_function = &function;
  rte.alias = alias ? alias->name : name;
  if (function.set_returning()) {
    for (const auto& column : function.columns) {
      rte.column_names.push_back(column.name);
      rte.column_types.push_back(column.type);
    }
  } else {
    rte.column_names = {alias ? alias->name : name};
    rte.column_types = {function.result};
  }
  if (alias && alias->columns.size() > rte.column_names.size()) {
    throw SqlError(sqlstate::kDatatypeMismatch,
                   fmt::format("too many column aliases specified for function {}", name));
  }
  if (alias) std::copy(alias->columns.begin(), alias->columns.end(), rte.column_names.begin());
  rte.visible_columns = rte.column_names.size();
  return rte;
}

// Runs `bind` with the FROM items bound so far visible as an outer scope (LATERAL): the
// columns it reads become the entry's lateral params.
template <typename Bind>
auto FromClauseBinder::with_lateral_scope(RangeEntry& rte, Bind&& bind) {
  bool correlated = false;
  binder_.outer_scopes().push_back(Binder::OuterScope{&query_, &rte.lateral_params, &correlated});
  struct Pop {
    std::vector<Binder::OuterScope>& scopes;
    ~Pop() { scopes.pop_back(); }
  } pop{binder_.outer_scopes()};
  return bind();
}

FromClauseBinder::Item FromClauseBinder::bind_subselect(const ast::Subselect& ref) {
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Subquery;
  rte.alias = ref.alias->name;
  std::shared_ptr<const Query> sub = ref.lateral ? with_lateral_scope(rte, [&] { return binder_.bind_select(*ref.query); })
                                                 : binder_.bind_select(*ref.query);
  for (const auto& target : sub->targets) {
    rte.column_names.push_back(target.name);
    rte.column_types.push_back(target.expr->type);
  }
  rte.visible_columns = rte.column_names.size();
  apply_column_aliases(rte, ref.alias->columns);
  rte.inputs.push_back(std::move(sub));
  return add_entry(std::move(rte));
}

FromClauseBinder::Item FromClauseBinder::bind_function(const ast::FunctionTable& ref) {
  const ast::FuncCall& call = *ref.call;
  const std::string& name = call.name.back();
  Query empty;
  ExpressionBinder args_binder(binder_, empty);
  args_binder.set_clause("functions in FROM", false);
  if (is_table_function(name)) return bind_table_function(ref);
  if (name != "generate_series") {
    std::vector<BoundExprPtr> args;
    for (const auto& arg : call.args) args.push_back(args_binder.bind(*arg));
    auto engine_call = bind_engine_call(binder_, name, args, call.location);
    if (!engine_call) not_supported(fmt::format("function {} in FROM", name), ref.location);
    return add_entry(engine_function_entry(*engine_call->function, std::move(engine_call->args),
                                           ref.alias, name));
  }
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Function;
  rte.function_name = name;
  // Functions in FROM may read the columns of earlier FROM items (implicitly LATERAL).
  for (const auto& arg : call.args)
    rte.function_args.push_back(with_lateral_scope(rte, [&] { return args_binder.bind(*arg); }));
  DataType type = generate_series_type(rte.function_args, call);
  for (size_t i = 0; i < rte.function_args.size(); ++i) {
    // The step of a timestamp series is an interval.
    DataType arg_type = i == 2 && is_moment(type.id) ? DataType{TypeId::Interval} : type;
    rte.function_args[i] = ExpressionBinder::coerce(rte.function_args[i], arg_type, CastContext::Implicit);
  }
  rte.alias = ref.alias ? ref.alias->name : name;
  std::string column = name;
  if (ref.alias) column = ref.alias->columns.empty() ? ref.alias->name : ref.alias->columns[0];
  rte.column_names = {column};
  rte.column_types = {type};
  rte.visible_columns = 1;
  return add_entry(std::move(rte));
}

// A set-returning function of the sql layer (unnest, jsonb_each, regexp_matches, ...).
FromClauseBinder::Item FromClauseBinder::bind_table_function(const ast::FunctionTable& ref) {
  const ast::FuncCall& call = *ref.call;
  const std::string& name = call.name.back();
  Query empty;
  ExpressionBinder args_binder(binder_, empty);
  args_binder.set_clause("functions in FROM", false);
  RangeEntry rte;
  rte.kind = RangeEntry::Kind::Function;
  rte.function_name = name;
  std::vector<DataType> types;
  for (const auto& arg : call.args) {
    rte.function_args.push_back(with_lateral_scope(rte, [&] { return args_binder.bind(*arg); }));
    types.push_back(rte.function_args.back()->type);
  }
  ResolvedTableFunction resolved{};
  try {
    resolved = resolve_table_function(name, types);
  } catch (SqlError& error) {
    throw error.with_position(position_of(call.location));
  }
  for (size_t i = 0; i < rte.function_args.size(); ++i)
    rte.function_args[i] = ExpressionBinder::coerce(rte.function_args[i], resolved.args[i], CastContext::Implicit);
  rte.alias = ref.alias ? ref.alias->name : name;
  rte.column_names = resolved.function->column_names;
  if (ref.alias && ref.alias->columns.empty() && rte.column_names.size() == 1) rte.column_names[0] = ref.alias->name;
  if (ref.alias) {
    if (ref.alias->columns.size() > rte.column_names.size()) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     fmt::format("table \"{}\" has {} columns available but {} columns specified",
                                 rte.alias, rte.column_names.size(), ref.alias->columns.size()));
    }
    std::copy(ref.alias->columns.begin(), ref.alias->columns.end(), rte.column_names.begin());
  }
  for (TypeId t : resolved.function->column_types) rte.column_types.push_back(DataType{t});
  rte.visible_columns = rte.column_names.size();
  return add_entry(std::move(rte));
}

// generate_series(int4, int4 [, int4]) → int4; with int8 args → int8; numeric → numeric;
// (timestamp, timestamp, interval) → timestamp; (timestamptz, timestamptz, interval) →
// timestamptz, which PostgreSQL also picks for dates and literals (the preferred type).
DataType FromClauseBinder::generate_series_type(const std::vector<BoundExprPtr>& args,
                                                const ast::FuncCall& call) {
  if (args.size() == 3 && timestamp_series_arguments(args)) {
    // PostgreSQL keeps the candidate with more exact matches, then the preferred type.
    auto exact = [&](TypeId id) { return (args[0]->type.id == id) + (args[1]->type.id == id); };
    return DataType{exact(TypeId::Timestamp) > exact(TypeId::TimestampTz) ? TypeId::Timestamp
                                                                           : TypeId::TimestampTz};
  }
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
                   fmt::format("function generate_series({}) does not exist", fmt::join(types, ", ")))
        .with_hint("No function matches the given name and argument types. You might need to "
                   "add explicit type casts.")
        .with_position(position_of(call.location));
  }
  return DataType{widest};
}

FromClauseBinder::Item FromClauseBinder::bind_join(const ast::Join& join) {
  if (join.alias) not_supported("an alias for a join", join.location);
  Item left = bind_item(*join.left);
  Item right = bind_item(*join.right);
  auto node = std::make_shared<JoinTreeNode>();
  node->join_type = join_type(join.join_kind);
  node->left = left.node;
  node->right = right.node;

  std::vector<std::string> merged_names = join.using_columns;
  if (join.natural) {
    for (const auto& column : left.columns) {
      bool in_right = std::any_of(right.columns.begin(), right.columns.end(),
                                  [&](const FromColumn& c) { return c.name == column.name; });
      if (in_right && std::find(merged_names.begin(), merged_names.end(), column.name) == merged_names.end())
        merged_names.push_back(column.name);
    }
  }
  Item result;
  for (const auto& name : merged_names) merge_column(name, left, right, *node, result.columns, join.location);
  auto is_merged = [&](const FromColumn& c) {
    return std::find(merged_names.begin(), merged_names.end(), c.name) != merged_names.end();
  };
  for (const auto* side : {&left, &right})
    for (const auto& column : side->columns)
      if (!is_merged(column)) result.columns.push_back(column);

  if (join.on) {
    ExpressionBinder on_binder(binder_, query_);
    on_binder.set_clause("JOIN conditions", false);
    auto condition = ExpressionBinder::coerce_to_boolean(on_binder.bind(*join.on), "JOIN/ON");
    flatten_conjunction(condition, node->quals);
  }
  result.node = std::move(node);
  return result;
}

void FromClauseBinder::merge_column(const std::string& name, const Item& left, const Item& right,
                                    JoinTreeNode& node, std::vector<FromColumn>& merged, int location) {
  const FromColumn& l = find_join_column(name, left, "left", location);
  const FromColumn& r = find_join_column(name, right, "right", location);
  ExpressionBinder binder(binder_, query_);
  node.quals.push_back(binder.bind_equality(l.expr, r.expr, location));
  BoundExprPtr expr = l.expr;
  if (node.join_type == JoinType::Right) expr = r.expr;
  if (node.join_type == JoinType::Full) {
    DataType common = common_type({l.expr, r.expr}, "JOIN/USING");
    auto coalesce = std::make_shared<BoundExpr>();
    coalesce->kind = BoundExprKind::Coalesce;
    coalesce->type = common;
    coalesce->name = "COALESCE";
    coalesce->args = {ExpressionBinder::coerce(l.expr, common, CastContext::Implicit),
                      ExpressionBinder::coerce(r.expr, common, CastContext::Implicit)};
    expr = coalesce;
  }
  merged.push_back(FromColumn{name, expr});
  query_.merged_columns.emplace_back(name, expr);
}

// PostgreSQL reports a missing USING column without a position.
const FromColumn& FromClauseBinder::find_join_column(const std::string& name, const Item& item,
                                                     const char* side, int location) {
  const FromColumn* found = nullptr;
  for (const auto& column : item.columns) {
    if (column.name != name) continue;
    if (found) {
      throw SqlError(sqlstate::kAmbiguousColumn,
                     fmt::format("common column name \"{}\" appears more than once in {} table", name, side))
          .with_position(position_of(location));
    }
    found = &column;
  }
  if (!found) {
    throw SqlError(sqlstate::kUndefinedColumn,
                   fmt::format("column \"{}\" specified in USING clause does not exist in {} table",
                               name, side));
  }
  return *found;
}

}  // namespace chalkdb
