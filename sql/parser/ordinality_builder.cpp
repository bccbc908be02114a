#include "sql/parser/ordinality_builder.h"

namespace chalkdb {

namespace {

// row_number() OVER () AS ordinality
ast::ResultTarget ordinality_target(int location) {
  auto call = std::make_unique<ast::FuncCall>(location);
  call->name = {"row_number"};
  call->over = std::make_unique<ast::WindowSpec>();
  call->over->location = location;
  ast::ResultTarget target;
  target.expr = std::move(call);
  target.alias = "ordinality";
  target.location = location;
  return target;
}

}  // namespace

ast::TableRefPtr with_ordinality(std::unique_ptr<ast::FunctionTable> function) {
  int location = function->location;
  std::string name = function->call->name.back();
  ast::Alias alias = function->alias.value_or(ast::Alias{name, {}});
  // Inside, the function is named as written (so a one-column function's column takes the
  // alias, as without ordinality); outside, the alias's column list renames the columns.
  function->alias = ast::Alias{alias.name, {}};

  auto query = std::make_unique<ast::SelectStmt>(location);
  ast::ResultTarget all;
  all.expr = std::make_unique<ast::Star>(location);
  all.location = location;
  query->targets.push_back(std::move(all));
  query->targets.push_back(ordinality_target(location));
  query->from.push_back(std::move(function));

  auto subquery = std::make_unique<ast::Subselect>(location);
  subquery->query = std::move(query);
  subquery->alias = std::move(alias);
  subquery->lateral = true;
  return subquery;
}

}  // namespace chalkdb
