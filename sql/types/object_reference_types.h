// The object identifier types regclass (2205), regtype (2206) and regnamespace (4089): an oid
// whose text form is the object's name (a relation, a type, a schema). Their values are held
// as oid Values; expressions carry these type ids, so RowDescription shows PostgreSQL's type
// and the executor prints names, which need the catalog (executor/reg_type_output.h).
// The casts between them and oid/integers are pg_cast's (sql/types/cast.cpp); names are read
// by the binder for constants (planner/object_reference_binder.h).
#pragma once

#include "sql/types/type_id.h"

namespace chalkdb {

inline constexpr TypeId kRegclassType = static_cast<TypeId>(2205);
inline constexpr TypeId kRegtypeType = static_cast<TypeId>(2206);
inline constexpr TypeId kRegnamespaceType = static_cast<TypeId>(4089);

inline bool is_object_reference_type(TypeId type) {
  return type == kRegclassType || type == kRegtypeType || type == kRegnamespaceType;
}

}  // namespace chalkdb
