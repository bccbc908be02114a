#include "executor/prepared_statement.h"

#include "executor/statement_runner.h"
#include "planner/parameter_binding.h"
#include "sql/error/sql_error.h"
#include "sql/parser/statement_cache.h"
#include "sql/settings/settings_registry.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

ColumnDescription text_column(std::string name) {
  ColumnDescription column;
  column.name = std::move(name);
  column.type = DataType{TypeId::Text};
  return column;
}

// The result columns of statements that return rows without being planned (SHOW, EXPLAIN).
std::vector<ColumnDescription> utility_columns(const ast::Stmt& statement) {
  if (statement.kind == ast::StmtKind::Explain) return {text_column("QUERY PLAN")};
  if (statement.kind != ast::StmtKind::Show) return {};
  const auto& show = static_cast<const ast::ShowStmt&>(statement);
  if (show.name == "all") return {text_column("name"), text_column("setting"), text_column("description")};
  return {text_column(SettingsRegistry::global().get(show.name).name)};
}

}  // namespace

bool PreparedStatement::is_plannable() const {
  if (!statement) return false;
  switch (statement->kind) {
    case ast::StmtKind::Select:
    case ast::StmtKind::Insert:
    case ast::StmtKind::Update:
    case ast::StmtKind::Delete: return true;
    default: return false;
  }
}

std::shared_ptr<PreparedStatement> parse_prepared(std::string_view query,
                                                  std::vector<DataType> declared_types) {
  std::shared_ptr<const StatementCache::Statements> statements = StatementCache::global().parse(query);
  if (statements->size() > 1) {
    throw SqlError(sqlstate::kSyntaxError, "cannot insert multiple commands into a prepared statement");
  }
  auto prepared = std::make_shared<PreparedStatement>();
  prepared->text = std::string(query);
  // The tree stays owned by the cache's entry, which the statement keeps alive.
  if (!statements->empty()) prepared->statement = std::shared_ptr<const ast::Stmt>(statements, statements->front().get());
  prepared->parameter_types = std::move(declared_types);
  return prepared;
}

void analyse_prepared(PreparedStatement& prepared, ExecContext& context) {
  if (!prepared.statement) return;
  if (!prepared.is_plannable()) {
    prepared.columns = utility_columns(*prepared.statement);
    return;
  }
  ParameterBinding parameters(prepared.parameter_types);
  ParameterScope scope(&parameters);
  std::vector<TargetEntry> result_columns = StatementRunner(context).bind_result_columns(*prepared.statement);
  parameters.check_all_resolved();
  prepared.parameter_types = parameters.types();
  prepared.columns = describe_targets(result_columns);  // SELECT, RETURNING; none otherwise
}

std::vector<ColumnDescription> describe_targets(const std::vector<TargetEntry>& targets) {
  std::vector<ColumnDescription> columns;
  for (const auto& target : targets) {
    ColumnDescription column;
    column.name = target.name;
    column.table_oid = target.table_oid;
    column.column_number = target.column_number;
    column.type = target.expr->type;
    column.type_length = type_info(target.expr->type.id).typlen;
    columns.push_back(std::move(column));
  }
  return columns;
}

}  // namespace chalkdb
