// SQL data types as PostgreSQL identifies them: type OIDs, type modifiers and names.
//
// A DataType is a type OID plus its typmod (e.g. varchar(20) is {Varchar, 24} as in
// PostgreSQL, numeric(10,2) is {Numeric, ((10 << 16) | 2) + 4}). OIDs match pg_type so they go
// on the wire unchanged in RowDescription. Array types (int4[] = 1007, ...) are one-dimensional
// arrays of a scalar element type (sql/types/array_type.h); AnyElement and AnyArray are the
// polymorphic pseudo-types of function signatures.
#pragma once

#include <cstdint>
#include <string>

namespace chalkdb {

enum class TypeId : uint32_t {
  Bool = 16,
  Bytea = 17,
  Char = 18,  // "char"
  Name = 19,
  Int8 = 20,
  Int2 = 21,
  Int4 = 23,
  Text = 25,
  Oid = 26,
  Json = 114,
  JsonArray = 199,
  Tid = 27,  // a row's physical address (ctid), held as int64 (block << 16 | offset)
  Float4 = 700,
  Float8 = 701,
  Unknown = 705,
  Bpchar = 1042,
  Varchar = 1043,
  Date = 1082,
  Time = 1083,
  Timestamp = 1114,
  TimestampTz = 1184,
  Interval = 1186,
  Numeric = 1700,
  BoolArray = 1000,
  ByteaArray = 1001,
  CharArray = 1002,
  NameArray = 1003,
  Int2Array = 1005,
  Int4Array = 1007,
  TextArray = 1009,
  BpcharArray = 1014,
  VarcharArray = 1015,
  Int8Array = 1016,
  Float4Array = 1021,
  Float8Array = 1022,
  OidArray = 1028,
  TimestampArray = 1115,
  DateArray = 1182,
  TimeArray = 1183,
  TimestampTzArray = 1185,
  IntervalArray = 1187,
  NumericArray = 1231,
  AnyArray = 2277,
  Void = 2278,
  AnyElement = 2283,
  Uuid = 2950,
  UuidArray = 2951,
  Jsonb = 3802,
  JsonbArray = 3807,
};

struct DataType {
  TypeId id = TypeId::Unknown;
  int32_t typmod = -1;  // -1: no modifier

  friend bool operator==(const DataType&, const DataType&) = default;
};

}  // namespace chalkdb
