#include "storage/tuple/tuple_codec.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <variant>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/type_registry.h"
#include "storage/common/disk_format.h"

namespace chalkdb {

namespace {

size_t align_up(size_t offset, size_t alignment) {
  return (offset + alignment - 1) & ~(alignment - 1);
}

template <typename T>
void put(std::byte* data, size_t offset, T value) {
  std::memcpy(data + offset, &value, sizeof value);
}

template <typename T>
T get(const std::byte* data, size_t offset) {
  T value;
  std::memcpy(&value, data + offset, sizeof value);
  return value;
}

// How a column is laid out in the tuple: pg_type's storage, except that interval is kept as
// its text form in a varlena (the form a Value holds it in), not PostgreSQL's 16-byte struct.
std::optional<TypeStorage> physical_storage(TypeId type) {
  if (type == TypeId::Interval) return TypeStorage{-1, false, 'i'};
  return type_storage(type);
}

constexpr size_t kUuidSize = 16;

// numeric is kept as its text form; this pair is the only place that knows it.
std::string numeric_to_stored_text(const Value& value) { return value.as_numeric().to_string(); }
Value numeric_from_stored_text(std::string_view text) {
  return Value::numeric(Numeric::parse(text));
}

// NAMEDATALEN - 1 bytes at most, cut at a UTF-8 character boundary like pg_mbcliplen.
std::string_view clip_name(std::string_view name) {
  size_t limit = disk::kNameDataLength - 1;
  if (name.size() <= limit) return name;
  while (limit > 0 && (static_cast<unsigned char>(name[limit]) & 0xC0) == 0x80) --limit;
  return name.substr(0, limit);
}

// The bytes a varlena column stores for `value` (text-like and bytea as is, numeric as text).
std::string_view varlena_payload(TypeId type, const Value& value, std::string& scratch) {
  if (type == TypeId::Numeric) {
    scratch = numeric_to_stored_text(value);
    return scratch;
  }
  return value.as_text();
}

size_t varlena_size(size_t payload) {
  return payload + 1 <= disk::kVarlenaShortMax ? payload + 1 : payload + 4;
}

}  // namespace

TupleCodec::TupleCodec(std::vector<DataType> column_types) : types_(std::move(column_types)) {
  if (types_.size() > disk::kMaxColumns) {
    throw SqlError(sqlstate::kTooManyColumns, "tables can have at most " +
                                                  std::to_string(disk::kMaxColumns) + " columns");
  }
  columns_.reserve(types_.size());
  for (const DataType& type : types_) {
    std::optional<TypeStorage> storage = physical_storage(type.id);
    if (!storage) {
      throw SqlError(sqlstate::kFeatureNotSupported,
                     "storing values of type " + format_type(type) + " is not supported yet");
    }
    columns_.push_back({type.id, *storage});
  }
}

bool TupleCodec::has_nulls(std::span<const Value> row) {
  for (const Value& value : row) {
    if (value.is_null()) return true;
  }
  return false;
}

bool TupleCodec::has_variable_width(std::span<const Value> row) const {
  for (size_t i = 0; i < row.size() && i < columns_.size(); ++i)
    if (columns_[i].storage.length < 0 && !row[i].is_null()) return true;
  return false;
}

size_t TupleCodec::data_size(std::span<const Value> row) const {
  size_t offset = 0;
  std::string scratch;
  try {
    for (size_t i = 0; i < columns_.size(); ++i) {
      const Value& value = row[i];
      if (value.is_null()) continue;
      const Column& column = columns_[i];
      if (column.storage.length > 0) {
        offset = align_up(offset, column.storage.alignment()) + column.storage.length;
        continue;
      }
      size_t size = varlena_size(varlena_payload(column.type, value, scratch).size());
      if (size > disk::kVarlenaShortMax) {  // a 4-byte header is aligned
        offset = align_up(offset, column.storage.alignment());
      }
      offset += size;
    }
  } catch (const std::bad_variant_access&) {
    throw SqlError(sqlstate::kInternalError, "value does not match the column's type");
  }
  return offset;
}

void TupleCodec::encode(std::span<const Value> row, std::span<std::byte> data,
                        std::span<uint8_t> null_bitmap) const {
  if (row.size() != columns_.size()) {
    throw SqlError(sqlstate::kInternalError,
                   "row has " + std::to_string(row.size()) + " columns, relation has " +
                       std::to_string(columns_.size()));
  }
  std::fill(data.begin(), data.end(), std::byte{0});
  if (!null_bitmap.empty()) std::memset(null_bitmap.data(), 0, null_bitmap.size());
  size_t offset = 0;
  try {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (row[i].is_null()) continue;
      if (!null_bitmap.empty()) null_bitmap[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
      encode_value(columns_[i], row[i], data.data(), offset);
    }
  } catch (const std::bad_variant_access&) {
    throw SqlError(sqlstate::kInternalError, "value does not match the column's type");
  }
}

void TupleCodec::encode_value(const Column& column, const Value& value, std::byte* data,
                              size_t& offset) const {
  if (column.storage.length < 0) {
    std::string scratch;
    std::string_view payload = varlena_payload(column.type, value, scratch);
    size_t size = varlena_size(payload.size());
    if (size <= disk::kVarlenaShortMax) {
      // 1-byte header: total length << 1 | 1 (PostgreSQL's VARATT_IS_1B, little-endian).
      data[offset] = static_cast<std::byte>((size << 1) | 1);
      std::memcpy(data + offset + 1, payload.data(), payload.size());
    } else {
      offset = align_up(offset, column.storage.alignment());
      put<uint32_t>(data, offset, static_cast<uint32_t>(size << 2));
      std::memcpy(data + offset + 4, payload.data(), payload.size());
    }
    offset += size;
    return;
  }
  offset = align_up(offset, column.storage.alignment());
  switch (column.type) {
    case TypeId::Bool: put<uint8_t>(data, offset, value.as_bool() ? 1 : 0); break;
    case TypeId::Char: {
      const std::string& text = value.as_text();
      put<uint8_t>(data, offset, text.empty() ? 0 : static_cast<uint8_t>(text[0]));
      break;
    }
    case TypeId::Name: {
      std::string_view name = clip_name(value.as_text());
      std::memcpy(data + offset, name.data(), name.size());
      break;
    }
    case TypeId::Uuid: std::memcpy(data + offset, value.as_text().data(), kUuidSize); break;
    case TypeId::Int2: put<int16_t>(data, offset, static_cast<int16_t>(value.as_int())); break;
    case TypeId::Int4:
    case TypeId::Date: put<int32_t>(data, offset, static_cast<int32_t>(value.as_int())); break;
    case TypeId::Oid: put<uint32_t>(data, offset, static_cast<uint32_t>(value.as_int())); break;
    case TypeId::Float4: put<float>(data, offset, static_cast<float>(value.as_float())); break;
    case TypeId::Float8: put<double>(data, offset, value.as_float()); break;
    case TypeId::Tid: {
      auto packed = static_cast<uint64_t>(value.as_int());  // block << 16 | offset
      put<uint32_t>(data, offset, static_cast<uint32_t>(packed >> 16));
      put<uint16_t>(data, offset + 4, static_cast<uint16_t>(packed & 0xFFFF));
      break;
    }
    default: put<int64_t>(data, offset, value.as_int()); break;  // int8, time, timestamp(tz)
  }
  offset += static_cast<size_t>(column.storage.length);
}

void TupleCodec::decode(std::span<const std::byte> data, std::span<const uint8_t> null_bitmap,
                        size_t natts, std::vector<Value>& out) const {
  out.resize(columns_.size());
  size_t stored = std::min(natts, columns_.size());
  size_t offset = 0;
  for (size_t i = 0; i < stored; ++i) {
    bool is_null = !null_bitmap.empty() &&
                   (i / 8 >= null_bitmap.size() || (null_bitmap[i / 8] & (1u << (i % 8))) == 0);
    if (is_null) {
      out[i] = Value::null(columns_[i].type);
      continue;
    }
    out[i] = decode_value(columns_[i], data.data(), offset, data.size());
  }
  for (size_t i = stored; i < columns_.size(); ++i) out[i] = Value::null(columns_[i].type);
}

Value TupleCodec::decode_value(const Column& column, const std::byte* data, size_t& offset,
                               size_t data_size) const {
  auto corrupt = [] {
    return SqlError(sqlstate::kDataCorrupted, "invalid tuple data: value runs past the tuple");
  };
  if (column.storage.length < 0) {
    // Padding bytes are zero and a 1-byte header never is (PostgreSQL's att_align_pointer).
    if (offset < data_size && data[offset] == std::byte{0}) {
      offset = align_up(offset, column.storage.alignment());
    }
    if (offset >= data_size) throw corrupt();
    size_t size;
    size_t header;
    if ((static_cast<uint8_t>(data[offset]) & 1) != 0) {
      size = static_cast<uint8_t>(data[offset]) >> 1;
      header = 1;
    } else {
      if (offset + 4 > data_size) throw corrupt();
      size = get<uint32_t>(data, offset) >> 2;
      header = 4;
    }
    if (size < header || offset + size > data_size) throw corrupt();
    std::string_view payload(reinterpret_cast<const char*>(data + offset + header), size - header);
    offset += size;
    if (column.type == TypeId::Numeric) return numeric_from_stored_text(payload);
    return Value::text(std::string(payload), column.type);
  }
  offset = align_up(offset, column.storage.alignment());
  size_t at = offset;
  offset += static_cast<size_t>(column.storage.length);
  if (offset > data_size) throw corrupt();
  switch (column.type) {
    case TypeId::Bool: return Value::boolean(get<uint8_t>(data, at) != 0);
    case TypeId::Char: {
      auto c = get<char>(data, at);
      return Value::text(c == '\0' ? std::string() : std::string(1, c), TypeId::Char);
    }
    case TypeId::Name: {
      const char* start = reinterpret_cast<const char*>(data + at);
      return Value::text(std::string(start, strnlen(start, disk::kNameDataLength)), TypeId::Name);
    }
    case TypeId::Uuid:
      return Value::text(std::string(reinterpret_cast<const char*>(data + at), kUuidSize), TypeId::Uuid);
    case TypeId::Int2: return Value::int2(get<int16_t>(data, at));
    case TypeId::Int4: return Value::int4(get<int32_t>(data, at));
    case TypeId::Int8: return Value::int8(get<int64_t>(data, at));
    case TypeId::Oid: return Value::oid(get<uint32_t>(data, at));
    case TypeId::Float4: return Value::float4(get<float>(data, at));
    case TypeId::Float8: return Value::float8(get<double>(data, at));
    case TypeId::Date: return Value::date(get<int32_t>(data, at));
    case TypeId::Tid: return Value::tid(get<uint32_t>(data, at), get<uint16_t>(data, at + 4));
    default: return Value::timestamp(get<int64_t>(data, at), column.type);  // time, timestamp(tz)
  }
}

}  // namespace chalkdb
