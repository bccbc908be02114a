// Array types: which array type holds which element type (pg_type.typelem / typarray).
//
// ChalkDB has the one-dimensional arrays of the built-in scalar types (int4[] is OID 1007 as in
// PostgreSQL); multi-dimensional arrays and arrays of arrays do not exist.
#pragma once

#include <optional>
#include <span>

#include "sql/types/type_id.h"

namespace chalkdb {

// The element type of an array type, nullopt for a scalar type.
std::optional<TypeId> array_element_type(TypeId array_type);
// The array type whose elements are `element`, nullopt when there is none.
std::optional<TypeId> array_type_of(TypeId element);
inline bool is_array_type(TypeId type) { return array_element_type(type).has_value(); }
// Every array type, for registering the polymorphic (anyarray) catalog entries once per type.
std::span<const TypeId> all_array_types();

}  // namespace chalkdb
