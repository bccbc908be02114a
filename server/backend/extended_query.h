// ExtendedQuery: a session's extended query protocol state — its named and unnamed prepared
// statements and portals — and the handling of Parse, Bind, Describe, Execute and Close.
//
// Each handler answers with its completion message (ParseComplete, BindComplete, ...) or
// throws SqlError; the backend then reports the error and skips messages until Sync, as
// PostgreSQL does. Statements live until closed or the session ends; portals until closed or
// the end of the transaction they were bound in (the unnamed portal also until the next Bind
// of it). The unnamed statement is replaced by each Parse of it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "executor/portal.h"
#include "executor/prepared_statement.h"
#include "executor/session.h"
#include "server/backend/client_stream.h"
#include "server/protocol/extended_messages.h"
#include "server/protocol/frontend_message.h"

namespace chalkdb {

class ExtendedQuery {
 public:
  ExtendedQuery(Session& session, ClientStream& stream) : session_(session), stream_(stream) {}

  void parse(const FrontendMessage& message);
  void bind(const FrontendMessage& message);
  void describe(const FrontendMessage& message);
  void execute(const FrontendMessage& message);
  void close(const FrontendMessage& message);
  // After Sync or a simple Query: drops the portals whose transaction has ended.
  void end_of_batch();

  // The text of the statement a message refers to, for the server log.
  std::string statement_text(const FrontendMessage& message) const;

 private:
  struct BoundPortal {
    std::unique_ptr<Portal> portal;
    std::vector<int16_t> result_formats;
    uint64_t generation = 0;  // the session's transaction generation at Bind
  };

  std::shared_ptr<const PreparedStatement> find_statement(const std::string& name) const;
  std::shared_ptr<const PreparedStatement> lookup_statement(const std::string& name) const;
  BoundPortal& find_portal(const std::string& name);
  std::vector<Value> parameter_values(const BindMessage& bind,
                                      const PreparedStatement& statement) const;

  Session& session_;
  ClientStream& stream_;
  // Named statements live in the session (shared with SQL PREPARE); this is the unnamed one.
  std::shared_ptr<const PreparedStatement> unnamed_statement_;
  std::map<std::string, BoundPortal> portals_;
};

}  // namespace chalkdb
