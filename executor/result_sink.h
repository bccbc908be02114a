// ResultSink: where a Session delivers the results of the statements it runs.
//
// The server implements it to turn results into protocol messages (RowDescription, DataRow,
// CommandComplete, EmptyQueryResponse, NoticeResponse); tests implement it to collect rows.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

// One result column as RowDescription describes it.
struct ColumnDescription {
  std::string name;
  uint32_t table_oid = 0;  // 0 for computed columns
  int16_t column_number = 0;
  DataType type;
  int16_t type_length = -1;  // pg_type.typlen
};

// How COPY data is laid out on the wire (CopyInResponse / CopyOutResponse).
struct CopyFormatInfo {
  bool binary = false;
  size_t columns = 0;
};

// The data a client sends for COPY FROM STDIN.
class CopyInSource {
 public:
  virtual ~CopyInSource() = default;
  // Replaces `chunk` with the next CopyData payload; false after CopyDone. A CopyFail from the
  // client raises 57014 "COPY from stdin failed: <reason>".
  virtual bool read(std::string& chunk) = 0;
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  // Before the rows of a statement that returns rows.
  virtual void row_description(const std::vector<ColumnDescription>& columns) = 0;
  // One row; values are in column order and typed as described.
  virtual void data_row(std::span<const Value> row) = 0;
  // After each statement: the tag as PostgreSQL writes it ("SELECT 3", "INSERT 0 5", ...).
  virtual void command_complete(std::string_view tag) = 0;
  // For a query string that holds no statement at all.
  virtual void empty_query() = 0;
  // Warnings and notices (e.g. 25P01 "there is no transaction in progress").
  virtual void notice(const SqlError& notice) = 0;

  // COPY TO STDOUT: CopyOutResponse, CopyData messages (whole rows), CopyDone.
  virtual void copy_out_begin(const CopyFormatInfo& format);
  virtual void copy_data(std::string_view data);
  virtual void copy_out_end();
  // COPY FROM STDIN: sends CopyInResponse and returns the client's data stream.
  virtual CopyInSource& copy_in_begin(const CopyFormatInfo& format);
};

}  // namespace chalkdb
