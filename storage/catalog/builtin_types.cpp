#include "storage/catalog/builtin_types.h"

namespace chalkdb {

const std::vector<BuiltinType>& builtin_types() {
  static const std::vector<BuiltinType> types = {
      {TypeId::Bool, 1000, 0, 0},       {TypeId::Bytea, 1001, 0, 0},
      {TypeId::Char, 1002, 0, 0},       {TypeId::Name, 1003, 18, 950},
      {TypeId::Int8, 1016, 0, 0},       {TypeId::Int2, 1005, 0, 0},
      {TypeId::Int4, 1007, 0, 0},       {TypeId::Text, 1009, 0, 100},
      {TypeId::Oid, 1028, 0, 0},        {TypeId::Tid, 1010, 0, 0},
      {TypeId::Float4, 1021, 0, 0},     {TypeId::Float8, 1022, 0, 0},
      {TypeId::Bpchar, 1014, 0, 100},   {TypeId::Varchar, 1015, 0, 100},
      {TypeId::Date, 1182, 0, 0},       {TypeId::Time, 1183, 0, 0},
      {TypeId::Timestamp, 1115, 0, 0},  {TypeId::TimestampTz, 1185, 0, 0},
      {TypeId::Interval, 1187, 0, 0},   {TypeId::Numeric, 1231, 0, 0},
  };
  return types;
}

}  // namespace chalkdb
