#include "executor/temp_tables.h"

#include <fmt/format.h>

#include "executor/exec_context.h"
#include "executor/schema_ddl.h"
#include "executor/table_ddl.h"
#include "executor/truncate.h"
#include "sql/error/sql_error.h"
#include "storage/catalog/system_tables.h"

namespace chalkdb {

namespace {

constexpr int kFirstTempSchemaNumber = 3;

// ON COMMIT actions report nothing to the client.
class DiscardingSink : public ResultSink {
 public:
  void row_description(const std::vector<ColumnDescription>&) override {}
  void data_row(std::span<const Value>) override {}
  void command_complete(std::string_view) override {}
  void empty_query() override {}
  void notice(const SqlError&) override {}
};

ast::QualifiedName qualified(const TableInfo& table) {
  ast::QualifiedName name;
  name.schema = table.schema;
  name.name = table.name;
  return name;
}

}  // namespace

int TempSchemaNumbers::claim() {
  std::lock_guard lock(mutex_);
  int number = kFirstTempSchemaNumber;
  while (in_use_.contains(number)) ++number;
  in_use_.insert(number);
  return number;
}

void TempSchemaNumbers::release(int number) {
  std::lock_guard lock(mutex_);
  in_use_.erase(number);
}

TempTables::TempTables(TempSchemaNumbers& numbers, SearchPathSource& source)
    : numbers_(numbers), source_(source), number_(numbers.claim()) {}

TempTables::~TempTables() { numbers_.release(number_); }

std::string TempTables::schema_name() const { return fmt::format("pg_temp_{}", number_); }

void TempTables::activate(ExecContext& context) {
  std::string name = schema_name();
  Snapshot latest = Snapshot::latest(context.write_xid(), context.transaction.command_id());
  std::optional<Oid> schema = context.catalog.find_namespace(name, latest);
  if (!schema) {
    context.catalog.create_namespace(name, kBootstrapSuperuserId, context.write_xid(),
                                     context.transaction.command_id());
  } else if (!active()) {
    drop_schema_contents(*schema, context);  // left by an earlier session or a crash
  }
  context.transaction.next_command();
  source_.temp_schema = std::move(name);
}

void TempTables::on_commit(Oid table, ast::OnCommitAction action) {
  if (action != ast::OnCommitAction::PreserveRows) actions_.push_back({table, action});
}

void TempTables::before_commit(ExecContext& context) {
  if (actions_.empty()) return;
  DiscardingSink sink;
  std::vector<Action> kept;
  for (const Action& action : actions_) {
    Snapshot latest = Snapshot::latest(context.write_xid(), context.transaction.command_id());
    auto table = context.catalog.relation_by_oid(action.table, latest);
    if (!table) continue;  // dropped, or its creating transaction rolled back
    if (action.action == ast::OnCommitAction::Drop) {
      ast::DropTableStmt drop(0);
      drop.tables.push_back(qualified(*table));
      drop.cascade = true;
      drop_tables(drop, context, sink);
      continue;
    }
    ast::TruncateStmt truncate(0);
    truncate.tables.push_back(qualified(*table));
    truncate_tables(truncate, context, sink);
    context.transaction.next_command();
    kept.push_back(action);
  }
  actions_ = std::move(kept);
}

void TempTables::drop_all(ExecContext& context) {
  std::optional<Oid> schema = context.catalog.find_namespace(schema_name(), context.snapshot);
  if (schema) drop_schema_contents(*schema, context);
  actions_.clear();
}

void check_on_commit(const std::optional<ast::OnCommitAction>& action, bool temporary) {
  if (action && !temporary) {
    throw SqlError(sqlstate::kInvalidTableDefinition, "ON COMMIT can only be used on temporary tables");
  }
}

}  // namespace chalkdb
