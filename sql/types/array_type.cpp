#include "sql/types/array_type.h"

#include <array>
#include <utility>

namespace chalkdb {

namespace {

using T = TypeId;

// pg_type's typarray links for the types that have arrays here.
constexpr std::array<std::pair<TypeId, TypeId>, 22> kArrays = {{
    {T::Bool, T::BoolArray},           {T::Bytea, T::ByteaArray},
    {T::Char, T::CharArray},           {T::Name, T::NameArray},
    {T::Int2, T::Int2Array},           {T::Int4, T::Int4Array},
    {T::Text, T::TextArray},           {T::Bpchar, T::BpcharArray},
    {T::Varchar, T::VarcharArray},     {T::Int8, T::Int8Array},
    {T::Float4, T::Float4Array},       {T::Float8, T::Float8Array},
    {T::Oid, T::OidArray},             {T::Timestamp, T::TimestampArray},
    {T::Date, T::DateArray},           {T::Time, T::TimeArray},
    {T::TimestampTz, T::TimestampTzArray}, {T::Interval, T::IntervalArray},
    {T::Numeric, T::NumericArray},     {T::Uuid, T::UuidArray},
    {T::Json, T::JsonArray},           {T::Jsonb, T::JsonbArray},
}};

constexpr std::array<TypeId, kArrays.size()> kArrayTypes = [] {
  std::array<TypeId, kArrays.size()> types{};
  for (size_t i = 0; i < kArrays.size(); ++i) types[i] = kArrays[i].second;
  return types;
}();

}  // namespace

std::span<const TypeId> all_array_types() { return kArrayTypes; }

std::optional<TypeId> array_element_type(TypeId array_type) {
  for (auto [element, array] : kArrays)
    if (array == array_type) return element;
  return std::nullopt;
}

std::optional<TypeId> array_type_of(TypeId element) {
  for (auto [e, array] : kArrays)
    if (e == element) return array;
  return std::nullopt;
}

}  // namespace chalkdb
