// Views' definitions as PostgreSQL shows them: pg_get_viewdef(view) and the pg_views relation
// (schemaname, viewname, viewowner, definition). The definition is the bound query deparsed
// (planner/view_deparser.h); for shapes the deparser does not print yet it is the query as
// written, with PostgreSQL's leading space and trailing semicolon. Only the non-pretty form
// exists: pg_get_viewdef(view, pretty) is not provided.
#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "planner/binder.h"
#include "planner/view_deparser.h"

namespace chalkdb {

namespace {

std::string view_definition(ExecContext& context, const TableInfo& view) {
  Binder binder(context.catalog, context.snapshot);
  std::unique_ptr<Query> query = binder.bind_view_query(view);
  std::vector<std::string> names;
  for (const ColumnInfo& column : view.columns) names.push_back(column.name);
  if (auto text = deparse_view_query(*query, names)) return *text;
  return " " + view.view->query + ";";
}

// NULL for a relation that is not a view (PostgreSQL finds no _RETURN rule) or no relation.
Value get_viewdef(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation || !relation->view) return Value::null(TypeId::Text);
  return Value::text(view_definition(context, *relation));
}

Value name(std::string text) { return Value::text(std::move(text), TypeId::Name); }

void pg_views(ExecContext& context, std::span<const Value>, EngineRows& out) {
  for (const auto& relation : context.catalog.relations(context.snapshot)) {
    if (!relation->view) continue;
    out.push_back({name(relation->schema), name(relation->name), name("postgres"),
                   Value::text(view_definition(context, *relation))});
  }
}

}  // namespace

void register_view_functions(EngineFunctionRegistry& registry) {
  registry.add(EngineFunction::scalar_function("pg_get_viewdef", {{"view", DataType{TypeId::Oid}, true}},
                                               DataType{TypeId::Text}, get_viewdef));
  EngineFunction views = EngineFunction::set_function(
      "pg_views", {},
      {{"schemaname", DataType{TypeId::Name}}, {"viewname", DataType{TypeId::Name}},
       {"viewowner", DataType{TypeId::Name}}, {"definition", DataType{TypeId::Text}}},
      pg_views);
  views.as_relation = true;
  views.estimated_rows = 100;
  registry.add(std::move(views));
}

}  // namespace chalkdb
