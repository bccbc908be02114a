#include "server/backend/protocol_result_sink.h"

#include "server/protocol/communication_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

constexpr SqlState kConnectionFailure{"08006"};

}  // namespace

void ProtocolResultSink::row_description(const std::vector<ColumnDescription>& columns) {
  stream_.out().row_description(columns);
  send_if_full();
}

void ProtocolResultSink::data_row(std::span<const Value> row) {
  BackendMessageWriter& out = stream_.out();
  out.begin_data_row(row.size());
  for (const Value& value : row) {
    if (value.is_null()) {
      out.add_null_field();
    } else {
      out.add_field_with([&value](std::string& buffer) { append_value(buffer, value); });
    }
  }
  out.end_data_row();
  send_if_full();
}

void ProtocolResultSink::command_complete(std::string_view tag) {
  stream_.out().command_complete(tag);
  send_if_full();
}

void ProtocolResultSink::empty_query() { stream_.out().empty_query_response(); }

void ProtocolResultSink::notice(const SqlError& notice) {
  stream_.out().notice_response(notice);
  send_if_full();
}

void ProtocolResultSink::send_if_full() {
  try {
    stream_.flush_if_full();
  } catch (const CommunicationError&) {
    throw SqlError(kConnectionFailure, "connection to client lost").with_severity(Severity::Fatal);
  }
}

}  // namespace chalkdb
