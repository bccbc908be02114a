#include "storage/catalog/owned_sequence.h"

#include <fmt/format.h>

#include "sql/ast/ast_deparser.h"

namespace chalkdb {

std::string owned_sequence_name(const std::string& table, const std::string& column) {
  return fmt::format("{}_{}_seq", table, column);
}

std::string nextval_sql(const std::string& sequence) {
  return fmt::format("nextval({}::regclass)", quote_sql_literal(sequence));
}

std::optional<std::string> column_default_sql(const TableInfo& table, const ColumnInfo& column) {
  if (column.identity != '\0') return nextval_sql(owned_sequence_name(table.name, column.name));
  return column.default_expr;
}

}  // namespace chalkdb
