#include "executor/sequence_ddl.h"

#include <fmt/format.h>

#include <limits>

#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

std::pair<int64_t, int64_t> type_range(TypeId type) {
  switch (type) {
    case TypeId::Int2: return {std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()};
    case TypeId::Int4: return {std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
    default: return {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  }
}

[[noreturn]] void invalid(std::string message) {
  throw SqlError(sqlstate::kInvalidParameterValue, std::move(message));
}

TypeId sequence_type(const std::optional<ast::TypeName>& name) {
  if (!name) return TypeId::Int8;
  DataType type = resolve_type_name(name->name, name->modifiers);
  if (type.id != TypeId::Int2 && type.id != TypeId::Int4 && type.id != TypeId::Int8)
    invalid("sequence type must be smallint, integer, or bigint");
  return type.id;
}

// PostgreSQL's init_params() for CREATE SEQUENCE.
SequenceOptions resolve_options(const ast::CreateSequenceStmt& stmt) {
  SequenceOptions options;
  options.type = sequence_type(stmt.type);
  auto [type_min, type_max] = type_range(options.type);
  const char* type_name = options.type == TypeId::Int2   ? "smallint"
                          : options.type == TypeId::Int4 ? "integer"
                                                         : "bigint";
  options.increment = stmt.increment.value_or(1);
  if (options.increment == 0) invalid("INCREMENT must not be zero");
  options.cycle = stmt.cycle.value_or(false);
  if (stmt.max_value && *stmt.max_value) options.max_value = **stmt.max_value;
  else options.max_value = options.increment > 0 ? type_max : -1;
  if (stmt.min_value && *stmt.min_value) options.min_value = **stmt.min_value;
  else options.min_value = options.increment > 0 ? 1 : type_min;
  if (options.max_value < type_min || options.max_value > type_max) {
    invalid(fmt::format("MAXVALUE ({}) is out of range for sequence data type {}", options.max_value,
                        type_name));
  }
  if (options.min_value < type_min || options.min_value > type_max) {
    invalid(fmt::format("MINVALUE ({}) is out of range for sequence data type {}", options.min_value,
                        type_name));
  }
  if (options.min_value >= options.max_value) {
    invalid(fmt::format("MINVALUE ({}) must be less than MAXVALUE ({})", options.min_value,
                        options.max_value));
  }
  options.start = stmt.start.value_or(options.increment > 0 ? options.min_value : options.max_value);
  if (options.start < options.min_value) {
    invalid(fmt::format("START value ({}) cannot be less than MINVALUE ({})", options.start,
                        options.min_value));
  }
  if (options.start > options.max_value) {
    invalid(fmt::format("START value ({}) cannot be greater than MAXVALUE ({})", options.start,
                        options.max_value));
  }
  options.cache = stmt.cache.value_or(1);
  if (options.cache <= 0) invalid(fmt::format("CACHE ({}) must be greater than zero", options.cache));
  return options;
}

}  // namespace

SequenceOptions default_sequence_options(TypeId type) {
  return sequence_options(ast::CreateSequenceStmt(0), type);
}

SequenceOptions sequence_options(const ast::CreateSequenceStmt& stmt, TypeId default_type) {
  if (stmt.type) return resolve_options(stmt);
  ast::CreateSequenceStmt typed(stmt.location);
  typed.type = ast::TypeName{};
  typed.type->name = default_type == TypeId::Int2 ? "int2" : default_type == TypeId::Int4 ? "int4" : "int8";
  typed.start = stmt.start;
  typed.increment = stmt.increment;
  typed.cache = stmt.cache;
  typed.min_value = stmt.min_value;
  typed.max_value = stmt.max_value;
  typed.cycle = stmt.cycle;
  return resolve_options(typed);
}

void create_sequence(const ast::CreateSequenceStmt& stmt, ExecContext& context, ResultSink& sink) {
  if (stmt.temporary) {
    throw SqlError(sqlstate::kFeatureNotSupported, "temporary sequences are not supported yet")
        .with_position(stmt.location + 1);
  }
  SequenceOptions options = resolve_options(stmt);
  std::string schema = stmt.name.schema.value_or("public");
  if (stmt.if_not_exists && context.catalog.find_relation(schema, stmt.name.name, context.snapshot)) {
    sink.notice(SqlError(sqlstate::kDuplicateTable,
                         fmt::format("relation \"{}\" already exists, skipping", stmt.name.name))
                    .with_severity(Severity::Notice));
    return;
  }
  context.catalog.create_sequence(schema, stmt.name.name, context.write_xid(),
                                  context.transaction.command_id(), options);
}

}  // namespace chalkdb
