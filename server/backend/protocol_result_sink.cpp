#include "server/backend/protocol_result_sink.h"

#include <fmt/format.h>

#include "server/protocol/communication_error.h"
#include "server/protocol/message_reader.h"
#include "sql/types/binary_io.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

constexpr SqlState kConnectionFailure{"08006"};

}  // namespace

void ProtocolResultSink::row_description(const std::vector<ColumnDescription>& columns) {
  stream_.out().row_description(columns, formats_);
  send_if_full();
}

void ProtocolResultSink::data_row(std::span<const Value> row) {
  BackendMessageWriter& out = stream_.out();
  out.begin_data_row(row.size());
  for (size_t i = 0; i < row.size(); ++i) {
    const Value& value = row[i];
    if (value.is_null()) {
      out.add_null_field();
    } else if (binary(i)) {
      out.add_field_with([&value](std::string& buffer) { append_binary_value(buffer, value); });
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

void ProtocolResultSink::copy_out_begin(const CopyFormatInfo& format) {
  stream_.out().copy_out_response(format.binary, format.columns);
  send_if_full();
}

void ProtocolResultSink::copy_data(std::string_view data) {
  stream_.out().copy_data(data);
  send_if_full();
}

void ProtocolResultSink::copy_out_end() {
  stream_.out().copy_done();
  send_if_full();
}

CopyInSource& ProtocolResultSink::copy_in_begin(const CopyFormatInfo& format) {
  stream_.out().copy_in_response(format.binary, format.columns);
  return *this;
}

// PostgreSQL's CopyGetData: Flush and Sync are ignored during COPY FROM STDIN (a client may
// send them in an extended-protocol batch), anything else but CopyData/CopyDone/CopyFail is
// a protocol violation, and a client that goes away ends the session.
bool ProtocolResultSink::read(std::string& chunk) {
  while (true) {
    std::optional<FrontendMessage> message;
    try {
      message = stream_.read_message();
    } catch (const CommunicationError&) {
      message.reset();
    }
    if (!message) {
      throw SqlError(kConnectionFailure,
                     "unexpected EOF on client connection with an open transaction")
          .with_severity(Severity::Fatal);
    }
    switch (message->type) {
      case 'd':
        chunk = std::move(message->body);
        return true;
      case 'c':
        return false;
      case 'f': {
        MessageReader reader(message->body);
        throw SqlError(sqlstate::kQueryCanceled,
                       fmt::format("COPY from stdin failed: {}", reader.get_cstring()));
      }
      case 'H':
      case 'S':
        continue;
      default:
        throw SqlError(sqlstate::kProtocolViolation,
                       fmt::format("unexpected message type 0x{:02X} during COPY from stdin",
                                   static_cast<unsigned char>(message->type)));
    }
  }
}

void ProtocolResultSink::send_if_full() {
  try {
    stream_.flush_if_full();
  } catch (const CommunicationError&) {
    throw SqlError(kConnectionFailure, "connection to client lost").with_severity(Severity::Fatal);
  }
}

}  // namespace chalkdb
