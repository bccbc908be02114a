// The built-in types that get a pg_type row, with the pg_type attributes the type registry
// (sql/types/type_registry.h) does not hold: array type, element type and collation, as
// PostgreSQL 15 has them. Name, category and storage come from the registry.
#pragma once

#include <vector>

#include "sql/types/type_id.h"
#include "storage/common/ids.h"

namespace chalkdb {

struct BuiltinType {
  TypeId id;
  Oid array_type;    // typarray
  Oid element_type;  // typelem (name is a fixed-length array of "char" in PostgreSQL)
  Oid collation;     // typcollation: 100 default, 950 "C" for name
};

const std::vector<BuiltinType>& builtin_types();

}  // namespace chalkdb
