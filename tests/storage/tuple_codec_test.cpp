#include "storage/tuple/tuple_codec.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"

namespace chalkdb {
namespace {

DataType type(TypeId id, int32_t typmod = -1) { return DataType{id, typmod}; }

struct Encoded {
  std::vector<std::byte> data;
  std::vector<uint8_t> bitmap;
};

Encoded encode(const TupleCodec& codec, const std::vector<Value>& row) {
  Encoded out;
  out.data.resize(codec.data_size(row));
  if (TupleCodec::has_nulls(row)) out.bitmap.resize(TupleCodec::null_bitmap_size(row.size()));
  codec.encode(row, out.data, out.bitmap);
  return out;
}

std::vector<Value> round_trip(const TupleCodec& codec, const std::vector<Value>& row) {
  Encoded encoded = encode(codec, row);
  std::vector<Value> decoded;
  codec.decode(encoded.data, encoded.bitmap, row.size(), decoded);
  return decoded;
}

void expect_identical(const std::vector<Value>& expected, const std::vector<Value>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_TRUE(expected[i].identical(actual[i])) << "column " << i;
  }
}

TEST(TupleCodecTest, EveryStorableTypeRoundTrips) {
  std::vector<DataType> types = {
      type(TypeId::Bool),      type(TypeId::Char),        type(TypeId::Name),
      type(TypeId::Int2),      type(TypeId::Int4),        type(TypeId::Int8),
      type(TypeId::Oid),       type(TypeId::Float4),      type(TypeId::Float8),
      type(TypeId::Text),      type(TypeId::Varchar, 24), type(TypeId::Bpchar, 9),
      type(TypeId::Bytea),     type(TypeId::Numeric),     type(TypeId::Date),
      type(TypeId::Time),      type(TypeId::Timestamp),   type(TypeId::TimestampTz),
      type(TypeId::Interval),  type(TypeId::Tid)};
  std::vector<Value> row = {
      Value::boolean(true),
      Value::text("x", TypeId::Char),
      Value::text("pg_class", TypeId::Name),
      Value::int2(-32768),
      Value::int4(2147483647),
      Value::int8(std::numeric_limits<int64_t>::min()),
      Value::oid(4294967295u),
      Value::float4(1.5f),
      Value::float8(-0.0),
      Value::text("héllo wörld"),
      Value::text("varchar", TypeId::Varchar),
      Value::text("padded   ", TypeId::Bpchar),
      Value::text(std::string("\0\x01\xff", 3), TypeId::Bytea),
      Value::numeric(Numeric::parse("-12345678901234567890.0100")),
      Value::date(-730120),
      Value::timestamp(86399999999, TypeId::Time),
      Value::timestamp(-1234567890123456),
      Value::timestamp(725846400000000, TypeId::TimestampTz),
      Value::text("1 year 2 mons", TypeId::Interval),
      Value::tid(123456, 7)};
  TupleCodec codec(types);
  expect_identical(row, round_trip(codec, row));
}

TEST(TupleCodecTest, NullsTakeNoSpaceAndRoundTrip) {
  TupleCodec codec({type(TypeId::Int8), type(TypeId::Text), type(TypeId::Int4)});
  std::vector<Value> row = {Value::null(TypeId::Int8), Value::text("a"), Value::null(TypeId::Int4)};
  Encoded encoded = encode(codec, row);
  EXPECT_EQ(encoded.data.size(), 2u);  // only the 1-byte header and "a"
  ASSERT_EQ(encoded.bitmap.size(), 1u);
  EXPECT_EQ(encoded.bitmap[0], 0b010);  // bit set = present, as PostgreSQL's t_bits
  std::vector<Value> decoded = round_trip(codec, row);
  expect_identical(row, decoded);
  EXPECT_TRUE(decoded[0].is_null());
  EXPECT_EQ(decoded[0].type(), TypeId::Int8);
}

TEST(TupleCodecTest, AllNullRow) {
  TupleCodec codec({type(TypeId::Numeric), type(TypeId::Bool)});
  std::vector<Value> row = {Value::null(TypeId::Numeric), Value::null(TypeId::Bool)};
  EXPECT_EQ(codec.data_size(row), 0u);
  expect_identical(row, round_trip(codec, row));
}

TEST(TupleCodecTest, LayoutFollowsTypalignAndVarlenaHeaders) {
  TupleCodec codec({type(TypeId::Int2), type(TypeId::Int8), type(TypeId::Text),
                    type(TypeId::Bool), type(TypeId::Int4), type(TypeId::Text)});
  std::vector<Value> row = {Value::int2(7), Value::int8(0x0102030405060708),
                            Value::text("abc"), Value::boolean(true),
                            Value::null(TypeId::Int4), Value::text(std::string(200, 'z'))};
  Encoded encoded = encode(codec, row);
  // int2 at 0; int8 aligned to 8; short varlena "abc" at 16 (header (4 << 1) | 1);
  // bool at 20; NULL int4 absent; long varlena aligned to 24 with header 204 << 2.
  ASSERT_EQ(encoded.data.size(), 228u);
  int64_t int8_value;
  std::memcpy(&int8_value, encoded.data.data() + 8, 8);
  EXPECT_EQ(int8_value, 0x0102030405060708);
  EXPECT_EQ(static_cast<uint8_t>(encoded.data[16]), 9);
  EXPECT_EQ(static_cast<char>(encoded.data[17]), 'a');
  EXPECT_EQ(static_cast<uint8_t>(encoded.data[20]), 1);
  EXPECT_EQ(static_cast<uint8_t>(encoded.data[21]), 0);  // padding is zero
  uint32_t long_header;
  std::memcpy(&long_header, encoded.data.data() + 24, 4);
  EXPECT_EQ(long_header, 204u << 2);
  expect_identical(row, round_trip(codec, row));
}

TEST(TupleCodecTest, VarlenaHeaderSwitchesAt127Bytes) {
  TupleCodec codec({type(TypeId::Bool), type(TypeId::Text)});
  std::vector<Value> short_row = {Value::boolean(false), Value::text(std::string(126, 's'))};
  std::vector<Value> long_row = {Value::boolean(false), Value::text(std::string(127, 'l'))};
  EXPECT_EQ(codec.data_size(short_row), 1u + 127u);       // 1-byte header, unaligned
  EXPECT_EQ(codec.data_size(long_row), 4u + 4u + 127u);   // aligned to 4, 4-byte header
  expect_identical(short_row, round_trip(codec, short_row));
  expect_identical(long_row, round_trip(codec, long_row));
}

TEST(TupleCodecTest, EmptyStringsAndCharacters) {
  TupleCodec codec({type(TypeId::Text), type(TypeId::Char), type(TypeId::Bytea)});
  std::vector<Value> row = {Value::text(""), Value::text("", TypeId::Char),
                            Value::text("", TypeId::Bytea)};
  expect_identical(row, round_trip(codec, row));
}

TEST(TupleCodecTest, NameIsFixed64BytesAndClippedAtACharacterBoundary) {
  TupleCodec codec({type(TypeId::Name), type(TypeId::Int4)});
  std::vector<Value> row = {Value::text("t", TypeId::Name), Value::int4(1)};
  EXPECT_EQ(codec.data_size(row), 68u);  // 64-byte name, int4 aligned at 64
  std::string long_name = std::string(62, 'a') + "é";  // é straddles byte 63
  std::vector<Value> decoded =
      round_trip(codec, {Value::text(long_name, TypeId::Name), Value::int4(1)});
  EXPECT_EQ(decoded[0].as_text(), std::string(62, 'a'));
}

TEST(TupleCodecTest, TuplesWithFewerColumnsReadTrailingColumnsAsNull) {
  TupleCodec old_codec({type(TypeId::Int4)});
  Encoded encoded = encode(old_codec, {Value::int4(42)});
  TupleCodec new_codec({type(TypeId::Int4), type(TypeId::Text)});
  std::vector<Value> decoded;
  new_codec.decode(encoded.data, {}, 1, decoded);
  ASSERT_EQ(decoded.size(), 2u);
  EXPECT_EQ(decoded[0].as_int(), 42);
  EXPECT_TRUE(decoded[1].is_null());
  EXPECT_EQ(decoded[1].type(), TypeId::Text);
}

TEST(TupleCodecTest, DecodeReusesTheOutputVector) {
  TupleCodec codec({type(TypeId::Int4), type(TypeId::Text)});
  std::vector<Value> out = {Value::int8(1), Value::int8(2), Value::int8(3)};
  Encoded encoded = encode(codec, {Value::int4(5), Value::text("five")});
  codec.decode(encoded.data, {}, 2, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].as_text(), "five");
}

TEST(TupleCodecTest, TruncatedDataIsAnErrorNotACrash) {
  TupleCodec codec({type(TypeId::Int8), type(TypeId::Text)});
  Encoded encoded = encode(codec, {Value::int8(1), Value::text(std::string(300, 'q'))});
  std::span<const std::byte> truncated(encoded.data.data(), 100);
  std::vector<Value> out;
  try {
    codec.decode(truncated, {}, 2, out);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kDataCorrupted);
  }
}

TEST(TupleCodecTest, PseudoTypesCannotBeStored) {
  try {
    TupleCodec codec({type(TypeId::Unknown)});
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kFeatureNotSupported);
  }
}

TEST(TupleCodecTest, ValueOfTheWrongKindIsAnError) {
  TupleCodec codec({type(TypeId::Int4)});
  std::vector<Value> row = {Value::text("not a number")};
  std::vector<std::byte> data(8);
  EXPECT_THROW(codec.encode(row, data, {}), SqlError);
}

}  // namespace
}  // namespace chalkdb
