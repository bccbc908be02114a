// SqlError: the one exception type for errors that end a statement.
//
// It carries exactly the fields of a PostgreSQL ErrorResponse (severity, SQLSTATE, message,
// detail, hint, position, context, schema/table/column/constraint names), so the server maps it
// 1:1 to the wire. Messages follow PostgreSQL's wording (shared/compat/errors.md).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "sql/error/sqlstate.h"

namespace chalkdb {

enum class Severity { Error, Fatal, Panic, Warning, Notice, Debug, Info, Log };

const char* severity_name(Severity severity);

class SqlError : public std::runtime_error {
 public:
  SqlError(SqlState state, std::string message);

  SqlError& with_severity(Severity severity);
  SqlError& with_detail(std::string detail);
  SqlError& with_hint(std::string hint);
  // 1-based character (not byte) offset into the query string the client sent.
  SqlError& with_position(int position);
  SqlError& with_context(std::string context);
  SqlError& with_table(std::string schema, std::string table);
  SqlError& with_column(std::string column);
  SqlError& with_constraint(std::string constraint);
  SqlError& with_datatype(std::string datatype);

  Severity severity = Severity::Error;
  SqlState state;
  std::string message;
  std::optional<std::string> detail;
  std::optional<std::string> hint;
  std::optional<int> position;
  std::optional<std::string> context;
  std::optional<std::string> schema_name;
  std::optional<std::string> table_name;
  std::optional<std::string> column_name;
  std::optional<std::string> constraint_name;
  std::optional<std::string> datatype_name;
};

}  // namespace chalkdb
