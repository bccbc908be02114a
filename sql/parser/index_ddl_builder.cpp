#include "sql/parser/index_ddl_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/sequence_ddl_builder.h"
#include "sql/parser/type_name_builder.h"

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
  if (auto* rename = context->renameClause()) {
    ast::AlterTableCmd cmd;
    cmd.location = location_of(rename);
    auto names = rename->colId();
    cmd.kind = names.size() == 1 ? ast::AlterTableCmdKind::RenameTable : ast::AlterTableCmdKind::RenameColumn;
    if (names.size() == 2) cmd.name = identifier_name(names[0]);
    cmd.new_name = identifier_name(names.back());
    alter->commands.push_back(std::move(cmd));
  }
  for (auto* command : context->alterTableCmd()) alter->commands.push_back(alter_table_command(command));
  return alter;
}

ast::AlterTableCmd IndexDdlBuilder::alter_table_command(P::AlterTableCmdContext* command) {
  ast::AlterTableCmd cmd;
  cmd.location = location_of(command);
  if (auto* add = dynamic_cast<P::AddTableConstraintContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::AddConstraint;
    cmd.constraint = tables_.table_constraint(add->tableConstraint());
  } else if (auto* add_column = dynamic_cast<P::AddColumnContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::AddColumn;
    cmd.column = tables_.column(add_column->columnDef());
    cmd.name = cmd.column->name;
    cmd.if_exists = add_column->IF() != nullptr;
  } else if (auto* drop_column = dynamic_cast<P::DropColumnContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::DropColumn;
    cmd.name = identifier_name(drop_column->colId());
    cmd.if_exists = drop_column->IF() != nullptr;
    cmd.cascade = drop_column->CASCADE() != nullptr;
  } else if (auto* alter_type = dynamic_cast<P::AlterColumnTypeContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::AlterColumnType;
    cmd.name = identifier_name(alter_type->colId());
    cmd.column = ast::ColumnDef{cmd.name, type_name(alter_type->typeName()), {}, location_of(alter_type)};
    if (alter_type->aExpr()) cmd.expr = expressions_.build(alter_type->aExpr());
  } else if (auto* drop = dynamic_cast<P::DropTableConstraintContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::DropConstraint;
    cmd.name = identifier_name(drop->colId());
    cmd.if_exists = drop->IF() != nullptr;
    cmd.cascade = drop->CASCADE() != nullptr;
  } else if (auto* set_default = dynamic_cast<P::AlterColumnSetDefaultContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::SetDefault;
    cmd.name = identifier_name(set_default->colId());
    cmd.expr = expressions_.build(set_default->aExpr());
  } else if (auto* drop_default = dynamic_cast<P::AlterColumnDropDefaultContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::DropDefault;
    cmd.name = identifier_name(drop_default->colId());
  } else if (auto* add_identity = dynamic_cast<P::AlterColumnAddIdentityContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::AddIdentity;
    cmd.name = identifier_name(add_identity->colId());
    cmd.identity = build_identity_spec(add_identity->identitySpec());
  } else if (auto* drop_identity = dynamic_cast<P::AlterColumnDropIdentityContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::DropIdentity;
    cmd.name = identifier_name(drop_identity->colId());
    cmd.if_exists = drop_identity->IF() != nullptr;
  } else if (auto* restart = dynamic_cast<P::AlterColumnRestartContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::RestartIdentity;
    cmd.name = identifier_name(restart->colId());
    if (restart->numericOnly()) cmd.restart_with = build_restart_value(restart->numericOnly());
  } else if (auto* set_not_null = dynamic_cast<P::AlterColumnSetNotNullContext*>(command)) {
    cmd.kind = ast::AlterTableCmdKind::SetNotNull;
    cmd.name = identifier_name(set_not_null->colId());
  } else {
    cmd.kind = ast::AlterTableCmdKind::DropNotNull;
    cmd.name = identifier_name(static_cast<P::AlterColumnDropNotNullContext*>(command)->colId());
  }
  return cmd;
}

}  // namespace chalkdb
