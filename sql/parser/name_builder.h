// Names from the grammar's name rules: qualified relation names, name lists and function
// names, with PostgreSQL's checks on how many dotted parts a name may have.
#pragma once

#include <string>
#include <vector>

#include "ChalkSqlParser.h"
#include "sql/ast/ast.h"

namespace chalkdb {

// schema.table or table. Three parts (catalog.schema.table) raise 0A000 `cross-database
// references are not implemented` — PostgreSQL accepts them when the catalog is the current
// database, which the parser cannot know; more parts are 42601 `improper qualified name`.
ast::QualifiedName qualified_name(ChalkSqlParser::QualifiedNameContext* context);

std::vector<std::string> name_list(ChalkSqlParser::NameListContext* context);

// The parts of colId (DOT colLabel)*, case-folded.
std::vector<std::string> dotted_name(ChalkSqlParser::ColIdContext* first,
                                     const std::vector<ChalkSqlParser::ColLabelContext*>& rest);

std::vector<std::string> function_name(ChalkSqlParser::FuncNameContext* context);

}  // namespace chalkdb
