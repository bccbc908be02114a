#include "sql/parser/name_builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/syntax_error.h"

namespace chalkdb {

std::vector<std::string> dotted_name(ChalkSqlParser::ColIdContext* first,
                                     const std::vector<ChalkSqlParser::ColLabelContext*>& rest) {
  std::vector<std::string> names{identifier_name(first)};
  for (auto* label : rest) names.push_back(identifier_name(label));
  return names;
}

ast::QualifiedName qualified_name(ChalkSqlParser::QualifiedNameContext* context) {
  std::vector<std::string> names = dotted_name(context->colId(), context->colLabel());
  const int location = location_of(context);
  const std::string written = fmt::format("{}", fmt::join(names, "."));
  if (names.size() > 3) {
    throw syntax_error(fmt::format("improper qualified name (too many dotted names): {}", written),
                       location);
  }
  if (names.size() == 3) {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("cross-database references are not implemented: \"{}\"", written))
        .with_position(location + 1);
  }
  ast::QualifiedName name;
  name.location = location;
  name.name = names.back();
  if (names.size() == 2) name.schema = names.front();
  return name;
}

std::vector<std::string> name_list(ChalkSqlParser::NameListContext* context) {
  std::vector<std::string> names;
  for (auto* id : context->colId()) names.push_back(identifier_name(id));
  return names;
}

std::vector<std::string> function_name(ChalkSqlParser::FuncNameContext* context) {
  if (context->typeFunctionName()) return {identifier_name(context->typeFunctionName())};
  return dotted_name(context->colId(), context->colLabel());
}

}  // namespace chalkdb
