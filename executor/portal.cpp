#include "executor/portal.h"

#include <fmt/format.h>

#include "executor/reg_type_output.h"
#include "executor/statement_runner.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// Passes results on without RowDescription: in the extended protocol Describe sends that.
class PortalSink : public ResultSink {
 public:
  explicit PortalSink(ResultSink& target) : target_(target) {}
  void row_description(const std::vector<ColumnDescription>&) override {}
  void data_row(std::span<const Value> row) override { target_.data_row(row); }
  void command_complete(std::string_view tag) override { target_.command_complete(tag); }
  void empty_query() override { target_.empty_query(); }
  void notice(const SqlError& notice) override { target_.notice(notice); }
  void copy_out_begin(const CopyFormatInfo& format) override { target_.copy_out_begin(format); }
  void copy_data(std::string_view data) override { target_.copy_data(data); }
  void copy_out_end() override { target_.copy_out_end(); }
  CopyInSource& copy_in_begin(const CopyFormatInfo& format) override { return target_.copy_in_begin(format); }

 private:
  ResultSink& target_;
};

}  // namespace

Portal::Portal(std::shared_ptr<const PreparedStatement> statement, std::vector<Value> values,
               const ExecContext* context)
    : statement_(std::move(statement)), values_(std::move(values)) {
  if (context) context_ = std::make_unique<ExecContext>(*context);
  if (!statement_->is_plannable()) {
    columns_ = statement_->columns;
    return;
  }
  PlanCache::Choice choice =
      statement_->plans->plan_for(*statement_->statement, statement_->parameter_types, values_, *context_);
  planned_ = std::move(choice.plan);
  if (choice.generic) context_->parameters = &values_;
  if (planned_->returns_rows) {  // SELECT, RETURNING
    columns_ = describe_targets(planned_->result_columns);
    check_result_type();
  }
}

Portal::~Portal() = default;

// The client was told the result's shape at Parse; DDL since then may change what a new plan
// returns (SELECT * after ADD COLUMN), and PostgreSQL refuses to run such a plan.
void Portal::check_result_type() const {
  const std::vector<ColumnDescription>& described = statement_->columns;
  bool same = described.size() == columns_.size();
  for (size_t i = 0; same && i < described.size(); ++i)
    same = described[i].type == columns_[i].type && described[i].name == columns_[i].name;
  if (!same) throw SqlError(sqlstate::kFeatureNotSupported, "cached plan must not change result type");
}

bool Portal::run(uint64_t max_rows, ResultSink& sink) {
  if (!statement_->statement) {
    sink.empty_query();
    return false;
  }
  if (finished_) {
    // PostgreSQL answers an Execute of a completed portal with an empty result.
    if (statement_->statement->kind == ast::StmtKind::Select) sink.command_complete("SELECT 0");
    return false;
  }
  if (statement_->statement->kind == ast::StmtKind::Select) return fetch(max_rows, sink);
  run_to_completion(sink);
  return false;
}

bool Portal::fetch(uint64_t max_rows, ResultSink& sink) {
  if (!root_) {
    root_ = build_operator(*planned_->root, *context_);
    root_->open();
  }
  size_t visible = planned_->result_columns.size();
  RegTypeOutput output(*context_, planned_->result_columns);
  uint64_t sent = 0;
  while (max_rows == 0 || sent < max_rows) {
    if (batch_position_ == batch_.size()) {
      if (exhausted_ || !root_->next(batch_)) {
        exhausted_ = true;
        break;
      }
      batch_position_ = 0;
      context_->check_for_cancel();
    }
    const Row& row = batch_[batch_position_++];
    sink.data_row(output.apply(std::span<const Value>(row.data(), visible)));
    ++sent;
  }
  // Like PostgreSQL, a limit that ends exactly at the last row still suspends the portal; the
  // next Execute finds no more rows and completes it.
  if (!exhausted_) return true;
  finished_ = true;
  root_.reset();
  sink.command_complete(fmt::format("SELECT {}", sent));
  return false;
}

void Portal::run_to_completion(ResultSink& sink) {
  finished_ = true;
  StatementRunner runner(*context_);
  if (planned_) {
    uint64_t rows = runner.execute(*planned_, planned_->returns_rows ? &sink : nullptr, nullptr);
    sink.command_complete(StatementRunner::modify_command_tag(*planned_, rows));
    return;
  }
  PortalSink portal_sink(sink);
  runner.run(*statement_->statement, portal_sink);
}

}  // namespace chalkdb
