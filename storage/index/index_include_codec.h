// IndexIncludeCodec: the bytes of an index's INCLUDE columns (CREATE INDEX ... INCLUDE (...)),
// stored at the end of every leaf item after the heap TID.
//
// INCLUDE columns are carried, not ordered by: they never take part in comparisons, are left
// out of high keys and downlinks (PostgreSQL truncates them from pivot tuples too), and any
// storable type may be included, not only types with a B-tree operator class. So they are not
// encoded with IndexKeyCodec but the way a heap tuple stores its data (TupleCodec): a null
// bitmap of ceil(n / 8) bytes (bit set = present, always written) followed by the data area.
// Difference from PostgreSQL: the bitmap is always present and covers only INCLUDE columns
// (PostgreSQL's index tuple has one bitmap for all attributes, only when one is NULL).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/value/value.h"
#include "storage/tuple/tuple_codec.h"

namespace chalkdb {

class IndexIncludeCodec {
 public:
  // Throws 0A000 for a type that cannot be stored (as TupleCodec).
  explicit IndexIncludeCodec(std::vector<DataType> types);

  size_t column_count() const { return codec_.column_count(); }
  const std::vector<DataType>& types() const { return codec_.column_types(); }

  // Appends the bytes of `values` (column_count() of them) to `out`; nothing when the index
  // has no INCLUDE columns.
  void encode(std::span<const Value> values, std::string& out) const;
  // The values back; throws XX002 when `bytes` are not a valid encoding.
  std::vector<Value> decode(std::string_view bytes) const;
  // Whether encoded bytes hold a NULL / a variable-length value (pageinspect's nulls and
  // vars columns).
  bool has_null(std::string_view bytes) const;
  bool has_variable_width(std::string_view bytes) const;

 private:
  TupleCodec codec_;
};

}  // namespace chalkdb
