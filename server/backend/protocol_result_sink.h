// ProtocolResultSink: turns the results a Session delivers into protocol messages on the
// client's stream (RowDescription, DataRow in text or binary format, CommandComplete,
// EmptyQueryResponse, NoticeResponse, and the COPY sub-protocol's messages).
//
// If the client has gone away while rows are being sent, the statement is stopped with
// FATAL 08006 "connection to client lost", as PostgreSQL does, so that a disconnected client
// does not keep a long query running; the backend then ends the session.
#pragma once

#include <cstdint>
#include <vector>

#include "executor/result_sink.h"
#include "server/backend/client_stream.h"

namespace chalkdb {

class ProtocolResultSink : public ResultSink, private CopyInSource {
 public:
  explicit ProtocolResultSink(ClientStream& stream) : stream_(stream) {}

  // Per-column result formats (0 text, 1 binary) from Bind; all text by default.
  void set_result_formats(std::vector<int16_t> formats) { formats_ = std::move(formats); }

  void row_description(const std::vector<ColumnDescription>& columns) override;
  void data_row(std::span<const Value> row) override;
  void command_complete(std::string_view tag) override;
  void empty_query() override;
  void notice(const SqlError& notice) override;
  void copy_out_begin(const CopyFormatInfo& format) override;
  void copy_data(std::string_view data) override;
  void copy_out_end() override;
  CopyInSource& copy_in_begin(const CopyFormatInfo& format) override;

 private:
  // CopyInSource: the client's CopyData messages until CopyDone or CopyFail.
  bool read(std::string& chunk) override;
  bool binary(size_t column) const { return column < formats_.size() && formats_[column] == 1; }
  void send_if_full();

  ClientStream& stream_;
  std::vector<int16_t> formats_;
};

}  // namespace chalkdb
