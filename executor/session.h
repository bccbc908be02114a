// Session: one client's connection state inside the engine — its transaction block, settings
// and (later) prepared statements — and the entry point that runs SQL text for it.
//
// A Session is used by one thread at a time (its backend thread); cancel() may be called from
// any thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "executor/result_sink.h"
#include "sql/settings/session_settings.h"

namespace chalkdb {

class Database;

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

  TransactionStatus transaction_status() const;

  // Asks the running statement to stop with 57014; safe from any thread.
  void cancel();

  const SessionOptions& options() const { return options_; }
  // The session's settings (SET, SHOW, startup options).
  SessionSettings& settings();

  struct State;  // transaction block state, defined in session.cpp

 private:
  Database& database_;
  SessionOptions options_;
  std::unique_ptr<State> state_;
  std::atomic<bool> cancel_requested_{false};
};

}  // namespace chalkdb
