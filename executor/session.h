// Session: one client's connection state inside the engine — its transaction block, settings
// and (later) prepared statements — and the entry point that runs SQL text for it.
//
// A Session is used by one thread at a time (its backend thread); cancel() may be called from
// any thread.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "executor/exec_context.h"
#include "executor/result_sink.h"
#include "sql/ast/ast.h"
#include "sql/settings/session_settings.h"

namespace chalkdb {

class Database;
class Portal;
struct PreparedStatement;

enum class TransactionStatus { Idle, InBlock, Failed };  // ReadyForQuery's I, T, E

struct SessionOptions {
  std::string user = "postgres";
  std::string database = "postgres";
  std::string application_name;
};

class Session {
 public:
  Session(Database& database, SessionOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs every statement of a simple-Query string in order, delivering results to `sink`.
  // On the first failing statement it throws SqlError (results of earlier statements have
  // already been delivered); the transaction state is updated as PostgreSQL does.
  void execute_simple(std::string_view query, ResultSink& sink);

  // ---- extended query protocol (PostgreSQL's implicit transaction from the first message to
  // Sync: an error aborts it, and Sync commits it unless a transaction block is open) ----
  // Parse: parses and analyses one statement (parameter types as declared, Unknown = infer).
  std::shared_ptr<const PreparedStatement> prepare(std::string_view query,
                                                   std::vector<DataType> declared_types);
  // Bind: plans the statement with these parameter values (already of the statement's types).
  std::unique_ptr<Portal> bind(std::shared_ptr<const PreparedStatement> statement,
                               std::vector<Value> values);
  // Execute: runs the portal for up to `max_rows` rows (0: all); true when suspended.
  bool execute_portal(Portal& portal, uint64_t max_rows, ResultSink& sink);
  // Sync: commits the implicit transaction.
  void sync();
  // Counts transaction ends, so that holders of portals can tell theirs has ended.
  uint64_t transaction_generation() const;
  // Named prepared statements, shared by PREPARE and the protocol's Parse.
  std::map<std::string, std::shared_ptr<const PreparedStatement>>& prepared_statements();

  TransactionStatus transaction_status() const;

  // Asks the running statement to stop with 57014; safe from any thread.
  void cancel();

  const SessionOptions& options() const { return options_; }
  // The session's settings (SET, SHOW, startup options).
  SessionSettings& settings();

  struct State;  // transaction block state, defined in session.cpp

 private:
  ExecContext context_for(Transaction& transaction);
  void drop_temp_tables();
  void run_statement(const ast::Stmt& statement, ExecContext& context, ResultSink& sink);

  Database& database_;
  SessionOptions options_;
  std::unique_ptr<State> state_;
  std::atomic<bool> cancel_requested_{false};
};

}  // namespace chalkdb
