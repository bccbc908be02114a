// The definitions of stored objects as PostgreSQL's ruleutils prints them:
// pg_get_expr(expr, relation [, pretty]), pg_get_indexdef(index [, column, pretty]),
// pg_get_constraintdef(constraint [, pretty]), and for object kinds ChalkDB has no instances
// of (extended statistics, triggers) pg_get_statisticsobjdef_columns(oid) and
// pg_get_triggerdef(oid [, pretty]), which answer NULL as PostgreSQL does for an unknown OID.
//
// ChalkDB keeps defaults, CHECK conditions and index predicates as SQL text where PostgreSQL
// keeps node trees (pg_attrdef.adbin, pg_constraint.conbin); pg_get_expr binds the text again
// against the relation (as a default of its column when it is one, for the column type's
// coercion) and prints the bound expression (planner/rule_deparser.h).
#include <fmt/format.h>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "planner/binder.h"
#include "planner/rule_deparser.h"
#include "planner/table_expression_binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/more_string_functions.h"
#include "storage/catalog/search_path.h"

namespace chalkdb {

namespace {

bool pretty_argument(std::span<const Value> args, size_t index) {
  return args.size() > index && !args[index].is_null() && args[index].as_bool();
}

std::string bound_expression_text(ExecContext& context, const std::string& sql, const TableInfo& relation,
                                  bool pretty) {
  for (const ColumnInfo& column : relation.columns) {
    if (column.default_expr && *column.default_expr == sql) {
      Binder binder(context.catalog, context.snapshot);
      return deparse_stored_expression(*binder.bind_default(sql, column.type), pretty);
    }
  }
  auto table = std::make_shared<const TableInfo>(relation);
  return deparse_stored_expression(*bind_table_expression(context.catalog, context.snapshot, table, sql), pretty);
}

// PostgreSQL prints a stored tree whatever happened since; the text is bound again, which fails
// when something it names is gone (a serial column's sequence dropped on its own, which
// ChalkDB allows): then the text is shown as stored.
std::string expression_text(ExecContext& context, const std::string& sql, const TableInfo& relation, bool pretty) {
  try {
    return bound_expression_text(context, sql, relation, pretty);
  } catch (const SqlError&) {
    return sql;
  }
}

// pg_get_expr: NULL for an expression over a relation that does not exist (any more).
Value get_expr(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[1].as_int()));
  if (!relation) return Value::null(TypeId::Text);
  return Value::text(expression_text(context, args[0].as_text(), *relation, pretty_argument(args, 2)));
}

// generate_relation_name: bare when visible along the search path, else qualified; the
// non-pretty index definition always qualifies the table (generate_qualified_relation_name).
std::string relation_name(ExecContext& context, const TableInfo& relation, bool qualify) {
  if (!qualify) return SearchPath(context.catalog, context.snapshot).display_name(relation);
  return quote_identifier(relation.schema) + "." + quote_identifier(relation.name);
}

std::string column_name(const TableInfo& table, int16_t attnum) {
  const ColumnInfo* column = table.column_by_attnum(attnum);
  return column ? quote_identifier(column->name) : fmt::format("{}", attnum);
}

std::string column_list(const TableInfo& table, const std::vector<int16_t>& attnums) {
  std::string out;
  for (int16_t attnum : attnums) {
    if (!out.empty()) out += ", ";
    out += column_name(table, attnum);
  }
  return out;
}

std::string key_text(const TableInfo& table, const IndexKeyInfo& key) {
  std::string text = column_name(table, key.attnum);
  if (key.descending) text += " DESC";
  if (key.nulls_first != key.descending) text += key.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  return text;
}

std::string index_definition(ExecContext& context, const IndexInfo& index, const TableInfo& table, bool pretty) {
  std::string keys;
  for (const IndexKeyInfo& key : index.keys) keys += (keys.empty() ? "" : ", ") + key_text(table, key);
  std::string text = fmt::format("CREATE {}INDEX {} ON {} USING btree ({})", index.unique ? "UNIQUE " : "",
                                 quote_identifier(index.name), relation_name(context, table, !pretty), keys);
  if (!index.include.empty()) text += " INCLUDE (" + column_list(table, index.include) + ")";
  return text;
}

// pg_get_indexdef(index): the CREATE INDEX command; with a column number > 0 only that
// column's definition (no ordering options). NULL for an OID that is no index.
Value get_indexdef(ExecContext& context, std::span<const Value> args) {
  auto relation = relation_with_oid(context, static_cast<Oid>(args[0].as_int()));
  if (!relation || !relation->index) return Value::null(TypeId::Text);
  const IndexInfo& index = *relation->index;
  auto table = relation_with_oid(context, index.table_oid);
  if (!table) return Value::null(TypeId::Text);
  int64_t column = args.size() > 1 ? args[1].as_int() : 0;
  if (column == 0) return Value::text(index_definition(context, index, *table, pretty_argument(args, 2)));
  std::vector<int16_t> attnums = index.all_attnums();
  if (column < 0 || static_cast<size_t>(column) > attnums.size()) return Value::text("");
  return Value::text(column_name(*table, attnums[static_cast<size_t>(column) - 1]));
}

