// Type names as written in casts, typed literals and column definitions, mapped to
// ast::TypeName the way gram.y maps them: the SQL-standard keyword spellings become
// PostgreSQL's internal names (integer -> int4, character varying -> varchar,
// timestamp with time zone -> timestamptz, float(p) -> float4 or float8, char -> bpchar(1));
// any other name is kept as written (lower-cased unless quoted, dotted parts joined by '.').
#pragma once

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

ast::TypeName type_name(ChalkSqlParser::TypeNameContext* context);
ast::TypeName const_type_name(ChalkSqlParser::ConstTypeNameContext* context);
// The type of a generic typed literal (`int4 '5'`, `pg_catalog.date '...'`).
ast::TypeName generic_type_name(ChalkSqlParser::FuncNameContext* context);

}  // namespace chalkdb
