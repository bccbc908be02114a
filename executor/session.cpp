#include "executor/session.h"

#include <spdlog/spdlog.h>

#include <functional>

#include "executor/engine.h"
#include "executor/portal.h"
#include "executor/prepared_sql.h"
#include "executor/prepared_statement.h"
#include "executor/statement_runner.h"
#include "executor/temp_tables.h"
#include "sql/error/sql_error.h"
#include "sql/parser/query_template_cache.h"
#include "sql/types/datetime.h"
#include "sql/types/statement_clock.h"

namespace chalkdb {

namespace {

// PostgreSQL runs READ UNCOMMITTED as READ COMMITTED; SERIALIZABLE gets REPEATABLE READ's
// snapshot here (there is no serializable snapshot isolation yet).
IsolationLevel isolation_level_named(const std::string& name) {
  if (name == "repeatable read") return IsolationLevel::RepeatableRead;
  if (name == "serializable") return IsolationLevel::Serializable;
  return IsolationLevel::ReadCommitted;
}

}  // namespace

// A session's transaction state. Outside a transaction block, the statements of one simple
// Query message run in one implicit transaction, committed at the end of the message (as
// PostgreSQL does); BEGIN turns it into a block that lasts until COMMIT or ROLLBACK. After an
// error in a block, every statement but COMMIT/ROLLBACK fails with 25P02.
struct Session::State {
  explicit State(TempSchemaNumbers& numbers) : temp_tables(numbers, search_path) {}
  SessionSettings settings;
  SequenceSessionState sequences;
  SearchPathSource search_path;
  TempTables temp_tables;
  // The ON COMMIT actions of temporary tables, run by a committing transaction.
  std::function<void(Transaction&)> before_commit;
  std::unique_ptr<Transaction> transaction;
  bool in_block = false;
  bool failed = false;
  uint64_t generation = 0;  // transactions ended so far
  PreparedStatements prepared;
  // Simple-protocol queries by their text with literals masked: repeated queries skip parsing.
  QueryTemplateCache query_templates;
  // transaction_isolation as last read, and the settings generation it was read at: the
  // level is needed for every statement, the setting changes rarely.
  uint64_t isolation_read_at = 0;
  IsolationLevel isolation = IsolationLevel::ReadCommitted;

