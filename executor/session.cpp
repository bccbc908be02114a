#include "executor/session.h"

#include <spdlog/spdlog.h>

#include "executor/engine.h"
#include "executor/statement_runner.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"

namespace chalkdb {

// A session's transaction state. Outside a transaction block, the statements of one simple
// Query message run in one implicit transaction, committed at the end of the message (as
// PostgreSQL does); BEGIN turns it into a block that lasts until COMMIT or ROLLBACK. After an
// error in a block, every statement but COMMIT/ROLLBACK fails with 25P02.
struct Session::State {
  SessionSettings settings;
  SequenceSessionState sequences;
  std::unique_ptr<Transaction> transaction;
  bool in_block = false;
  bool failed = false;
};

namespace {

SqlError warning(SqlState state, std::string message) {
  return SqlError(state, std::move(message)).with_severity(Severity::Warning);
}

}  // namespace

Session::Session(Database& database, SessionOptions options)
    : database_(database), options_(std::move(options)), state_(std::make_unique<State>()) {}

Session::~Session() {
  if (state_->transaction) {
    try {
      database_.engine().transactions->abort(*state_->transaction);
    } catch (const std::exception& error) {
      spdlog::error("rolling back a closed session's transaction failed: {}", error.what());
    }
  }
}

TransactionStatus Session::transaction_status() const {
  if (!state_->in_block) return TransactionStatus::Idle;
  return state_->failed ? TransactionStatus::Failed : TransactionStatus::InBlock;
}

void Session::cancel() { cancel_requested_.store(true); }

SessionSettings& Session::settings() { return state_->settings; }

namespace {

class TransactionControl {
 public:
  TransactionControl(Session::State& state, TransactionManager& transactions)
      : state_(state), transactions_(transactions) {}

  void ensure_started() {
    if (state_.transaction) return;
    state_.transaction = transactions_.begin();
    state_.settings.begin_transaction();
  }
  void finish(bool commit) {
    if (!state_.transaction) return;
    auto transaction = std::move(state_.transaction);
    state_.in_block = false;
    state_.failed = false;
    state_.settings.end_transaction(commit);
    if (commit) transactions_.commit(*transaction);
    else transactions_.abort(*transaction);
  }

  void run(const ast::TransactionStmt& stmt, ResultSink& sink) {
    switch (stmt.transaction_kind) {
      case ast::TransactionKind::Begin:
        if (state_.in_block) {
          sink.notice(warning(sqlstate::kActiveSqlTransaction, "there is already a transaction in progress"));
        } else {
          ensure_started();
          state_.in_block = true;
        }
        return sink.command_complete(stmt.text.starts_with("START") || stmt.text.starts_with("start")
                                         ? "START TRANSACTION" : "BEGIN");
      case ast::TransactionKind::Commit: {
        bool was_failed = state_.failed;
        if (!state_.in_block)
          sink.notice(warning(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress"));
        finish(!was_failed);
        return sink.command_complete(was_failed ? "ROLLBACK" : "COMMIT");
      }
      case ast::TransactionKind::Rollback:
        if (!state_.in_block)
          sink.notice(warning(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress"));
        finish(false);
        return sink.command_complete("ROLLBACK");
    }
  }

 private:
  Session::State& state_;
  TransactionManager& transactions_;
};

}  // namespace

void Session::execute_simple(std::string_view query, ResultSink& sink) {
  cancel_requested_.store(false);
  auto& engine = database_.engine();
  TransactionControl control(*state_, *engine.transactions);
  std::vector<ast::StmtPtr> statements;
  try {
    statements = parse_sql(query);
  } catch (...) {
    if (state_->in_block) state_->failed = true;
    throw;
  }
  if (statements.empty()) return sink.empty_query();

  for (const auto& statement : statements) {
    if (statement->kind == ast::StmtKind::Transaction) {
      control.run(static_cast<const ast::TransactionStmt&>(*statement), sink);
      continue;
    }
    if (state_->failed) {
      throw SqlError(sqlstate::kInFailedSqlTransaction,
                     "current transaction is aborted, commands ignored until end of transaction block");
    }
    control.ensure_started();
    Transaction& transaction = *state_->transaction;
    try {
      ExecContext context{engine.storage->catalog(), *engine.transactions, transaction,
                          engine.transactions->snapshot(transaction), cancel_requested_,
                          state_->settings, state_->sequences};
      StatementRunner(context).run(*statement, sink);
      transaction.next_command();
    } catch (...) {
      if (state_->in_block) state_->failed = true;
      else control.finish(false);
      throw;
    }
  }
  if (!state_->in_block) control.finish(true);
}

}  // namespace chalkdb
