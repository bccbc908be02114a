#include "sql/error/sql_error.h"

namespace chalkdb {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "ERROR";
    case Severity::Fatal: return "FATAL";
    case Severity::Panic: return "PANIC";
    case Severity::Warning: return "WARNING";
    case Severity::Notice: return "NOTICE";
    case Severity::Debug: return "DEBUG";
    case Severity::Info: return "INFO";
    case Severity::Log: return "LOG";
  }
  return "ERROR";
}

SqlError::SqlError(SqlState state_code, std::string text)
    : std::runtime_error(text), state(state_code), message(std::move(text)) {}

SqlError& SqlError::with_severity(Severity s) { severity = s; return *this; }
SqlError& SqlError::with_detail(std::string d) { detail = std::move(d); return *this; }
SqlError& SqlError::with_hint(std::string h) { hint = std::move(h); return *this; }
SqlError& SqlError::with_position(int p) { position = p; return *this; }
SqlError& SqlError::with_context(std::string c) { context = std::move(c); return *this; }
SqlError& SqlError::with_table(std::string schema, std::string table) {
  schema_name = std::move(schema);
  table_name = std::move(table);
  return *this;
}
SqlError& SqlError::with_column(std::string c) { column_name = std::move(c); return *this; }
SqlError& SqlError::with_constraint(std::string c) { constraint_name = std::move(c); return *this; }
SqlError& SqlError::with_datatype(std::string d) { datatype_name = std::move(d); return *this; }

}  // namespace chalkdb
