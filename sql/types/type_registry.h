// The built-in types' catalog facts (pg_type): names, storage length and alignment, category
// and preferred flag, plus the typmod rules for turning a written type name into a DataType
// and back into text (format_type).
//
// Only the built-in types of type_id.h exist: scalars and one-dimensional arrays of them; there
// are no domains, enums or user-defined types. Interval typmods (INTERVAL YEAR TO MONTH ...) are not supported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sql/types/type_id.h"

namespace chalkdb {

// pg_type.typcategory values.
namespace type_category {
inline constexpr char kArray = 'A';
inline constexpr char kBoolean = 'B';
inline constexpr char kDateTime = 'D';
inline constexpr char kNumeric = 'N';
inline constexpr char kPseudo = 'P';
inline constexpr char kString = 'S';
inline constexpr char kTimespan = 'T';
inline constexpr char kUserDefined = 'U';
inline constexpr char kUnknown = 'X';
inline constexpr char kInternal = 'Z';
}  // namespace type_category

struct TypeInfo {
  TypeId id;
  std::string_view typname;      // pg_type.typname: "int4"
  std::string_view display_name; // format_type without modifier: "integer"
  int16_t typlen;                // -1 varlena, -2 C string (unknown)
  char typalign;                 // 'c', 's', 'i', 'd'
  char category;                 // pg_type.typcategory
  bool preferred;                // pg_type.typispreferred
};

// Facts for every TypeId; an id outside the enum yields an "unknown"-like entry.
const TypeInfo& type_info(TypeId id);
const std::vector<TypeInfo>& all_types();

// The type as PostgreSQL names it in messages and in \d: format_type_be for typmod -1
// ("integer", "character", "character varying") and format_type with a typmod
// ("character varying(20)", "numeric(10,2)", "timestamp(3) without time zone").
std::string format_type(DataType type);
// SQL's format_type(oid, typmod) where typmod -1 was given explicitly: the same, except that
// bpchar without a length prints "bpchar" as in PostgreSQL.
std::string format_type_with_typmod(DataType type);

// An ast::TypeName's canonical name (int4, varchar, numeric, ..., also the SQL spellings and a
// "pg_catalog." prefix) and modifiers to a DataType with PostgreSQL's typmod encoding.
// Errors: 42704 type "foo" does not exist; 42601 type modifier is not allowed for type "int4";
// 22023 for bad modifiers (NUMERIC precision 0 must be between 1 and 1000, length for type
// varchar must be at least 1, ...).
// `is_array` (int[], integer ARRAY) names the array type of that element type, keeping the
// element's typmod as the array's (varchar(10)[]): 42704 when the element has no array type.
DataType resolve_type_name(std::string_view canonical_name, const std::vector<int>& modifiers,
                           bool is_array = false);

// numeric(p,s) typmod helpers.
int32_t make_numeric_typmod(int precision, int scale);
int numeric_typmod_precision(int32_t typmod);
int numeric_typmod_scale(int32_t typmod);

// Length limit of varchar(n) / char(n) from the typmod, -1 when unlimited.
int32_t character_length_limit(DataType type);

}  // namespace chalkdb
