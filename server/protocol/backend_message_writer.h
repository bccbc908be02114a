// BackendMessageWriter: encodes backend (server-to-client) v3 protocol messages into an
// output buffer that the connection sends in batches, not one syscall per message.
//
// Error and notice fields go out in PostgreSQL's wire order (S V C M D H P W s t c d n). Unlike
// PostgreSQL, no F/L/R (source file, line, routine) fields are sent: ChalkDB's source locations
// would mean nothing to a reader of PostgreSQL's, so psql's VERBOSITY verbose shows no LOCATION.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "executor/result_sink.h"
#include "executor/session.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

class BackendMessageWriter {
 public:
  // --- connection start-up ---
  // The single unframed byte that declines SSL or GSS encryption.
  void encryption_refused();
  void negotiate_protocol_version(uint32_t newest_minor,
                                  const std::vector<std::string>& unrecognized_options);
  void authentication_ok();
  void parameter_status(std::string_view name, std::string_view value);
  void backend_key_data(int32_t process_id, int32_t secret_key);
  void ready_for_query(TransactionStatus status);

  // --- query results ---
  // `formats`: one format code per column (0 text, 1 binary); empty means all text.
  void row_description(const std::vector<ColumnDescription>& columns,
                       const std::vector<int16_t>& formats = {});
  void begin_data_row(size_t field_count);
  void add_null_field();
  void add_field(std::string_view text);
  // Appends a field whose text `append_text(std::string&)` writes straight into the buffer.
  template <typename AppendText>
  void add_field_with(AppendText&& append_text) {
    size_t length_offset = reserve_int32();
    append_text(buffer_);
    patch_int32(length_offset, buffer_.size() - length_offset - 4);
  }
  void end_data_row() { end_message(); }
  void command_complete(std::string_view tag);
  void empty_query_response();

  // --- extended query protocol ---
  void parse_complete() { empty_message('1'); }
  void bind_complete() { empty_message('2'); }
  void close_complete() { empty_message('3'); }
  void no_data() { empty_message('n'); }
  void portal_suspended() { empty_message('s'); }
  void parameter_description(const std::vector<DataType>& types);

  // --- COPY ---
  void copy_in_response(bool binary, size_t columns) { copy_response('G', binary, columns); }
  void copy_out_response(bool binary, size_t columns) { copy_response('H', binary, columns); }
  void copy_data(std::string_view data);
  void copy_done() { empty_message('c'); }

  // --- errors ---
  void error_response(const SqlError& error);
  void notice_response(const SqlError& notice);
  // Protocol 1.x/2.x clients get PostgreSQL's old unframed error: 'E', text, NUL.
  void legacy_error_response(std::string_view message);

  const std::string& buffer() const { return buffer_; }
  size_t size() const { return buffer_.size(); }
  bool empty() const { return buffer_.empty(); }
  void clear() { buffer_.clear(); }

 private:
  void begin_message(char type);
  void empty_message(char type);
  void copy_response(char type, bool binary, size_t columns);
  void end_message();
  void error_fields(const SqlError& error);
  void put_byte(char byte) { buffer_.push_back(byte); }
  void put_int16(int16_t value);
  void put_int32(int32_t value);
  void put_cstring(std::string_view text);
  size_t reserve_int32();
  void patch_int32(size_t offset, size_t value);

  std::string buffer_;
  size_t message_start_ = 0;
};

}  // namespace chalkdb
