#include "executor/statement_runner.h"

#include <fmt/format.h>

#include <chrono>

#include "executor/alter_table.h"
#include "executor/copy_statement.h"
#include "executor/create_table_as.h"
#include "executor/explain.h"
#include "executor/index_ddl.h"
#include "executor/on_conflict.h"
#include "executor/prepared_statement.h"
#include "executor/reg_type_output.h"
#include "executor/schema_ddl.h"
#include "executor/operators/modify_table.h"
#include "executor/sequence_ddl.h"
#include "executor/table_ddl.h"
#include "executor/truncate.h"
#include "executor/view_ddl.h"
#include "planner/binder.h"
#include "sql/error/sql_error.h"
#include "sql/settings/settings_registry.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

const char* modify_tag(ModifyKind kind) {
  switch (kind) {
    case ModifyKind::Insert: return "INSERT 0";
    case ModifyKind::Update: return "UPDATE";
    case ModifyKind::Delete: return "DELETE";
  }
  return "";
}

}  // namespace

void StatementRunner::run(const ast::Stmt& statement, ResultSink& sink) {
  switch (statement.kind) {
    case ast::StmtKind::Select:
      return run_select(static_cast<const ast::SelectStmt&>(statement), sink);
    case ast::StmtKind::Insert:
    case ast::StmtKind::Update:
    case ast::StmtKind::Delete:
      return run_modify(statement, sink);
    case ast::StmtKind::Explain:
      return run_explain(static_cast<const ast::ExplainStmt&>(statement), sink);
    case ast::StmtKind::CreateTable:
      create_table(static_cast<const ast::CreateTableStmt&>(statement), context_, sink);
      return sink.command_complete("CREATE TABLE");
    case ast::StmtKind::CreateTableAs:
      return run_create_table_as(static_cast<const ast::CreateTableAsStmt&>(statement), sink);
    case ast::StmtKind::CreateView:
      create_view(static_cast<const ast::CreateViewStmt&>(statement), context_);
      return sink.command_complete("CREATE VIEW");
    case ast::StmtKind::DropTable: {
      const auto& drop = static_cast<const ast::DropTableStmt&>(statement);
      drop_tables(drop, context_, sink);
      return sink.command_complete(drop.object == ast::DropObjectKind::Sequence ? "DROP SEQUENCE"
                                   : drop.object == ast::DropObjectKind::View   ? "DROP VIEW"
                                                                                : "DROP TABLE");
    }
    case ast::StmtKind::CreateSchema:
      create_schema(static_cast<const ast::CreateSchemaStmt&>(statement), context_, sink);
      return sink.command_complete("CREATE SCHEMA");
    case ast::StmtKind::DropSchema:
      drop_schemas(static_cast<const ast::DropSchemaStmt&>(statement), context_, sink);
      return sink.command_complete("DROP SCHEMA");
    case ast::StmtKind::AlterSchema:
      alter_schema(static_cast<const ast::AlterSchemaStmt&>(statement), context_);
      return sink.command_complete("ALTER SCHEMA");
    case ast::StmtKind::Truncate:
      truncate_tables(static_cast<const ast::TruncateStmt&>(statement), context_, sink);
      return sink.command_complete("TRUNCATE TABLE");
    case ast::StmtKind::CreateSequence:
      create_sequence(static_cast<const ast::CreateSequenceStmt&>(statement), context_, sink);
      return sink.command_complete("CREATE SEQUENCE");
    case ast::StmtKind::CreateIndex:
      create_index(static_cast<const ast::CreateIndexStmt&>(statement), context_, sink);
      return sink.command_complete("CREATE INDEX");
    case ast::StmtKind::DropIndex:
      drop_indexes(static_cast<const ast::DropIndexStmt&>(statement), context_, sink);
      return sink.command_complete("DROP INDEX");
    case ast::StmtKind::Reindex:
      reindex(static_cast<const ast::ReindexStmt&>(statement), context_, sink);
      return sink.command_complete("REINDEX");
    case ast::StmtKind::AlterTable:
      alter_table(static_cast<const ast::AlterTableStmt&>(statement), context_, sink);
      return sink.command_complete(static_cast<const ast::AlterTableStmt&>(statement).view ? "ALTER VIEW"
                                                                                          : "ALTER TABLE");
    case ast::StmtKind::Set:
      return run_set(static_cast<const ast::SetStmt&>(statement), sink);
    case ast::StmtKind::Show:
      return run_show(static_cast<const ast::ShowStmt&>(statement), sink);
    case ast::StmtKind::Copy:
      return run_copy(static_cast<const ast::CopyStmt&>(statement), context_, sink);
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "this statement is not supported yet")
          .with_position(statement.location + 1);
  }
}

