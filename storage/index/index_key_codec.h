// IndexKeyCodec: turns a row of key Values into bytes whose memcmp order is the B-tree order.
//
// PostgreSQL's nbtree compares index tuples column by column with each type's comparison
// function (and, since version 12, the heap TID last). ChalkDB encodes the key columns once into
// an order-preserving byte string instead, so every comparison inside the tree is a memcmp:
// memcmp(encode(a), encode(b)) has the sign of comparing a and b as PostgreSQL's default btree
// operator classes do (compare_values in sql/types/comparison.h is the reference).
//
// Each column is a marker byte followed, for a non-null value, by the value's bytes:
//   marker 0x00 = NULL placed first, 0x01 = a value, 0x02 = NULL placed last.
// The value bytes are prefix-free (no encoding is a proper prefix of another of the same type),
// so a concatenation of columns still compares column by column, and the first k columns of a
// key are a valid key prefix for range bounds. DESC columns complement the value bytes (not
// the marker: nulls_first already names the position in index order). Value encodings:
//   bool, int2/4/8, oid, date, time, timestamp(tz): 8 bytes big-endian with the sign bit
//     flipped (all integer widths alike, so an int4 column can be searched with an int8 value);
//   float4/8: the double's bits, sign-flipped or complemented (NaN canonical and greatest,
//     -0 stored as 0);
//   numeric: a class byte (-Inf, negative, zero, positive, +Inf, NaN), then for non-zero
//     finite values a 4-byte decimal exponent and base-100 digit pairs (1..100) ended by 0x00,
//     complemented for negative values; trailing zeros do not count (1.0 = 1.00);
//   text, varchar, name, "char", bytea: the bytes with 0x00 escaped as 0x00 0xFF, ended by
//     0x00 0x01 (C collation, the only collation ChalkDB has); bpchar drops trailing spaces;
//   interval: its span (months * 30 days + days, in microseconds, plus time) as a 16-byte
//     signed big-endian integer, as interval_cmp orders intervals.
// Decoding returns values equal to the encoded ones but not always identical: numeric loses
// its display scale, bpchar its trailing spaces, interval its split into months/days/time
// (decodes_exactly() tells which types round-trip, e.g. for index-only scans).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"
#include "sql/value/value.h"

namespace chalkdb {

// One key column of an index: its type and ordering, as in CREATE INDEX ... (col DESC NULLS
// FIRST). PostgreSQL's default is NULLS LAST for ASC and NULLS FIRST for DESC; ordered()
// applies that default.
struct IndexKeyColumn {
  DataType type;
  bool descending = false;
  bool nulls_first = false;

  static IndexKeyColumn ordered(DataType type, bool descending = false) {
    return IndexKeyColumn{type, descending, descending};
  }
};

// An encoded key (or key prefix): compare with memcmp / std::string's operator<.
using IndexKey = std::string;

class IndexKeyCodec {
 public:
  // Throws 42704 "data type X has no default operator class for access method "btree"" for a
  // type without an ordering.
  explicit IndexKeyCodec(std::vector<IndexKeyColumn> columns);

  const std::vector<IndexKeyColumn>& columns() const { return columns_; }
  size_t column_count() const { return columns_.size(); }

  // Appends the encoding of values[0..n) (n <= column_count(): a prefix for range bounds) to
  // `out`. Values of a different type than the column are accepted when they order alike
  // (any integer width for an integer column, float4 for float8 and back, any text-like type
  // for a text-like column); otherwise 42804.
  void encode(std::span<const Value> values, IndexKey& out) const;
  IndexKey encode(std::span<const Value> values) const;

  // Decodes a full key (every column). Throws XX001 on bytes that are not a valid key.
  std::vector<Value> decode(std::string_view key) const;
  // The length of the encoded prefix of `key` holding its first `columns` columns.
  size_t prefix_length(std::string_view key, size_t columns) const;
  // The length of the whole key at the start of `bytes` (which may continue with other data,
  // as a leaf item continues with its heap TID and INCLUDE columns).
  size_t key_length(std::string_view bytes) const;

  // True when the key of `values` has a NULL in one of its columns (NULLs are never equal, so
  // such keys never conflict in a unique index).
  static bool has_null(std::span<const Value> values);
  // Whether decode() gives back identical values for the type (not only equal ones).
  static bool decodes_exactly(DataType type);
  // Whether the type can be an index key column at all.
  static bool is_indexable(DataType type);

 private:
  size_t parsed_length(std::string_view key, size_t columns) const;

  std::vector<IndexKeyColumn> columns_;
};

}  // namespace chalkdb
