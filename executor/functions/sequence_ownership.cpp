// pg_get_serial_sequence(table text, column text): the schema-qualified name of the sequence a
// serial or identity column draws from, NULL for another column (42P01 / 42703 for a missing
// table or column, as in PostgreSQL). Ownership is found by the sequence's name (see
// storage/catalog/owned_sequence.h) rather than through pg_depend.
#include <fmt/format.h>

#include <algorithm>

#include "executor/functions/engine_functions.h"
#include "executor/functions/relation_arguments.h"
#include "sql/error/sql_error.h"
#include "sql/types/more_string_functions.h"
#include "storage/catalog/owned_sequence.h"

namespace chalkdb {

namespace {

Value serial_sequence(ExecContext& context, std::span<const Value> args) {
  auto table = relation_named(context, args[0].as_text());
  const std::string column_name = args[1].as_text();
  const ColumnInfo* column = nullptr;
  for (const ColumnInfo& c : table->columns)
    if (c.name == column_name) column = &c;
  if (!column) {
    throw SqlError(sqlstate::kUndefinedColumn,
                   fmt::format("column \"{}\" of relation \"{}\" does not exist", column_name, table->name));
  }
  std::string sequence = owned_sequence_name(table->name, column->name);
  bool owns = column->identity != '\0' || column->default_expr == nextval_sql(sequence);
  if (!owns || !context.catalog.find_relation(table->schema, sequence, context.snapshot))
    return Value::null(TypeId::Text);
  return Value::text(fmt::format("{}.{}", quote_identifier(table->schema), quote_identifier(sequence)));
}

}  // namespace

void register_sequence_ownership_functions(EngineFunctionRegistry& registry) {
  registry.add(EngineFunction::scalar_function(
      "pg_get_serial_sequence", {{"table_name", DataType{TypeId::Text}}, {"column_name", DataType{TypeId::Text}}},
      DataType{TypeId::Text}, serial_sequence));
}

}  // namespace chalkdb
