#include "sql/value/value.h"

#include <bit>
#include <cmath>

#include "sql/types/numeric.h"

namespace chalkdb {

Value Value::null(TypeId type) { return Value(type, std::monostate{}); }
Value Value::boolean(bool b) { return Value(TypeId::Bool, int64_t{b ? 1 : 0}); }
Value Value::int2(int16_t v) { return Value(TypeId::Int2, int64_t{v}); }
Value Value::int4(int32_t v) { return Value(TypeId::Int4, int64_t{v}); }
Value Value::int8(int64_t v) { return Value(TypeId::Int8, v); }
Value Value::oid(uint32_t v) { return Value(TypeId::Oid, int64_t{v}); }
Value Value::float4(float v) { return Value(TypeId::Float4, static_cast<double>(v)); }
Value Value::float8(double v) { return Value(TypeId::Float8, v); }
Value Value::text(std::string s, TypeId type) { return Value(type, std::move(s)); }
Value Value::numeric(Numeric n) {
  return Value(TypeId::Numeric, std::make_shared<const Numeric>(std::move(n)));
}
Value Value::date(int32_t days_since_2000) { return Value(TypeId::Date, int64_t{days_since_2000}); }
Value Value::timestamp(int64_t micros_since_2000, TypeId type) {
  return Value(type, micros_since_2000);
}

bool Value::identical(const Value& other) const {
  if (type_ != other.type_ || data_.index() != other.data_.index()) return false;
  if (const auto* d = std::get_if<double>(&data_)) {
    double o = std::get<double>(other.data_);
    // Bit equality keeps 0 and -0 apart; all NaNs are the same value.
    return (std::isnan(*d) && std::isnan(o)) || std::bit_cast<uint64_t>(*d) == std::bit_cast<uint64_t>(o);
  }
  if (const auto* n = std::get_if<std::shared_ptr<const Numeric>>(&data_))
    return (*n)->identical(*std::get<std::shared_ptr<const Numeric>>(other.data_));
  return data_ == other.data_;
}

}  // namespace chalkdb