PlannedQuery StatementRunner::plan(const ast::Stmt& stmt) {
  Binder binder(context_.catalog, context_.snapshot);
  Optimizer optimizer(context_.catalog, PlannerSettings::from_session(context_.settings));
  PlannedQuery planned = plan_bound(stmt, binder, optimizer);
  planned.relations = binder.resolved_relations();
  return planned;
}

std::vector<TargetEntry> StatementRunner::bind_result_columns(const ast::Stmt& stmt) {
  Binder binder(context_.catalog, context_.snapshot);
  switch (stmt.kind) {
    case ast::StmtKind::Select: return binder.bind_select(static_cast<const ast::SelectStmt&>(stmt))->targets;
    case ast::StmtKind::Insert: return binder.bind_insert(static_cast<const ast::InsertStmt&>(stmt))->returning;
    case ast::StmtKind::Update: return binder.bind_update(static_cast<const ast::UpdateStmt&>(stmt))->returning;
    case ast::StmtKind::Delete: return binder.bind_delete(static_cast<const ast::DeleteStmt&>(stmt))->returning;
    default: return plan(stmt).result_columns;  // the same 0A000 as plan()
  }
}

PlannedQuery StatementRunner::plan_bound(const ast::Stmt& stmt, Binder& binder, Optimizer& optimizer) {
  switch (stmt.kind) {
    case ast::StmtKind::Select:
      return optimizer.plan_select(*binder.bind_select(static_cast<const ast::SelectStmt&>(stmt)));
    case ast::StmtKind::Insert: {
      const auto& insert = static_cast<const ast::InsertStmt&>(stmt);
      PlannedQuery planned = optimizer.plan_modify(*binder.bind_insert(insert));
      if (insert.on_conflict) plan_on_conflict(*insert.on_conflict, *planned.root);
      return planned;
    }
    case ast::StmtKind::Update:
      return optimizer.plan_modify(*binder.bind_update(static_cast<const ast::UpdateStmt&>(stmt)));
    case ast::StmtKind::Delete:
      return optimizer.plan_modify(*binder.bind_delete(static_cast<const ast::DeleteStmt&>(stmt)));
    default:
      throw SqlError(sqlstate::kFeatureNotSupported, "EXPLAIN of this statement is not supported")
          .with_position(stmt.location + 1);
  }
}

uint64_t StatementRunner::execute(const PlannedQuery& planned, ResultSink* sink,
                                  std::unique_ptr<Operator>* keep) {
  auto root = build_operator(*planned.root, context_);
  root->open();
  uint64_t count = 0;
  RowBatch batch;
  size_t visible = planned.result_columns.size();
  RegTypeOutput output(context_, planned.result_columns);
  while (root->next(batch)) {
    count += batch.size();
    if (!sink) continue;
    for (const auto& row : batch) sink->data_row(output.apply(std::span<const Value>(row.data(), visible)));
  }
  if (planned.root->kind == PlanKind::ModifyTable)
    count = static_cast<const ModifyTable&>(*root).affected_rows();
  if (keep) *keep = std::move(root);
  return count;
}

void StatementRunner::run_select(const ast::SelectStmt& stmt, ResultSink& sink) {
  PlannedQuery planned = plan(stmt);
  sink.row_description(describe_targets(planned.result_columns));
  uint64_t rows = execute(planned, &sink, nullptr);
  sink.command_complete(fmt::format("SELECT {}", rows));
}

void StatementRunner::run_create_table_as(const ast::CreateTableAsStmt& stmt, ResultSink& sink) {
  if (create_table_as_skipped(stmt, context_, sink)) return sink.command_complete("CREATE TABLE AS");
  std::optional<uint64_t> rows = create_table_as(stmt, plan(*stmt.query), context_);
  sink.command_complete(rows ? fmt::format("SELECT {}", *rows) : "CREATE TABLE AS");
}

