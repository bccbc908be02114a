#include "sql/parser/table_ddl_builder.h"

#include "sql/parser/identifier.h"
#include "sql/parser/name_builder.h"
#include "sql/parser/option_value.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/sequence_ddl_builder.h"
#include "sql/parser/type_name_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;

std::optional<std::string> constraint_name(P::ColIdContext* name) {
  if (name == nullptr) return std::nullopt;
  return identifier_name(name);
}

ast::ReferentialAction referential_action(P::ReferentialActionContext* context) {
  switch (context->getStart()->getType()) {
    case P::RESTRICT: return ast::ReferentialAction::Restrict;
    case P::CASCADE: return ast::ReferentialAction::Cascade;
    case P::SET: return context->NULL_P() ? ast::ReferentialAction::SetNull : ast::ReferentialAction::SetDefault;
    default: return ast::ReferentialAction::NoAction;
  }
}

ast::ForeignKeyReference references(P::ReferencesClauseContext* context) {
  ast::ForeignKeyReference reference;
  reference.table = qualified_name(context->qualifiedName());
  if (context->nameList()) reference.columns = name_list(context->nameList());
  if (context->FULL()) reference.match = ast::ForeignKeyMatch::Full;
  if (context->PARTIAL()) reference.match = ast::ForeignKeyMatch::Partial;
  for (auto* trigger : context->referentialTrigger()) {
    const ast::ReferentialAction action = referential_action(trigger->referentialAction());
    (trigger->DELETE() ? reference.on_delete : reference.on_update) = action;
  }
  return reference;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> TableDdlBuilder::storage_parameters(
    P::StorageParametersContext* context) {
  std::vector<std::pair<std::string, std::string>> parameters;
  for (auto* parameter : context->storageParameter()) {
    std::string name;
    for (auto* part : parameter->colLabel()) {
      if (!name.empty()) name += '.';
      name += identifier_name(part);
    }
    std::string value = "true";
    if (parameter->numericOnly()) value = numeric_text(parameter->numericOnly());
    if (parameter->booleanOrString()) value = boolean_or_string(parameter->booleanOrString());
    parameters.emplace_back(std::move(name), std::move(value));
  }
  return parameters;
}

std::unique_ptr<ast::CreateTableStmt> TableDdlBuilder::create_table(P::CreateTableStmtContext* context) {
  auto create = std::make_unique<ast::CreateTableStmt>(location_of(context));
  create->temporary = context->tempSpec() != nullptr;
  create->if_not_exists = context->IF() != nullptr;
  create->table = qualified_name(context->qualifiedName());
  for (auto* element : context->tableElement()) {
    if (element->columnDef()) {
      create->columns.push_back(column(element->columnDef()));
    } else {
      create->constraints.push_back(table_constraint(element->tableConstraint()));
    }
  }
  if (context->colId()) create->access_method = identifier_name(context->colId());
  if (context->storageParameters()) create->storage_parameters = storage_parameters(context->storageParameters());
  return create;
}

ast::ColumnDef TableDdlBuilder::column(P::ColumnDefContext* context) {
  ast::ColumnDef column;
  column.name = identifier_name(context->colId());
  column.location = location_of(context);
  column.type = type_name(context->typeName());
  for (auto* constraint : context->columnConstraint()) {
    column.constraints.push_back(column_constraint(constraint));
  }
  return column;
}

ast::ColumnConstraint TableDdlBuilder::column_constraint(P::ColumnConstraintContext* context) {
  P::ColumnConstraintElemContext* element = context->columnConstraintElem();
  ast::ColumnConstraint constraint{ast::ConstraintKind::NotNull, constraint_name(context->colId()), nullptr,
                                   location_of(context), std::nullopt, std::nullopt};
  if (dynamic_cast<P::NullConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Null;
  } else if (dynamic_cast<P::UniqueColumnConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Unique;
  } else if (dynamic_cast<P::PrimaryKeyColumnConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::PrimaryKey;
  } else if (auto* check = dynamic_cast<P::CheckColumnConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Check;
    constraint.expr = expressions_.build(check->aExpr());
  } else if (auto* default_value = dynamic_cast<P::DefaultConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Default;
    constraint.expr = expressions_.build(default_value->bExpr());
  } else if (auto* foreign = dynamic_cast<P::ReferencesColumnConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::References;
    constraint.references = references(foreign->referencesClause());
  } else if (auto* identity = dynamic_cast<P::IdentityConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Identity;
    constraint.identity = build_identity_spec(identity->identitySpec());
  }
  return constraint;
}

ast::TableConstraint TableDdlBuilder::table_constraint(P::TableConstraintContext* context) {
  P::TableConstraintElemContext* element = context->tableConstraintElem();
  ast::TableConstraint constraint{ast::ConstraintKind::Check, constraint_name(context->colId()), {}, nullptr,
                                  location_of(context), std::nullopt};
  if (auto* check = dynamic_cast<P::CheckTableConstraintContext*>(element)) {
    constraint.expr = expressions_.build(check->aExpr());
  } else if (auto* unique = dynamic_cast<P::UniqueTableConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::Unique;
    constraint.columns = name_list(unique->nameList());
  } else if (auto* primary = dynamic_cast<P::PrimaryKeyTableConstraintContext*>(element)) {
    constraint.kind = ast::ConstraintKind::PrimaryKey;
    constraint.columns = name_list(primary->nameList());
  } else {
    auto* foreign = static_cast<P::ForeignKeyTableConstraintContext*>(element);
    constraint.kind = ast::ConstraintKind::References;
    constraint.columns = name_list(foreign->nameList());
    constraint.references = references(foreign->referencesClause());
  }
  return constraint;
}

std::unique_ptr<ast::DropTableStmt> TableDdlBuilder::drop_table(P::DropTableStmtContext* context) {
  auto drop = std::make_unique<ast::DropTableStmt>(location_of(context));
  if (context->SEQUENCE()) drop->object = ast::DropObjectKind::Sequence;
  drop->if_exists = context->IF() != nullptr;
  for (auto* name : context->qualifiedName()) drop->tables.push_back(qualified_name(name));
  drop->cascade = context->CASCADE() != nullptr;
  return drop;
}

std::unique_ptr<ast::TruncateStmt> TableDdlBuilder::truncate(P::TruncateStmtContext* context) {
  auto truncate = std::make_unique<ast::TruncateStmt>(location_of(context));
  for (auto* name : context->qualifiedName()) truncate->tables.push_back(qualified_name(name));
  truncate->restart_identity = context->RESTART() != nullptr;
  truncate->cascade = context->CASCADE() != nullptr;
  return truncate;
}

}  // namespace chalkdb
