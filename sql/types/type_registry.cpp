#include "sql/types/type_registry.h"

#include <fmt/format.h>

#include <algorithm>

#include "sql/types/object_reference_types.h"
#include "sql/error/sql_error.h"
#include "sql/types/array_type.h"

namespace chalkdb {

namespace {

using namespace type_category;

// Values from PostgreSQL 15's pg_type.
const std::vector<TypeInfo> kTypes = {
    {TypeId::Bool, "bool", "boolean", 1, 'c', kBoolean, true},
    {TypeId::Bytea, "bytea", "bytea", -1, 'i', kUserDefined, false},
    {TypeId::Char, "char", "\"char\"", 1, 'c', kInternal, false},
    {TypeId::Name, "name", "name", 64, 'c', kString, false},
    {TypeId::Int8, "int8", "bigint", 8, 'd', kNumeric, false},
    {TypeId::Int2, "int2", "smallint", 2, 's', kNumeric, false},
    {TypeId::Int4, "int4", "integer", 4, 'i', kNumeric, false},
    {TypeId::Text, "text", "text", -1, 'i', kString, true},
    {TypeId::Oid, "oid", "oid", 4, 'i', kNumeric, true},
    {kRegclassType, "regclass", "regclass", 4, 'i', kNumeric, false},
    {kRegtypeType, "regtype", "regtype", 4, 'i', kNumeric, false},
    {kRegnamespaceType, "regnamespace", "regnamespace", 4, 'i', kNumeric, false},
    {TypeId::Tid, "tid", "tid", 6, 's', kUserDefined, false},
    {TypeId::Float4, "float4", "real", 4, 'i', kNumeric, false},
    {TypeId::Float8, "float8", "double precision", 8, 'd', kNumeric, true},
    {TypeId::Unknown, "unknown", "unknown", -2, 'c', kUnknown, false},
    {TypeId::Bpchar, "bpchar", "character", -1, 'i', kString, false},
    {TypeId::Varchar, "varchar", "character varying", -1, 'i', kString, false},
    {TypeId::Date, "date", "date", 4, 'i', kDateTime, false},
    {TypeId::Time, "time", "time without time zone", 8, 'd', kDateTime, false},
    {TypeId::Timestamp, "timestamp", "timestamp without time zone", 8, 'd', kDateTime, false},
    {TypeId::TimestampTz, "timestamptz", "timestamp with time zone", 8, 'd', kDateTime, true},
    {TypeId::Interval, "interval", "interval", 16, 'd', kTimespan, true},
    {TypeId::Numeric, "numeric", "numeric", -1, 'i', kNumeric, false},
    {TypeId::Void, "void", "void", 4, 'i', kPseudo, false},
    {TypeId::Json, "json", "json", -1, 'i', kUserDefined, false},
    {TypeId::Jsonb, "jsonb", "jsonb", -1, 'i', kUserDefined, false},
    {TypeId::Uuid, "uuid", "uuid", 16, 'c', kUserDefined, false},
    {TypeId::AnyArray, "anyarray", "anyarray", -1, 'd', kPseudo, false},
    {TypeId::AnyElement, "anyelement", "anyelement", 4, 'i', kPseudo, false},
    {TypeId::BoolArray, "_bool", "boolean[]", -1, 'c', kArray, false},
    {TypeId::ByteaArray, "_bytea", "bytea[]", -1, 'i', kArray, false},
    {TypeId::CharArray, "_char", "\"char\"[]", -1, 'i', kArray, false},
    {TypeId::NameArray, "_name", "name[]", -1, 'i', kArray, false},
    {TypeId::Int2Array, "_int2", "smallint[]", -1, 'i', kArray, false},
    {TypeId::Int4Array, "_int4", "integer[]", -1, 'i', kArray, false},
    {TypeId::TextArray, "_text", "text[]", -1, 'i', kArray, false},
    {TypeId::BpcharArray, "_bpchar", "character[]", -1, 'i', kArray, false},
    {TypeId::VarcharArray, "_varchar", "character varying[]", -1, 'i', kArray, false},
    {TypeId::Int8Array, "_int8", "bigint[]", -1, 'd', kArray, false},
    {TypeId::Float4Array, "_float4", "real[]", -1, 'i', kArray, false},
    {TypeId::Float8Array, "_float8", "double precision[]", -1, 'd', kArray, false},
    {TypeId::OidArray, "_oid", "oid[]", -1, 'i', kArray, false},
    {TypeId::TimestampArray, "_timestamp", "timestamp without time zone[]", -1, 'd', kArray, false},
    {TypeId::DateArray, "_date", "date[]", -1, 'i', kArray, false},
    {TypeId::TimeArray, "_time", "time without time zone[]", -1, 'd', kArray, false},
    {TypeId::TimestampTzArray, "_timestamptz", "timestamp with time zone[]", -1, 'd', kArray, false},
    {TypeId::IntervalArray, "_interval", "interval[]", -1, 'd', kArray, false},
    {TypeId::NumericArray, "_numeric", "numeric[]", -1, 'i', kArray, false},
    {TypeId::UuidArray, "_uuid", "uuid[]", -1, 'i', kArray, false},
    {TypeId::JsonArray, "_json", "json[]", -1, 'i', kArray, false},
    {TypeId::JsonbArray, "_jsonb", "jsonb[]", -1, 'i', kArray, false},
};

// SQL spellings a parser might pass through, and PostgreSQL's own aliases.
struct Alias {
  std::string_view name;
  TypeId id;
};
constexpr Alias kAliases[] = {
    {"boolean", TypeId::Bool},
    {"smallint", TypeId::Int2},
    {"int", TypeId::Int4},
    {"integer", TypeId::Int4},
    {"bigint", TypeId::Int8},
    {"real", TypeId::Float4},
    {"double precision", TypeId::Float8},
    {"decimal", TypeId::Numeric},
    {"dec", TypeId::Numeric},
    {"character varying", TypeId::Varchar},
    {"char varying", TypeId::Varchar},
    {"time without time zone", TypeId::Time},
    {"timestamp without time zone", TypeId::Timestamp},
    {"timestamp with time zone", TypeId::TimestampTz},
};

SqlError bad_modifier(std::string message) {
  return SqlError(sqlstate::kInvalidParameterValue, std::move(message));
}

int32_t character_typmod(std::string_view type_name, const std::vector<int>& modifiers) {
  if (modifiers.size() != 1) throw bad_modifier("invalid type modifier");
  int length = modifiers[0];
  if (length < 1) throw bad_modifier(fmt::format("length for type {} must be at least 1", type_name));
  if (length > 10485760)
    throw bad_modifier(fmt::format("length for type {} cannot exceed 10485760", type_name));
  return length + 4;
}

int32_t numeric_typmod(const std::vector<int>& modifiers) {
  if (modifiers.empty() || modifiers.size() > 2) throw bad_modifier("invalid NUMERIC type modifier");
  int precision = modifiers[0];
  int scale = modifiers.size() == 2 ? modifiers[1] : 0;
  if (precision < 1 || precision > 1000) {
    throw bad_modifier(
        fmt::format("NUMERIC precision {} must be between 1 and 1000", precision));
  }
  if (scale < -1000 || scale > 1000)
    throw bad_modifier(fmt::format("NUMERIC scale {} must be between -1000 and 1000", scale));
  return make_numeric_typmod(precision, scale);
}

// timestamp(p) / time(p): p above 6 is reduced to 6 (PostgreSQL also warns).
int32_t datetime_typmod(std::string_view sql_name, std::string_view suffix,
                        const std::vector<int>& modifiers) {
  if (modifiers.size() != 1) throw bad_modifier("invalid type modifier");
  if (modifiers[0] < 0) {
    throw bad_modifier(fmt::format("{}({}){} precision must not be negative", sql_name,
                                   modifiers[0], suffix));
  }
  return std::min(modifiers[0], 6);
}

DataType float_type(const std::vector<int>& modifiers) {
  if (modifiers.empty()) return DataType{TypeId::Float8};
  if (modifiers.size() != 1) throw bad_modifier("invalid type modifier");
  int bits = modifiers[0];
  if (bits < 1) throw bad_modifier("precision for type float must be at least 1 bit");
  if (bits > 53) throw bad_modifier("precision for type float must be less than 54 bits");
  return DataType{bits <= 24 ? TypeId::Float4 : TypeId::Float8};
}

DataType with_modifiers(TypeId id, std::string_view written_name, const std::vector<int>& modifiers) {
  if (modifiers.empty()) return DataType{id};
  switch (id) {
    case TypeId::Varchar: return DataType{id, character_typmod("varchar", modifiers)};
    case TypeId::Bpchar: return DataType{id, character_typmod("char", modifiers)};
    case TypeId::Numeric: return DataType{id, numeric_typmod(modifiers)};
    case TypeId::Timestamp: return DataType{id, datetime_typmod("TIMESTAMP", "", modifiers)};
    case TypeId::TimestampTz:
      return DataType{id, datetime_typmod("TIMESTAMP", " WITH TIME ZONE", modifiers)};
    case TypeId::Time: return DataType{id, datetime_typmod("TIME", "", modifiers)};
    default:
      throw SqlError(sqlstate::kSyntaxError,
                     fmt::format("type modifier is not allowed for type \"{}\"", written_name));
  }
}

const TypeInfo* find_by_name(std::string_view name) {
  for (const auto& info : kTypes)
    if (info.typname == name) return &info;
  for (const auto& alias : kAliases)
    if (alias.name == name) return &type_info(alias.id);
  return nullptr;
}

std::string format_with_typmod(const TypeInfo& info, int32_t typmod) {
  switch (info.id) {
    case TypeId::Varchar:
    case TypeId::Bpchar: return fmt::format("{}({})", info.display_name, typmod - 4);
    case TypeId::Numeric:
      return fmt::format("numeric({},{})", numeric_typmod_precision(typmod),
                         numeric_typmod_scale(typmod));
    case TypeId::Timestamp: return fmt::format("timestamp({}) without time zone", typmod);
    case TypeId::TimestampTz: return fmt::format("timestamp({}) with time zone", typmod);
    case TypeId::Time: return fmt::format("time({}) without time zone", typmod);
    default: return std::string(info.display_name);
  }
}

}  // namespace

const std::vector<TypeInfo>& all_types() { return kTypes; }

const TypeInfo& type_info(TypeId id) {
  for (const auto& info : kTypes)
    if (info.id == id) return info;
  static const TypeInfo kUnknownType{TypeId::Unknown, "???", "???", -1, 'i', kUserDefined, false};
  return kUnknownType;
}

std::string format_type(DataType type) {
  std::optional<TypeId> element = array_element_type(type.id);
  if (element && type.typmod >= 0) return format_type(DataType{*element, type.typmod}) + "[]";
  const TypeInfo& info = type_info(type.id);
  if (type.typmod >= 0) return format_with_typmod(info, type.typmod);
  return std::string(info.display_name);
}

std::string format_type_with_typmod(DataType type) {
  if (type.id == TypeId::Bpchar && type.typmod < 0) return "bpchar";
  return format_type(type);
}

DataType resolve_type_name(std::string_view canonical_name, const std::vector<int>& modifiers,
                           bool is_array) {
  if (is_array) {
    DataType element = resolve_type_name(canonical_name, modifiers);
    std::optional<TypeId> array = array_type_of(element.id);
    if (!array) {
      throw SqlError(sqlstate::kUndefinedObject,
                     fmt::format("could not find array type for data type {}", format_type(element)));
    }
    return DataType{*array, element.typmod};
  }
  std::string_view name = canonical_name;
  if (name.starts_with("pg_catalog.")) name.remove_prefix(std::string_view("pg_catalog.").size());
  if (name == "float") return float_type(modifiers);
  // CHARACTER without a length means CHARACTER(1) in the SQL standard.
  if (name == "character" && modifiers.empty()) return DataType{TypeId::Bpchar, 1 + 4};
  if (name == "character") return with_modifiers(TypeId::Bpchar, name, modifiers);
  const TypeInfo* info = find_by_name(name);
  if (info == nullptr) {
    throw SqlError(sqlstate::kUndefinedObject, fmt::format("type \"{}\" does not exist", canonical_name));
  }
  return with_modifiers(info->id, name, modifiers);
}

int32_t make_numeric_typmod(int precision, int scale) {
  return ((precision << 16) | (scale & 0x7ff)) + 4;
}

int numeric_typmod_precision(int32_t typmod) { return ((typmod - 4) >> 16) & 0xffff; }

int numeric_typmod_scale(int32_t typmod) { return (((typmod - 4) & 0x7ff) ^ 1024) - 1024; }

int32_t character_length_limit(DataType type) {
  if ((type.id != TypeId::Varchar && type.id != TypeId::Bpchar) || type.typmod < 4) return -1;
  return type.typmod - 4;
}

}  // namespace chalkdb