void StatementRunner::run_modify(const ast::Stmt& stmt, ResultSink& sink) {
  PlannedQuery planned = plan(stmt);
  if (planned.returns_rows) sink.row_description(describe_targets(planned.result_columns));
  uint64_t rows = execute(planned, planned.returns_rows ? &sink : nullptr, nullptr);
  sink.command_complete(modify_command_tag(planned, rows));
}

std::string StatementRunner::modify_command_tag(const PlannedQuery& planned, uint64_t rows) {
  return fmt::format("{} {}", modify_tag(planned.root->modify_kind), rows);
}

void StatementRunner::run_set(const ast::SetStmt& stmt, ResultSink& sink) {
  if (stmt.reset) {
    if (stmt.name == "all") {
      for (const auto& row : context_.settings.show_all()) {
        try {
          context_.settings.reset(row.name);
        } catch (const SqlError&) {
          // settings that cannot change in a session keep their value, as RESET ALL skips them
        }
      }
    } else {
      context_.settings.reset(stmt.name);
    }
    return sink.command_complete("RESET");
  }
  if (stmt.values.empty()) context_.settings.reset(stmt.name);
  else context_.settings.set(stmt.name, stmt.values, stmt.local);
  sink.command_complete("SET");
}

void StatementRunner::run_show(const ast::ShowStmt& stmt, ResultSink& sink) {
  auto text_column = [](std::string name) {
    ColumnDescription column;
    column.name = std::move(name);
    column.type = DataType{TypeId::Text};
    return column;
  };
  auto send = [&](std::vector<Value> row) { sink.data_row(std::span<const Value>(row.data(), row.size())); };
  if (stmt.name == "all") {
    sink.row_description({text_column("name"), text_column("setting"), text_column("description")});
    auto rows = context_.settings.show_all();
    for (const auto& row : rows)
      send({Value::text(row.name), Value::text(row.setting), Value::text(row.description)});
    return sink.command_complete(fmt::format("SHOW {}", rows.size()));
  }
  std::string value = context_.settings.show(stmt.name);
  sink.row_description({text_column(SettingsRegistry::global().get(stmt.name).name)});
  send({Value::text(std::move(value))});
  sink.command_complete("SHOW");
}

void StatementRunner::check_explain_format(const ast::ExplainStmt& stmt) {
  if (stmt.format != "text") {
    throw SqlError(sqlstate::kFeatureNotSupported,
                   fmt::format("EXPLAIN format \"{}\" is not supported yet", stmt.format));
  }
}

void StatementRunner::run_explain(const ast::ExplainStmt& stmt, ResultSink& sink) {
  check_explain_format(stmt);
  PlanningMeter meter;
  PlannedQuery planned = plan(*stmt.statement);
  explain(planned, stmt, meter, sink);
}

void StatementRunner::explain(const PlannedQuery& planned, const ast::ExplainStmt& stmt,
                              const PlanningMeter& meter, ResultSink& sink) {
  BufferUsage planning_buffers = thread_buffer_usage() - meter.buffers_at_start;
  auto planning_start = meter.start;
  auto planning_end = std::chrono::steady_clock::now();
  // The parser already defaults SUMMARY to ANALYZE; an explicit SUMMARY OFF wins.
  ExplainOptions options{stmt.analyze, stmt.costs, stmt.timing, stmt.summary, stmt.buffers};
  std::unique_ptr<Operator> executed;
  if (stmt.analyze) execute(planned, nullptr, &executed);
  auto execution_end = std::chrono::steady_clock::now();
  auto lines = explain_plan(*planned.root, executed.get(), options);
  if (options.buffers && planning_buffers.any()) {  // PostgreSQL's "Planning:" group
    lines.push_back("Planning:");
    lines.push_back("  Buffers: " + format_buffer_usage(planning_buffers));
  }
  if (options.summary) {
    using ms = std::chrono::duration<double, std::milli>;
    lines.push_back(fmt::format("Planning Time: {:.3f} ms", ms(planning_end - planning_start).count()));
    if (stmt.analyze)
      lines.push_back(fmt::format("Execution Time: {:.3f} ms", ms(execution_end - planning_end).count()));
  }
  ColumnDescription column;
  column.name = "QUERY PLAN";
  column.type = DataType{TypeId::Text};
  sink.row_description({column});
  for (auto& line : lines) {
    Value value = Value::text(std::move(line));
    sink.data_row(std::span<const Value>(&value, 1));
  }
  sink.command_complete("EXPLAIN");
}

}  // namespace chalkdb
