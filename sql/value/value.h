// Value: one SQL datum — a type id, a null flag and the payload.
//
// Scalars are held inline (bool and integers as int64, floats as double, date as days and
// timestamps as microseconds since 2000-01-01 like PostgreSQL); text-like values and bytea as
// a string; numeric behind a shared pointer so copies stay cheap. Text I/O, casts and
// operators live in sql/types (value_io.h, cast.h, operators.h), not here.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "sql/types/type_id.h"

namespace chalkdb {

class Numeric;

class Value {
 public:
  Value() = default;  // NULL of unknown type

  static Value null(TypeId type);
  static Value boolean(bool b);
  static Value int2(int16_t v);
  static Value int4(int32_t v);
  static Value int8(int64_t v);
  static Value oid(uint32_t v);
  static Value float4(float v);
  static Value float8(double v);
  // text, varchar, bpchar, name, "char", unknown (an untyped literal) and bytea.
  static Value text(std::string s, TypeId type = TypeId::Text);
  static Value numeric(Numeric n);
  static Value date(int32_t days_since_2000);
  static Value timestamp(int64_t micros_since_2000, TypeId type = TypeId::Timestamp);
  // A row address (ctid): block and 1-based line pointer.
  static Value tid(uint32_t block, uint16_t offset) {
    return Value(TypeId::Tid, static_cast<int64_t>((static_cast<uint64_t>(block) << 16) | offset));
  }

  TypeId type() const { return type_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }

  bool as_bool() const { return std::get<int64_t>(data_) != 0; }
  int64_t as_int() const { return std::get<int64_t>(data_); }  // ints, oid, date, timestamp
  double as_float() const { return std::get<double>(data_); }
  const std::string& as_text() const { return std::get<std::string>(data_); }
  const Numeric& as_numeric() const { return *std::get<std::shared_ptr<const Numeric>>(data_); }

  // Same type id and payload (not SQL equality: NULL == NULL here). For tests and hashing.
  bool identical(const Value& other) const;

 private:
  Value(TypeId type, std::variant<std::monostate, int64_t, double, std::string,
                                  std::shared_ptr<const Numeric>> data)
      : type_(type), data_(std::move(data)) {}

  TypeId type_ = TypeId::Unknown;
  std::variant<std::monostate, int64_t, double, std::string, std::shared_ptr<const Numeric>> data_;
};

}  // namespace chalkdb
