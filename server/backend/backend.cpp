#include "server/backend/backend.h"

#include <fmt/format.h>
#include <sys/socket.h>

#include <new>

#include "server/backend/extended_query.h"
#include "server/backend/protocol_result_sink.h"
#include "server/backend/reported_parameters.h"
#include "server/backend/startup_settings.h"
#include "server/protocol/communication_error.h"
#include "server/protocol/message_reader.h"
#include "sql/parser/utf8_validation.h"

namespace chalkdb {

namespace {

// Runs `body` and returns the error that ended it, as an SqlError whatever its type; a broken
// connection is not a statement error and passes through.
template <typename Body>
std::optional<SqlError> capture_error(Body&& body) {
  try {
    body();
    return std::nullopt;
  } catch (const SqlError& error) {
    return error;
  } catch (const CommunicationError&) {
    throw;
  } catch (const std::bad_alloc&) {
    return SqlError(sqlstate::kOutOfMemory, "out of memory");
  } catch (const std::exception& error) {
    return SqlError(sqlstate::kInternalError, error.what());
  }
}

bool is_fatal(const SqlError& error) {
  return error.severity == Severity::Fatal || error.severity == Severity::Panic;
}

SqlError admin_shutdown() {
  return SqlError(sqlstate::kAdminShutdown, "terminating connection due to administrator command")
      .with_severity(Severity::Fatal);
}

std::string session_time(std::chrono::steady_clock::duration elapsed) {
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  return fmt::format("{}:{:02}:{:02}.{:03}", millis / 3600000, millis / 60000 % 60,
                     millis / 1000 % 60, millis % 1000);
}

}  // namespace

Backend::Backend(Database& database, SessionRegistry::Slot slot, ClientInfo client,
                 ClientSocket socket, MessageFramer framer, StartupOptions startup)
    : database_(database),
      client_(std::move(client)),
      startup_(std::move(startup)),
      stream_(std::move(socket), std::move(framer)),
      socket_fd_(stream_.native_handle()),
      slot_(std::move(slot)) {}

void Backend::run() noexcept {
  slot_.attach(*this);
  try {
    if (start_session()) serve();
  } catch (const CommunicationError& error) {
    log(LogSeverity::Log, error.what());
  } catch (const std::exception& error) {
    log(LogSeverity::Fatal, error.what());
  }
  end_session();
}

void Backend::cancel_statement() {
  std::lock_guard lock(statement_mutex_);
  if (executing_) session_->cancel();
}

// Wakes a backend blocked reading from its client: the read sees end-of-file, and the backend
// then says goodbye with 57P01. Writing still works after SHUT_RD.
void Backend::terminate() {
  terminating_ = true;
  cancel_statement();
  ::shutdown(socket_fd_, SHUT_RD);
}

// A backend stuck writing to a client that no longer reads is freed by cutting both ways.
void Backend::disconnect() { ::shutdown(socket_fd_, SHUT_RDWR); }

bool Backend::start_session() {
  BackendMessageWriter& out = stream_.out();
  if (startup_.needs_protocol_negotiation()) {
    out.negotiate_protocol_version(0, startup_.unrecognized_protocol_options());
  }
  out.authentication_ok();
  const SessionOptions& options = startup_.session_options();
  std::string authorized =
      fmt::format("connection authorized: user={} database={}", options.user, options.database);
  if (!options.application_name.empty())
    authorized += " application_name=" + options.application_name;
  log(LogSeverity::Log, authorized);

  ReportedParameters reported(options);
  std::optional<SqlError> error = capture_error([&] {
    session_ = database_.create_session(options);
    extended_ = std::make_unique<ExtendedQuery>(*session_, stream_);
    apply_startup_settings(*session_, startup_.settings(), reported);
  });
  if (error) {
    send_fatal(SqlError(*error).with_severity(Severity::Fatal));
    return false;
  }
  reported.write_to(out);
  out.backend_key_data(slot_.process_id(), slot_.secret_key());
  out.ready_for_query(session_->transaction_status());
  return true;
}

void Backend::serve() {
  while (std::optional<FrontendMessage> message = next_message()) {
    if (handle(*message) == Next::End) return;
  }
}

std::optional<FrontendMessage> Backend::next_message() {
  try {
    if (std::optional<FrontendMessage> message = stream_.read_message()) return message;
  } catch (const SqlError& error) {
    send_fatal(error);  // an unknown message type: the message boundaries are lost
    return std::nullopt;
  }
  end_on_client_eof();
  return std::nullopt;
}

Backend::Next Backend::handle(const FrontendMessage& message) {
  // After an error in an extended-query batch, everything up to Sync is skipped (PostgreSQL's
  // ignore_till_sync); Terminate still ends the session.
  if (ignore_till_sync_ && message.type != 'S' && message.type != 'X') return Next::Continue;
  switch (message.type) {
    case 'Q':
      return simple_query(message);
    case 'X':
      return Next::End;
    case 'S':
      return sync();
    case 'H':
      stream_.flush();
      return Next::Continue;
    case 'P':
    case 'B':
    case 'D':
    case 'E':
    case 'C':
      return extended_query(message);
    case 'F':
      return refuse_function_call();
    default:
      // CopyData/CopyDone/CopyFail outside COPY: ignored, as the protocol specifies, because
      // a client may still be sending data for a COPY that failed.
      return Next::Continue;
  }
}

// Query: one C string, the SQL text, which must be valid UTF-8.
void Backend::validate_query_message(std::string_view body) {
  MessageReader reader(body);
  check_utf8(reader.get_cstring());
  reader.expect_end();
}

Backend::Next Backend::simple_query(const FrontendMessage& message) {
  // The text is taken only after validation succeeded, never assigned from a call that may
  // throw: GCC 12.2 at -O1 and above can drop the initial value of a local that is later
  // assigned from a throwing call (a dead-store elimination bug), leaving it dangling.
  std::optional<SqlError> error = capture_error([&] { validate_query_message(message.body); });
  std::string_view query;
  if (!error) {
    query = std::string_view(message.body).substr(0, message.body.size() - 1);
    error = capture_error([&] { execute(query); });
  }
  extended_->end_of_batch();
  if (finish_message(error, query, false) == Next::End) return Next::End;
  stream_.out().ready_for_query(session_->transaction_status());
  return Next::Continue;
}

Backend::Next Backend::extended_query(const FrontendMessage& message) {
  std::optional<SqlError> error = capture_error([&] {
    as_statement([&] {
      switch (message.type) {
        case 'P': return extended_->parse(message);
        case 'B': return extended_->bind(message);
        case 'D': return extended_->describe(message);
        case 'E': return extended_->execute(message);
        default: return extended_->close(message);
      }
    });
  });
  std::string statement = error ? extended_->statement_text(message) : std::string();
  return finish_message(error, statement, true);
}

Backend::Next Backend::refuse_function_call() {
  SqlError error(sqlstate::kFeatureNotSupported, "fast-path function calls are not supported");
  if (finish_message(error, {}, false) == Next::End) return Next::End;
  stream_.out().ready_for_query(session_->transaction_status());
  return Next::Continue;
}

Backend::Next Backend::sync() {
  ignore_till_sync_ = false;
  std::optional<SqlError> error = capture_error([&] { session_->sync(); });
  extended_->end_of_batch();
  if (finish_message(error, {}, false) == Next::End) return Next::End;
  stream_.out().ready_for_query(session_->transaction_status());
  return Next::Continue;
}

void Backend::execute(std::string_view query) {
  ProtocolResultSink sink(stream_);
  as_statement([&] { session_->execute_simple(query, sink); });
}

template <typename Body>
void Backend::as_statement(Body&& body) {
  {
    std::lock_guard lock(statement_mutex_);
    executing_ = true;
  }
  struct StatementEnd {
    Backend& backend;
    ~StatementEnd() {
      std::lock_guard lock(backend.statement_mutex_);
      backend.executing_ = false;
    }
  } statement_end{*this};
  body();
}

Backend::Next Backend::finish_message(const std::optional<SqlError>& error,
                                      std::string_view statement, bool extended_query) {
  if (stream_.lost()) {
    log(LogSeverity::Fatal, "connection to client lost");
    return Next::End;
  }
  if (terminating_) {
    send_fatal(admin_shutdown());
    return Next::End;
  }
  if (!error) return Next::Continue;
  if (is_fatal(*error)) {
    send_fatal(*error);
    return Next::End;
  }
  log_error(*error, statement);
  stream_.out().error_response(*error);
  if (extended_query) ignore_till_sync_ = true;
  return Next::Continue;
}

void Backend::end_on_client_eof() {
  if (terminating_) return send_fatal(admin_shutdown());
  if (session_->transaction_status() != TransactionStatus::Idle) {
    log(LogSeverity::Log, "unexpected EOF on client connection with an open transaction");
  }
}

void Backend::send_fatal(const SqlError& error) {
  log(LogSeverity::Fatal, error.message);
  try {
    stream_.out().error_response(error);
    stream_.flush();
  } catch (const CommunicationError&) {
    // The client is gone already; there is nobody left to tell.
  }
}

void Backend::end_session() {
  slot_.detach();
  try {
    extended_.reset();  // portals go before the transaction they run in
    session_.reset();   // rolls back an open transaction
  } catch (const std::exception& error) {
    log(LogSeverity::Warning, fmt::format("error while ending the session: {}", error.what()));
  }
  const SessionOptions& options = startup_.session_options();
  log(LogSeverity::Log,
      fmt::format("disconnection: session time: {} user={} database={} {}",
                  session_time(std::chrono::steady_clock::now() - client_.connected_at),
                  options.user, options.database, client_.address.describe()));
}

void Backend::log(LogSeverity severity, std::string_view message) const {
  server_log(client_.process_id, severity, message);
}

void Backend::log_error(const SqlError& error, std::string_view statement) const {
  log(LogSeverity::Error, error.message);
  if (!statement.empty()) log(LogSeverity::Statement, statement);
}

}  // namespace chalkdb
