// CopyOptions: the checked options of one COPY statement (PostgreSQL's ProcessCopyOptions) —
// format, delimiter, NULL string, header, CSV quote and escape, FORCE_QUOTE/FORCE_NOT_NULL.
//
// Option errors are PostgreSQL 15's: unknown option 42601, repeated option 42601 "conflicting
// or redundant options", bad values 22023, options that need CSV mode or a direction 0A000.
// Binary COPY is not supported yet (0A000); neither is HEADER MATCH.
#pragma once

#include <string>
#include <vector>

#include "sql/ast/ast.h"

namespace chalkdb {

enum class CopyFormat { Text, Csv };

struct CopyOptions {
  CopyFormat format = CopyFormat::Text;
  char delimiter = '\t';
  std::string null_string = "\\N";
  bool header = false;
  char quote = '"';
  char escape = '"';
  bool force_quote_all = false;
  std::vector<std::string> force_quote;     // column names
  std::vector<std::string> force_not_null;  // column names

  bool csv() const { return format == CopyFormat::Csv; }
};

// Reads and checks the options of `copy` (is_from tells the direction).
CopyOptions copy_options(const ast::CopyStmt& copy);

}  // namespace chalkdb
