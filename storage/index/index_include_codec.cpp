#include "storage/index/index_include_codec.h"

#include <cstring>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

SqlError corrupt_include() {
  return SqlError(sqlstate::kIndexCorrupted, "invalid INCLUDE column data in index item");
}

}  // namespace

IndexIncludeCodec::IndexIncludeCodec(std::vector<DataType> types) : codec_(std::move(types)) {}

void IndexIncludeCodec::encode(std::span<const Value> values, std::string& out) const {
  size_t n = column_count();
  if (n == 0) return;
  if (values.size() != n) throw SqlError(sqlstate::kInternalError, "wrong number of INCLUDE values");
  size_t bitmap_size = TupleCodec::null_bitmap_size(n);
  std::vector<uint8_t> bitmap(bitmap_size, 0);
  // The data area is laid out from a MAXALIGNed start (vector storage is), then copied.
  std::vector<std::byte> data(codec_.data_size(values));
  codec_.encode(values, data, bitmap);
  if (!TupleCodec::has_nulls(values)) std::fill(bitmap.begin(), bitmap.end(), uint8_t{0xFF});
  out.append(reinterpret_cast<const char*>(bitmap.data()), bitmap.size());
  out.append(reinterpret_cast<const char*>(data.data()), data.size());
}

std::vector<Value> IndexIncludeCodec::decode(std::string_view bytes) const {
  size_t n = column_count();
  std::vector<Value> values;
  if (n == 0) return values;
  size_t bitmap_size = TupleCodec::null_bitmap_size(n);
  if (bytes.size() < bitmap_size) throw corrupt_include();
  std::vector<uint8_t> bitmap(bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(bitmap_size));
  std::vector<std::byte> data(bytes.size() - bitmap_size);
  if (!data.empty()) std::memcpy(data.data(), bytes.data() + bitmap_size, data.size());
  try {
    codec_.decode(data, bitmap, n, values);
  } catch (const SqlError&) {
    throw corrupt_include();
  }
  return values;
}

bool IndexIncludeCodec::has_null(std::string_view bytes) const {
  size_t n = column_count();
  if (bytes.size() < TupleCodec::null_bitmap_size(n)) return false;
  for (size_t i = 0; i < n; ++i) {
    if ((static_cast<uint8_t>(bytes[i / 8]) & (1u << (i % 8))) == 0) return true;
  }
  return false;
}

bool IndexIncludeCodec::has_variable_width(std::string_view bytes) const {
  if (column_count() == 0) return false;
  try {
    return codec_.has_variable_width(decode(bytes));
  } catch (const SqlError&) {
    return false;
  }
}

}  // namespace chalkdb
