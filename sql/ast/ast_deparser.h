// Turns an AST expression back into SQL text, e.g. to store a column DEFAULT in the catalog
// (pg_attrdef.adbin holds SQL text in ChalkDB, where PostgreSQL keeps a node tree).
#pragma once

#include <string>

#include "sql/ast/ast.h"

namespace chalkdb {

// Throws 0A000 for expression kinds that cannot be stored yet.
std::string deparse_ast(const ast::Expr& expr);

// 'text' with embedded quotes doubled.
std::string quote_sql_literal(const std::string& text);

}  // namespace chalkdb