  IsolationLevel transaction_isolation() {
    if (isolation_read_at != settings.generation()) {
      isolation_read_at = settings.generation();
      isolation = isolation_level_named(settings.get_string("transaction_isolation"));
    }
    return isolation;
  }
};

namespace {

SqlError warning(SqlState state, std::string message) {
  return SqlError(state, std::move(message)).with_severity(Severity::Warning);
}

}  // namespace

Session::Session(Database& database, SessionOptions options)
    : database_(database),
      options_(std::move(options)),
      state_(std::make_unique<State>(database.engine().temp_schema_numbers)) {
  state_->search_path.settings = &state_->settings;
  state_->search_path.user = options_.user;
  state_->before_commit = [this](Transaction& transaction) {
    ActiveSearchPath::Scope scope(state_->search_path);
    ExecContext context = context_for(transaction);
    state_->temp_tables.before_commit(context);
  };
}

Session::~Session() {
  if (state_->transaction) {
    try {
      database_.engine().transactions->abort(*state_->transaction);
    } catch (const std::exception& error) {
      spdlog::error("rolling back a closed session's transaction failed: {}", error.what());
    }
  }
  drop_temp_tables();
}

// As PostgreSQL's RemoveTempRelationsCallback at backend exit, in a transaction of its own.
void Session::drop_temp_tables() {
  if (!state_->temp_tables.active()) return;
  auto& transactions = *database_.engine().transactions;
  ActiveSearchPath::Scope scope(state_->search_path);
  std::unique_ptr<Transaction> transaction = transactions.begin();
  try {
    ExecContext context = context_for(*transaction);
    state_->temp_tables.drop_all(context);
    transactions.commit(*transaction);
  } catch (const std::exception& error) {
    spdlog::error("dropping a closed session's temporary tables failed: {}", error.what());
    transactions.abort(*transaction);
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
    // now() is the start of the statement that began the transaction, as in PostgreSQL.
    statement_clock::set_transaction_start(statement_clock::statement_start());
    state_.transaction = transactions_.begin();
    state_.settings.begin_transaction();
  }
  void finish(bool commit) {
    if (!state_.transaction) return;
    auto transaction = std::move(state_.transaction);
    ++state_.generation;
    state_.in_block = false;
    state_.failed = false;
    if (commit && state_.before_commit) {
      try {
        state_.before_commit(*transaction);
      } catch (...) {
        state_.settings.end_transaction(false);
        transactions_.abort(*transaction);
        throw;
      }
    }
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
          apply_transaction_modes(stmt);
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
  // BEGIN ISOLATION LEVEL ... / READ ONLY: the same as SET TRANSACTION right after BEGIN.
  void apply_transaction_modes(const ast::TransactionStmt& stmt) {
    if (stmt.isolation_level) state_.settings.set("transaction_isolation", *stmt.isolation_level, true);
    if (stmt.read_only) state_.settings.set("transaction_read_only", *stmt.read_only ? "on" : "off", true);
  }

  Session::State& state_;
  TransactionManager& transactions_;
};

// After a failed statement: a transaction block is failed, an implicit transaction ends.
void abandon_statement(Session::State& state, TransactionControl& control) {
  if (state.in_block) state.failed = true;
  else control.finish(false);
}

// Runs `body` inside the session's transaction, starting the implicit one if needed. An error
// fails an open transaction block or aborts the implicit transaction, as in PostgreSQL.
template <typename Body>
void run_in_transaction(Session::State& state, TransactionControl& control, Body&& body) {
  if (state.failed) {
    throw SqlError(sqlstate::kInFailedSqlTransaction,
                   "current transaction is aborted, commands ignored until end of transaction block");
  }
  control.ensure_started();
  try {
    body(*state.transaction);
  } catch (...) {
    abandon_statement(state, control);
    throw;
  }
}

}  // namespace

ExecContext Session::context_for(Transaction& transaction) {
  auto& engine = database_.engine();
  transaction.set_isolation(state_->transaction_isolation());
  return ExecContext{engine.storage->catalog(), *engine.storage, *engine.transactions, transaction,
                     engine.transactions->snapshot(transaction), cancel_requested_,
                     state_->settings, state_->sequences, state_->temp_tables};
}

std::shared_ptr<const PreparedStatement> Session::prepare(std::string_view query,
                                                          std::vector<DataType> declared_types) {
  ActiveSearchPath::Scope search_path(state_->search_path);
  cancel_requested_.store(false);
  TransactionControl control(*state_, *database_.engine().transactions);
  std::shared_ptr<PreparedStatement> prepared;
  try {
    prepared = parse_prepared(query, std::move(declared_types));
  } catch (...) {
    abandon_statement(*state_, control);
    throw;
  }
  if (prepared->is_transaction_control() || !prepared->statement) return prepared;
  run_in_transaction(*state_, control, [&](Transaction& transaction) {
    ExecContext context = context_for(transaction);
    analyse_prepared(*prepared, context);
  });
  return prepared;
}

std::unique_ptr<Portal> Session::bind(std::shared_ptr<const PreparedStatement> statement,
                                      std::vector<Value> values) {
  ActiveSearchPath::Scope search_path(state_->search_path);
  cancel_requested_.store(false);
  // Transaction control needs no transaction and is allowed in a failed block.
  if (statement->is_transaction_control() || !statement->statement)
    return std::make_unique<Portal>(std::move(statement), std::move(values), nullptr);
  TransactionControl control(*state_, *database_.engine().transactions);
  std::unique_ptr<Portal> portal;
  run_in_transaction(*state_, control, [&](Transaction& transaction) {
    ExecContext context = context_for(transaction);
    portal = std::make_unique<Portal>(std::move(statement), std::move(values), &context);
  });
  return portal;
}

bool Session::execute_portal(Portal& portal, uint64_t max_rows, ResultSink& sink) {
  ActiveSearchPath::Scope search_path(state_->search_path);
  cancel_requested_.store(false);
  TransactionControl control(*state_, *database_.engine().transactions);
  const PreparedStatement& statement = portal.statement();
  if (statement.is_transaction_control()) {
    control.run(static_cast<const ast::TransactionStmt&>(*statement.statement), sink);
    return false;
  }
  if (!statement.statement) return portal.run(max_rows, sink);
  bool suspended = false;
  run_in_transaction(*state_, control, [&](Transaction& transaction) {
    suspended = portal.run(max_rows, sink);
    if (!suspended) transaction.next_command();
  });
  return suspended;
}

void Session::sync() {
  ActiveSearchPath::Scope search_path(state_->search_path);
  if (state_->in_block) return;
  TransactionControl(*state_, *database_.engine().transactions).finish(true);
}

uint64_t Session::transaction_generation() const { return state_->generation; }

PreparedStatements& Session::prepared_statements() { return state_->prepared; }

void Session::run_statement(const ast::Stmt& statement, ExecContext& context, ResultSink& sink) {
  switch (statement.kind) {
    case ast::StmtKind::Prepare:
      return run_prepare(static_cast<const ast::PrepareStmt&>(statement), state_->prepared, context, sink);
    case ast::StmtKind::Execute:
      return run_execute(static_cast<const ast::ExecuteStmt&>(statement), state_->prepared, context, sink);
    case ast::StmtKind::Deallocate:
      return run_deallocate(static_cast<const ast::DeallocateStmt&>(statement), state_->prepared, sink);
    case ast::StmtKind::Explain: {
      const auto& explain = static_cast<const ast::ExplainStmt&>(statement);
      if (explain.statement->kind == ast::StmtKind::Execute) return run_explain_execute(explain, state_->prepared, context, sink);
      return StatementRunner(context).run(statement, sink);
    }
    default:
      return StatementRunner(context).run(statement, sink);
  }
}

void Session::execute_simple(std::string_view query, ResultSink& sink) {
  ActiveSearchPath::Scope search_path(state_->search_path);
  cancel_requested_.store(false);
  statement_clock::set_statement_start(current_timestamp());
  auto& engine = database_.engine();
  TransactionControl control(*state_, *engine.transactions);
  const std::vector<ast::StmtPtr>* statements = nullptr;
  try {
    statements = &state_->query_templates.parse(query);
  } catch (...) {
    if (state_->in_block) state_->failed = true;
    throw;
  }
  if (statements->empty()) return sink.empty_query();
  try {
    for (const auto& statement : *statements) {
      if (statement->kind == ast::StmtKind::Transaction) {
        control.run(static_cast<const ast::TransactionStmt&>(*statement), sink);
        continue;
      }
      run_in_transaction(*state_, control, [&](Transaction& transaction) {
        ExecContext context = context_for(transaction);
        run_statement(*statement, context, sink);
        transaction.next_command();
      });
    }
  } catch (SqlError& error) {
    // The tree may be a template parsed from a text with other literals.
    if (error.position) error.position = state_->query_templates.query_location(*error.position - 1) + 1;
    throw;
  }
  if (!state_->in_block) control.finish(true);
}

}  // namespace chalkdb
