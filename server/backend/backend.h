// Backend: one client session after start-up, run on its own backend thread — the
// counterpart of a PostgreSQL backend process.
//
// It finishes the start-up (AuthenticationOk under trust authentication, session creation,
// start-up settings, ParameterStatus, BackendKeyData, ReadyForQuery), then reads one message at
// a time and answers it: the simple Query protocol, and the extended protocol (Parse, Bind,
// Describe, Execute, Close, Sync; see ExtendedQuery) where an error skips messages until Sync.
// Ending the Backend destroys its Session, which rolls back an open transaction.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "executor/database.h"
#include "server/backend/client_stream.h"
#include "server/backend/extended_query.h"
#include "server/backend/session_registry.h"
#include "server/backend/startup_options.h"
#include "server/logging/server_log.h"
#include "server/net/client_socket.h"

namespace chalkdb {

class Backend : public BackendControl {
 public:
  Backend(Database& database, SessionRegistry::Slot slot, ClientInfo client, ClientSocket socket,
          MessageFramer framer, StartupOptions startup);

  // The whole session; returns when the client leaves or the server shuts down. Never throws.
  void run() noexcept;

  void cancel_statement() override;
  void terminate() override;
  void disconnect() override;

 private:
  enum class Next { Continue, End };

  bool start_session();
  void serve();
  // The next message, or nullopt when the session is over (client gone or fatal error sent).
  std::optional<FrontendMessage> next_message();
  Next handle(const FrontendMessage& message);
  static void validate_query_message(std::string_view body);
  Next simple_query(const FrontendMessage& message);
  Next extended_query(const FrontendMessage& message);
  Next refuse_function_call();
  Next sync();
  void execute(std::string_view query);
  // Runs `body` as the statement a cancel request would interrupt.
  template <typename Body>
  void as_statement(Body&& body);
  // Sends the error (if any) the way PostgreSQL would after a statement or message.
  Next finish_message(const std::optional<SqlError>& error, std::string_view statement,
                      bool extended_query);
  void end_on_client_eof();
  void send_fatal(const SqlError& error);
  void end_session();
  void log(LogSeverity severity, std::string_view message) const;
  void log_error(const SqlError& error, std::string_view statement) const;

  Database& database_;
  ClientInfo client_;
  StartupOptions startup_;
  ClientStream stream_;
  const int socket_fd_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<ExtendedQuery> extended_;
  std::mutex statement_mutex_;  // orders cancel requests against statement start and end
  bool executing_ = false;
  std::atomic<bool> terminating_{false};
  bool ignore_till_sync_ = false;
  SessionRegistry::Slot slot_;  // declared last: released before anything else is destroyed
};

}  // namespace chalkdb
