#include "sql/parser/index_ddl_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/parse_tree.h"

namespace chalkdb {

using P = ChalkSqlParser;

ast::IndexElem IndexDdlBuilder::index_elem(P::IndexElemContext* context, ExpressionBuilder& expressions) {
  ast::IndexElem elem;
  elem.location = location_of(context);
  P::IndexElemTargetContext* target = context->indexElemTarget();
  if (target->colId()) {
    elem.column = identifier_name(target->colId());
  } else if (target->funcApplication()) {
    elem.expr = expressions.function_call(target->funcApplication());
  } else {
    elem.expr = expressions.build(target->aExpr());
  }
  elem.descending = context->DESC() != nullptr;
  if (context->NULLS_LA()) elem.nulls_first = context->FIRST() != nullptr;
  return elem;
}

std::unique_ptr<ast::CreateIndexStmt> IndexDdlBuilder::create_index(P::CreateIndexStmtContext* context) {
  auto create = std::make_unique<ast::CreateIndexStmt>(location_of(context));
  create->unique = context->UNIQUE() != nullptr;
  create->concurrently = context->CONCURRENTLY() != nullptr;
  create->if_not_exists = context->IF() != nullptr;
  std::vector<P::ColIdContext*> names = context->colId();
  size_t next_name = 0;
  // The optional index name precedes ON; the access method (USING) follows the table.
  if (!names.empty() && names[0]->getStart()->getStartIndex() < context->ON()->getSymbol()->getStartIndex()) {
    create->name = identifier_name(names[next_name++]);
  }
  create->table = qualified_name(context->qualifiedName());
  if (next_name < names.size()) {
    create->access_method = identifier_name(names[next_name]);
    create->access_method_location = location_of(names[next_name]);
  }
  for (auto* elem : context->indexElem()) create->columns.push_back(index_elem(elem, expressions_));
  if (context->nameList()) create->include = name_list(context->nameList());
  if (context->storageParameters()) {
    create->storage_parameters = TableDdlBuilder::storage_parameters(context->storageParameters());
  }
  if (context->whereClause()) create->where = expressions_.build(context->whereClause()->aExpr());
  return create;
}

std::unique_ptr<ast::DropIndexStmt> IndexDdlBuilder::drop_index(P::DropIndexStmtContext* context) {
  auto drop = std::make_unique<ast::DropIndexStmt>(location_of(context));
  drop->concurrently = context->CONCURRENTLY() != nullptr;
  drop->if_exists = context->IF() != nullptr;
  for (auto* name : context->qualifiedName()) drop->indexes.push_back(qualified_name(name));
  drop->cascade = context->CASCADE() != nullptr;
  return drop;
}

std::unique_ptr<ast::ReindexStmt> IndexDdlBuilder::reindex(P::ReindexStmtContext* context) {
  auto reindex = std::make_unique<ast::ReindexStmt>(location_of(context));
  reindex->table = context->TABLE() != nullptr;
  reindex->concurrently = context->CONCURRENTLY() != nullptr;
  reindex->name = qualified_name(context->qualifiedName());
  return reindex;
}

std::unique_ptr<ast::AlterTableStmt> IndexDdlBuilder::alter_table(P::AlterTableStmtContext* context) {
  auto alter = std::make_unique<ast::AlterTableStmt>(location_of(context));
  alter->if_exists = context->IF() != nullptr;
  alter->table = qualified_name(context->qualifiedName());
  for (auto* command : context->alterTableCmd()) {
    ast::AlterTableCmd cmd;
    cmd.location = location_of(command);
    auto* add = static_cast<P::AddTableConstraintContext*>(command);
    cmd.kind = ast::AlterTableCmdKind::AddConstraint;
    cmd.constraint = tables_.table_constraint(add->tableConstraint());
    alter->commands.push_back(std::move(cmd));
  }
  return alter;
}

}  // namespace chalkdb
