#include "sql/types/array_type.h"
#include "sql/types/comparison.h"

#include <bit>
#include <cmath>
#include <functional>
#include <string_view>

#include "sql/types/array_value.h"
#include "sql/types/interval.h"
#include "sql/types/json_value.h"
#include "sql/types/numeric.h"

namespace chalkdb {

namespace {

int three_way(auto a, auto b) { return a < b ? -1 : (a > b ? 1 : 0); }

// NaN sorts above everything and equals itself, as float8_cmp_internal.
int compare_floats(double a, double b) {
  if (std::isnan(a)) return std::isnan(b) ? 0 : 1;
  if (std::isnan(b)) return -1;
  return three_way(a, b);
}

std::string_view without_trailing_spaces(const std::string& text) {
  size_t end = text.find_last_not_of(' ');
  return end == std::string::npos ? std::string_view() : std::string_view(text).substr(0, end + 1);
}

int compare_bytes(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// A 64-bit finalizer (splitmix64): std::hash<int64_t> is the identity in libstdc++, which
// clusters sequential keys in power-of-two hash tables.
size_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return static_cast<size_t>(x);
}

}  // namespace

int compare_values(const Value& a, const Value& b) {
  if (is_array_type(a.type())) return compare_arrays(a, b);
  switch (a.type()) {
    case TypeId::Float4:
    case TypeId::Float8: return compare_floats(a.as_float(), b.as_float());
    case TypeId::Numeric: return a.as_numeric().compare(b.as_numeric());
    case TypeId::Bpchar:
      return compare_bytes(without_trailing_spaces(a.as_text()), without_trailing_spaces(b.as_text()));
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Name:
    case TypeId::Char:
    case TypeId::Unknown:
    case TypeId::Bytea:
    case TypeId::Void: return compare_bytes(a.as_text(), b.as_text());
    case TypeId::Interval: return compare_intervals(interval_of(a), interval_of(b));
    default: break;  // arrays are handled before the switch
    case TypeId::Jsonb: return compare_jsonb(a, b);
    case TypeId::Json:
    case TypeId::Uuid:
    case TypeId::AnyArray:
    case TypeId::AnyElement: return compare_bytes(a.as_text(), b.as_text());
    case TypeId::Bool:
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8:
    case TypeId::Oid:
    case TypeId::Tid:
    case TypeId::Date:
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: break;
  }
  return three_way(a.as_int(), b.as_int());
}

size_t hash_value(const Value& value) {
  if (value.is_null()) return 0x2545f4914f6cdd1dULL;
  if (is_array_type(value.type())) return hash_array(value);
  switch (value.type()) {
    case TypeId::Float4:
    case TypeId::Float8: {
      double d = value.as_float();
      if (std::isnan(d)) return 0x7ff8000000000000ULL;
      if (d == 0.0) d = 0.0;  // -0 hashes as 0
      return mix(std::bit_cast<uint64_t>(d));
    }
    case TypeId::Numeric: return value.as_numeric().hash();
    case TypeId::Bpchar: return std::hash<std::string_view>{}(without_trailing_spaces(value.as_text()));
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Name:
    case TypeId::Char:
    case TypeId::Unknown:
    case TypeId::Bytea:
    case TypeId::Void: return std::hash<std::string_view>{}(value.as_text());
    case TypeId::Interval: return hash_interval(interval_of(value));
    default: break;  // arrays are handled before the switch
    case TypeId::Json:
    case TypeId::Jsonb:
    case TypeId::Uuid:
    case TypeId::AnyArray:
    case TypeId::AnyElement: return std::hash<std::string_view>{}(value.as_text());
    case TypeId::Bool:
    case TypeId::Int2:
    case TypeId::Int4:
    case TypeId::Int8:
    case TypeId::Oid:
    case TypeId::Tid:
    case TypeId::Date:
    case TypeId::Time:
    case TypeId::Timestamp:
    case TypeId::TimestampTz: break;
  }
  return mix(static_cast<uint64_t>(value.as_int()));
}

}  // namespace chalkdb
