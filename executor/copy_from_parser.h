// CopyFromParser: splits COPY FROM input (text or CSV format) into records and fields.
//
// Input arrives in chunks of any size (CopyData messages, file reads); the parser keeps the
// unconsumed tail and reads more when a record is incomplete. Text format follows
// CopyReadAttributesText: fields split at the delimiter, backslash escapes (\n, \t, \ooo,
// \xhh, ...) decoded, a field equal to the NULL string before decoding is NULL, and a line
// "\." ends the data. CSV follows CopyReadAttributesCSV: quoted fields may hold delimiters,
// newlines and doubled quotes (or the ESCAPE character before a quote), and only an unquoted
// field equal to the NULL string is NULL. A record ends at LF or CR LF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "executor/copy_options.h"
#include "executor/result_sink.h"

namespace chalkdb {

struct CopyField {
  std::string_view text;  // decoded; valid until the next record
  bool is_null = false;
  bool quoted = false;  // CSV: the field was quoted
};

class CopyFromParser {
 public:
  CopyFromParser(CopyInSource& source, const CopyOptions& options)
      : source_(source), options_(options) {}

  // Reads the next record's fields; false at the end of the data.
  bool next_record(std::vector<CopyField>& fields);
  // The current record as it was read (without its line end), for error context.
  std::string_view record() const { return record_; }
  // 1-based number of the current record, counting a header line.
  uint64_t line_number() const { return line_number_; }

 private:
  // Finds the end of the next record in the buffer, reading more input as needed; false when
  // the input is exhausted with no record left.
  bool read_record();
  size_t find_record_end(size_t from) const;
  bool fill();
  void split_text(std::vector<CopyField>& fields);
  void split_csv(std::vector<CopyField>& fields);

  CopyInSource& source_;
  const CopyOptions& options_;
  std::string buffer_;
  size_t position_ = 0;  // start of the unread input in buffer_
  bool end_of_input_ = false;
  std::string_view record_;
  std::string decoded_;  // the current record's decoded field bytes
  std::string chunk_;
  uint64_t line_number_ = 0;
};

// PostgreSQL's limit_printout_length: at most 100 bytes of a value in an error context,
// then "...".
std::string copy_printout(std::string_view text);

}  // namespace chalkdb
