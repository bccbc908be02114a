// How each built-in type is stored in a tuple: pg_type's typlen, typbyval and typalign.
//
// typlen > 0 is a fixed width, -1 a varlena (length header + bytes). typalign is 'c' (1),
// 's' (2), 'i' (4) or 'd' (8) as in pg_type. Length and alignment come from the type registry
// (sql/types/type_registry.h); typbyval follows PostgreSQL on 64-bit machines (widths 1, 2, 4
// and 8 are passed by value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "sql/types/type_id.h"

namespace chalkdb {

struct TypeStorage {
  int16_t length;  // typlen
  bool by_value;   // typbyval
  char align;      // typalign

  size_t alignment() const {
    switch (align) {
      case 's': return 2;
      case 'i': return 4;
      case 'd': return 8;
      default: return 1;
    }
  }
};

// Storage properties of a type that can be stored in a table column; nothing for pseudo-types
// (unknown, void).
std::optional<TypeStorage> type_storage(TypeId type);

}  // namespace chalkdb