const char* referential_action(char action) {
  switch (action) {
    case 'r': return "RESTRICT";
    case 'c': return "CASCADE";
    case 'n': return "SET NULL";
    case 'd': return "SET DEFAULT";
    default: return nullptr;  // 'a' NO ACTION, the default, is not printed
  }
}

std::string foreign_key_definition(ExecContext& context, const ConstraintInfo& constraint, const TableInfo& table) {
  auto referenced = relation_with_oid(context, constraint.referenced_table);
  std::string text = fmt::format("FOREIGN KEY ({}) REFERENCES ", column_list(table, constraint.columns));
  if (referenced) {
    text += relation_name(context, *referenced, false) + "(" + column_list(*referenced, constraint.referenced_columns) + ")";
  }
  if (constraint.match_type == 'f') text += " MATCH FULL";
  if (const char* action = referential_action(constraint.update_action)) text += fmt::format(" ON UPDATE {}", action);
  if (const char* action = referential_action(constraint.delete_action)) text += fmt::format(" ON DELETE {}", action);
  return text;
}

std::string key_constraint_definition(const ConstraintInfo& constraint, const TableInfo& table) {
  std::string text = fmt::format("{} ({})", constraint.type == kConstraintPrimaryKey ? "PRIMARY KEY" : "UNIQUE",
                                 column_list(table, constraint.columns));
  const IndexInfo* index = table.find_index(constraint.index_oid);
  if (index && !index->include.empty()) text += " INCLUDE (" + column_list(table, index->include) + ")";
  return text;
}

std::string constraint_definition(ExecContext& context, const ConstraintInfo& constraint, const TableInfo& table,
                                  bool pretty) {
  std::string text;
  switch (constraint.type) {
    case kConstraintForeignKey: text = foreign_key_definition(context, constraint, table); break;
    case kConstraintPrimaryKey:
    case kConstraintUnique: text = key_constraint_definition(constraint, table); break;
    default: {
      text = fmt::format("CHECK ({})", expression_text(context, constraint.check_expr.value_or("true"), table, pretty));
      if (constraint.no_inherit) text += " NO INHERIT";
      break;
    }
  }
  if (constraint.deferrable) text += " DEFERRABLE";
  if (constraint.deferred) text += " INITIALLY DEFERRED";
  if (!constraint.validated) text += " NOT VALID";
  return text;
}

// pg_get_constraintdef: NULL for an OID that names no constraint the snapshot sees.
Value get_constraintdef(ExecContext& context, std::span<const Value> args) {
  auto oid = static_cast<Oid>(args[0].as_int());
  for (const auto& relation : context.catalog.relations(context.snapshot)) {
    for (const ConstraintInfo& constraint : relation->constraints) {
      if (constraint.oid == oid)
        return Value::text(constraint_definition(context, constraint, *relation, pretty_argument(args, 1)));
    }
  }
  return Value::null(TypeId::Text);
}

// No extended statistics objects or triggers exist, so every OID is unknown: NULL.
Value no_such_object(ExecContext&, std::span<const Value>) { return Value::null(TypeId::Text); }

}  // namespace

void register_object_definition_functions(EngineFunctionRegistry& registry) {
  const DataType text{TypeId::Text}, oid{TypeId::Oid}, boolean{TypeId::Bool}, int4{TypeId::Int4};
  registry.add(EngineFunction::scalar_function("pg_get_expr", {{"expr", text}, {"relation", oid}}, text, get_expr));
  registry.add(EngineFunction::scalar_function("pg_get_expr", {{"expr", text}, {"relation", oid}, {"pretty", boolean}},
                                               text, get_expr));
  registry.add(EngineFunction::scalar_function("pg_get_indexdef", {{"index", oid}}, text, get_indexdef));
  registry.add(EngineFunction::scalar_function("pg_get_indexdef", {{"index", oid}, {"column", int4}, {"pretty", boolean}},
                                               text, get_indexdef));
  registry.add(EngineFunction::scalar_function("pg_get_constraintdef", {{"constraint", oid}}, text, get_constraintdef));
  registry.add(EngineFunction::scalar_function("pg_get_constraintdef", {{"constraint", oid}, {"pretty", boolean}},
                                               text, get_constraintdef));
  registry.add(EngineFunction::scalar_function("pg_get_statisticsobjdef_columns", {{"statistics", oid}}, text,
                                               no_such_object));
  registry.add(EngineFunction::scalar_function("pg_get_triggerdef", {{"trigger", oid}}, text, no_such_object));
  registry.add(EngineFunction::scalar_function("pg_get_triggerdef", {{"trigger", oid}, {"pretty", boolean}}, text,
                                               no_such_object));
}

}  // namespace chalkdb
