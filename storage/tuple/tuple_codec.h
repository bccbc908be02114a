// TupleCodec: converts a row of Values to heap tuple data and back, PostgreSQL's way.
//
// Layout of the data area (after the tuple header, which starts MAXALIGNed): columns in
// order; a NULL column takes no space and is marked by a 0 bit in the null bitmap (bit set =
// present, as PostgreSQL's t_bits); a fixed-width value is aligned to its typalign; a varlena
// (text, varchar, bpchar, bytea, numeric) has a 1-byte header if its total size is at most 127
// bytes (unaligned), else a 4-byte header aligned to 4 (PostgreSQL's short and long varlena
// headers; no TOAST, no compression). `name` is a fixed 64-byte NUL-padded field.
// numeric and interval are stored as their text forms for now (not PostgreSQL's base-10000
// digits and 16-byte struct).
// A codec is built once per relation and is immutable, so scans share it across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"
#include "storage/tuple/type_storage.h"

namespace chalkdb {

class TupleCodec {
 public:
  // Throws SqlError 0A000 for a column type that cannot be stored yet.
  explicit TupleCodec(std::vector<DataType> column_types);

  size_t column_count() const { return columns_.size(); }
  const std::vector<DataType>& column_types() const { return types_; }

  // Bytes of the null bitmap for `natts` columns.
  static size_t null_bitmap_size(size_t natts) { return (natts + 7) / 8; }
  static bool has_nulls(std::span<const Value> row);
  // True when a non-NULL value of the row is stored as a varlena (PostgreSQL then sets
  // HEAP_HASVARWIDTH in t_infomask).
  bool has_variable_width(std::span<const Value> row) const;

  // Size of the data area for `row`, measured from a MAXALIGNed start.
  size_t data_size(std::span<const Value> row) const;
  // Writes the data area (data_size(row) bytes, zero-filled padding) and, when the row has
  // NULLs, the null bitmap (null_bitmap_size bytes).
  void encode(std::span<const Value> row, std::span<std::byte> data,
              std::span<uint8_t> null_bitmap) const;
  // Reads `natts` stored columns (older tuples may have fewer than column_count(); the
  // missing trailing columns read as NULL). `null_bitmap` is empty when the tuple has no
  // NULLs. `out` is resized to column_count() and overwritten.
  void decode(std::span<const std::byte> data, std::span<const uint8_t> null_bitmap,
              size_t natts, std::vector<Value>& out) const;

 private:
  struct Column {
    TypeId type;
    TypeStorage storage;
  };
  void encode_value(const Column& column, const Value& value, std::byte* data,
                    size_t& offset) const;
  Value decode_value(const Column& column, const std::byte* data, size_t& offset,
                     size_t data_size) const;

  std::vector<DataType> types_;
  std::vector<Column> columns_;
};

}  // namespace chalkdb
