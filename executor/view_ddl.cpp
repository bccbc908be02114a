#include "executor/view_ddl.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/relation_lookup.h"
#include "planner/binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

Snapshot current_snapshot(ExecContext& context) {
  context.transaction.next_command();
  return Snapshot::latest(context.write_xid(), context.transaction.command_id());
}

std::vector<ColumnInfo> view_columns(const ast::CreateViewStmt& stmt, const Query& query) {
  if (stmt.columns.size() > query.targets.size())
    throw SqlError(sqlstate::kSyntaxError, "CREATE VIEW specifies more column names than columns");
  std::vector<ColumnInfo> columns;
  for (size_t i = 0; i < query.targets.size(); ++i) {
    ColumnInfo column;
    column.name = i < stmt.columns.size() ? stmt.columns[i] : query.targets[i].name;
    column.type = query.targets[i].expr->type;
    // PostgreSQL 10+ makes an untyped literal column of a view text.
    if (column.type.id == TypeId::Unknown) column.type = DataType{TypeId::Text};
    columns.push_back(std::move(column));
  }
  return columns;
}

// CREATE OR REPLACE VIEW may only add columns at the end (PostgreSQL's checkViewColumns).
void check_replacement_columns(const TableInfo& old_view, const std::vector<ColumnInfo>& columns) {
  if (columns.size() < old_view.columns.size())
    throw SqlError(sqlstate::kInvalidTableDefinition, "cannot drop columns from view");
  for (size_t i = 0; i < old_view.columns.size(); ++i) {
    const ColumnInfo& before = old_view.columns[i];
    const ColumnInfo& after = columns[i];
    if (before.name != after.name) {
      throw SqlError(sqlstate::kInvalidTableDefinition,
                     fmt::format("cannot change name of view column \"{}\" to \"{}\"", before.name, after.name))
          .with_hint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
    }
    if (before.type.id != after.type.id || before.type.typmod != after.type.typmod) {
      throw SqlError(sqlstate::kInvalidTableDefinition,
                     fmt::format("cannot change data type of view column \"{}\" from {} to {}", before.name,
                                 format_type_with_typmod(before.type), format_type_with_typmod(after.type)));
    }
  }
}

std::string describe(const TableInfo& relation) {
  const char* kind = relation.relkind == kRelkindView       ? "view"
                     : relation.relkind == kRelkindSequence ? "sequence"
                                                            : "table";
  return fmt::format("{} {}", kind, relation.name);
}

struct Dependent {
  std::shared_ptr<const TableInfo> view;
  std::string depends_on;  // "table t", "column c of table t", "view v"
};

// The views reading `relation` (or its column) and, recursively, the views reading those, each
// once, dependents before what they depend on. PostgreSQL's findDependentObjects visits the
// dependents of each object in OID order and reports them in reverse; visiting them in
// descending OID order and appending after the recursion gives the same list reversed.
void collect_dependents(const TableInfo& relation, const ColumnInfo* column, const Snapshot& snapshot,
                        const std::set<Oid>& dropping, ExecContext& context, std::set<Oid>& visited,
                        std::vector<Dependent>& out) {
  auto relations = context.catalog.relations(snapshot);  // by OID
  for (auto it = relations.rbegin(); it != relations.rend(); ++it) {
    const auto& candidate = *it;
    if (!candidate->view || dropping.count(candidate->oid) || visited.count(candidate->oid)) continue;
    bool uses = column ? candidate->view->depends_on_column(relation.oid, column->attnum)
                       : candidate->view->depends_on_relation(relation.oid);
    if (!uses) continue;
    visited.insert(candidate->oid);
    collect_dependents(*candidate, nullptr, snapshot, dropping, context, visited, out);
    std::string target = column ? fmt::format("column {} of {}", column->name, describe(relation)) : describe(relation);
    out.push_back({candidate, std::move(target)});
  }
}

std::shared_ptr<const TableInfo> first_view_reading(const TableInfo& table, const ColumnInfo& column,
                                                    ExecContext& context) {
  for (const auto& candidate : context.catalog.relations(current_snapshot(context))) {
    if (candidate->view && candidate->view->depends_on_column(table.oid, column.attnum)) return candidate;
  }
  return nullptr;
}

}  // namespace

