// ProtocolResultSink: turns the results a Session delivers into protocol messages on the
// client's stream (RowDescription, DataRow in text format, CommandComplete,
// EmptyQueryResponse, NoticeResponse).
//
// If the client has gone away while rows are being sent, the statement is stopped with
// FATAL 08006 "connection to client lost", as PostgreSQL does, so that a disconnected client
// does not keep a long query running; the backend then ends the session.
#pragma once

#include "executor/result_sink.h"
#include "server/backend/client_stream.h"

namespace chalkdb {

class ProtocolResultSink : public ResultSink {
 public:
  explicit ProtocolResultSink(ClientStream& stream) : stream_(stream) {}

  void row_description(const std::vector<ColumnDescription>& columns) override;
  void data_row(std::span<const Value> row) override;
  void command_complete(std::string_view tag) override;
  void empty_query() override;
  void notice(const SqlError& notice) override;

 private:
  void send_if_full();

  ClientStream& stream_;
};

}  // namespace chalkdb
