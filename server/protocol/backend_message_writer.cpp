#include "server/protocol/backend_message_writer.h"

#include <limits>

namespace chalkdb {

namespace {

char status_byte(TransactionStatus status) {
  switch (status) {
    case TransactionStatus::Idle:
      return 'I';
    case TransactionStatus::InBlock:
      return 'T';
    case TransactionStatus::Failed:
      return 'E';
  }
  return 'I';
}

}  // namespace

void BackendMessageWriter::encryption_refused() { put_byte('N'); }

void BackendMessageWriter::negotiate_protocol_version(
    uint32_t newest_minor, const std::vector<std::string>& unrecognized_options) {
  begin_message('v');
  put_int32(static_cast<int32_t>((3u << 16) | newest_minor));
  put_int32(static_cast<int32_t>(unrecognized_options.size()));
  for (const std::string& option : unrecognized_options) put_cstring(option);
  end_message();
}

void BackendMessageWriter::authentication_ok() {
  begin_message('R');
  put_int32(0);
  end_message();
}

void BackendMessageWriter::parameter_status(std::string_view name, std::string_view value) {
  begin_message('S');
  put_cstring(name);
  put_cstring(value);
  end_message();
}

void BackendMessageWriter::backend_key_data(int32_t process_id, int32_t secret_key) {
  begin_message('K');
  put_int32(process_id);
  put_int32(secret_key);
  end_message();
}

void BackendMessageWriter::ready_for_query(TransactionStatus status) {
  begin_message('Z');
  put_byte(status_byte(status));
  end_message();
}

void BackendMessageWriter::row_description(const std::vector<ColumnDescription>& columns,
                                           const std::vector<int16_t>& formats) {
  begin_message('T');
  put_int16(static_cast<int16_t>(columns.size()));
  for (size_t i = 0; i < columns.size(); ++i) {
    const ColumnDescription& column = columns[i];
    put_cstring(column.name);
    put_int32(static_cast<int32_t>(column.table_oid));
    put_int16(column.column_number);
    put_int32(static_cast<int32_t>(column.type.id));
    put_int16(column.type_length);
    put_int32(column.type.typmod);
    put_int16(i < formats.size() ? formats[i] : 0);
  }
  end_message();
}

void BackendMessageWriter::begin_data_row(size_t field_count) {
  begin_message('D');
  put_int16(static_cast<int16_t>(field_count));
}

void BackendMessageWriter::add_null_field() { put_int32(-1); }

void BackendMessageWriter::add_field(std::string_view text) {
  put_int32(static_cast<int32_t>(text.size()));
  buffer_.append(text);
}

void BackendMessageWriter::command_complete(std::string_view tag) {
  begin_message('C');
  put_cstring(tag);
  end_message();
}

void BackendMessageWriter::empty_query_response() {
  begin_message('I');
  end_message();
}

void BackendMessageWriter::parameter_description(const std::vector<DataType>& types) {
  begin_message('t');
  put_int16(static_cast<int16_t>(types.size()));
  for (const DataType& type : types) put_int32(static_cast<int32_t>(type.id));
  end_message();
}

void BackendMessageWriter::copy_data(std::string_view data) {
  begin_message('d');
  buffer_.append(data);
  end_message();
}

void BackendMessageWriter::empty_message(char type) {
  begin_message(type);
  end_message();
}

void BackendMessageWriter::copy_response(char type, bool binary, size_t columns) {
  begin_message(type);
  put_byte(binary ? 1 : 0);
  put_int16(static_cast<int16_t>(columns));
  for (size_t i = 0; i < columns; ++i) put_int16(binary ? 1 : 0);
  end_message();
}

void BackendMessageWriter::error_response(const SqlError& error) {
  begin_message('E');
  error_fields(error);
  end_message();
}

void BackendMessageWriter::notice_response(const SqlError& notice) {
  begin_message('N');
  error_fields(notice);
  end_message();
}

void BackendMessageWriter::legacy_error_response(std::string_view message) {
  put_byte('E');
  put_cstring(std::string("FATAL:  ").append(message).append("\n"));
}

void BackendMessageWriter::error_fields(const SqlError& error) {
  auto field = [this](char code, std::string_view value) {
    put_byte(code);
    put_cstring(value);
  };
  auto optional_field = [&field](char code, const std::optional<std::string>& value) {
    if (value) field(code, *value);
  };
  field('S', severity_name(error.severity));
  field('V', severity_name(error.severity));
  field('C', error.state.code);
  field('M', error.message);
  optional_field('D', error.detail);
  optional_field('H', error.hint);
  if (error.position) field('P', std::to_string(*error.position));
  optional_field('W', error.context);
  optional_field('s', error.schema_name);
  optional_field('t', error.table_name);
  optional_field('c', error.column_name);
  optional_field('d', error.datatype_name);
  optional_field('n', error.constraint_name);
  put_byte('\0');
}

void BackendMessageWriter::begin_message(char type) {
  message_start_ = buffer_.size();
  put_byte(type);
  reserve_int32();
}

// A message longer than the int32 length word allows is dropped and reported instead of being
// sent with a wrapped length that would desynchronise the client.
void BackendMessageWriter::end_message() {
  size_t length = buffer_.size() - message_start_ - 1;
  if (length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    buffer_.resize(message_start_);
    throw SqlError(sqlstate::kProgramLimitExceeded, "out of memory")
        .with_detail("A protocol message cannot be larger than 2 GB.");
  }
  patch_int32(message_start_ + 1, length);
}

void BackendMessageWriter::put_int16(int16_t value) {
  auto bits = static_cast<uint16_t>(value);
  put_byte(static_cast<char>(bits >> 8));
  put_byte(static_cast<char>(bits & 0xff));
}

void BackendMessageWriter::put_int32(int32_t value) {
  auto bits = static_cast<uint32_t>(value);
  for (int shift = 24; shift >= 0; shift -= 8) put_byte(static_cast<char>((bits >> shift) & 0xff));
}

void BackendMessageWriter::put_cstring(std::string_view text) {
  buffer_.append(text);
  put_byte('\0');
}

size_t BackendMessageWriter::reserve_int32() {
  size_t offset = buffer_.size();
  buffer_.append(4, '\0');
  return offset;
}

void BackendMessageWriter::patch_int32(size_t offset, size_t value) {
  auto bits = static_cast<uint32_t>(value);
  for (int i = 0; i < 4; ++i)
    buffer_[offset + i] = static_cast<char>((bits >> (24 - 8 * i)) & 0xff);
}

}  // namespace chalkdb