void create_view(const ast::CreateViewStmt& stmt, ExecContext& context) {
  if (stmt.temporary) {
    throw SqlError(sqlstate::kFeatureNotSupported, "temporary views are not supported yet")
        .with_position(stmt.location + 1);
  }
  if (stmt.check_option)
    throw SqlError(sqlstate::kFeatureNotSupported, "WITH CHECK OPTION is not supported yet");
  ViewInfo view;
  view.query = stmt.query_text;
  Binder binder(context.catalog, context.snapshot);
  std::unique_ptr<Query> query = binder.bind_view_definition(*stmt.query, view.depends_on);
  TableDefinition definition;
  definition.schema = creation_schema(stmt.view, false, context);
  definition.name = stmt.view.name;
  definition.relkind = kRelkindView;
  definition.columns = view_columns(stmt, *query);
  auto existing = stmt.or_replace
                      ? context.catalog.find_relation(definition.schema, definition.name, current_snapshot(context))
                      : nullptr;
  context.transaction.next_command();
  TransactionId xid = context.write_xid();
  CommandId cid = context.transaction.command_id();
  if (!existing) {
    context.catalog.create_view(definition, std::move(view), xid, cid);
    return;
  }
  if (existing->relkind != kRelkindView)
    throw SqlError(sqlstate::kWrongObjectType, fmt::format("\"{}\" is not a view", definition.name));
  check_replacement_columns(*existing, definition.columns);
  std::erase_if(view.depends_on, [&](const auto& use) { return use.first == existing->oid; });
  context.catalog.replace_view(existing->oid, std::move(definition.columns), std::move(view), xid, cid);
}

void drop_dependent_views(const TableInfo& relation, const ColumnInfo* column, bool cascade,
                          const std::set<Oid>& dropping, ExecContext& context, ResultSink& sink) {
  std::vector<Dependent> drop_order;
  std::set<Oid> visited;
  collect_dependents(relation, column, current_snapshot(context), dropping, context, visited, drop_order);
  if (drop_order.empty()) return;
  std::vector<Dependent> dependents(drop_order.rbegin(), drop_order.rend());  // as PostgreSQL lists them
  if (!cascade) {
    std::string detail;
    for (const Dependent& dependent : dependents) {
      if (!detail.empty()) detail += "\n";
      detail += fmt::format("{} depends on {}", describe(*dependent.view), dependent.depends_on);
    }
    std::string object = column ? fmt::format("column {} of {}", column->name, describe(relation)) : describe(relation);
    throw SqlError(sqlstate::kDependentObjectsStillExist,
                   fmt::format("cannot drop {} because other objects depend on it", object))
        .with_detail(detail)
        .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  std::string message = fmt::format("drop cascades to {}", describe(*dependents[0].view));
  std::string detail;
  if (dependents.size() > 1) {
    message = fmt::format("drop cascades to {} other objects", dependents.size());
    for (const Dependent& dependent : dependents) {
      if (!detail.empty()) detail += "\n";
      detail += fmt::format("drop cascades to {}", describe(*dependent.view));
    }
  }
  SqlError notice(sqlstate::kSuccessfulCompletion, message);
  if (!detail.empty()) notice.with_detail(detail);
  sink.notice(notice.with_severity(Severity::Notice));
  for (const Dependent& dependent : drop_order) {
    context.transaction.next_command();
    context.catalog.drop_relation(dependent.view->oid, context.write_xid(), context.transaction.command_id());
  }
}

void refuse_altering_viewed_column(const TableInfo& table, const ColumnInfo& column, ExecContext& context) {
  auto view = first_view_reading(table, column, context);
  if (!view) return;
  throw SqlError(sqlstate::kFeatureNotSupported, "cannot alter type of a column used by a view or rule")
      .with_detail(fmt::format("rule _RETURN on view {} depends on column \"{}\"", view->name, column.name));
}

void refuse_renaming_viewed_column(const TableInfo& table, const ColumnInfo& column, ExecContext& context) {
  auto view = first_view_reading(table, column, context);
  if (!view) return;
  throw SqlError(sqlstate::kFeatureNotSupported,
                 fmt::format("renaming column \"{}\" used by view \"{}\" is not supported yet", column.name,
                             view->name));
}

void renumber_view_dependencies(Oid table, const std::vector<int16_t>& attnum_map, ExecContext& context) {
  for (const auto& view : context.catalog.relations(current_snapshot(context))) {
    if (!view->view || !view->view->depends_on_relation(table)) continue;
    ViewInfo renumbered = *view->view;
    for (auto& [relation, attnum] : renumbered.depends_on) {
      if (relation == table && attnum > 0) attnum = attnum_map.at(static_cast<size_t>(attnum - 1));
    }
    context.transaction.next_command();
    context.catalog.replace_view(view->oid, view->columns, std::move(renumbered), context.write_xid(),
                                 context.transaction.command_id());
  }
}

}  // namespace chalkdb
