#include "storage/index/index_key_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "sql/error/sql_error.h"
#include "sql/types/comparison.h"
#include "sql/types/interval.h"
#include "sql/types/numeric.h"
#include "storage/index/btree_page.h"

namespace chalkdb {
namespace {

int sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int memcmp_order(const IndexKey& a, const IndexKey& b) { return sign(a.compare(b)); }

// PostgreSQL's index order for one column: NULL placement, then the type's order, reversed for
// DESC.
int column_order(const IndexKeyColumn& column, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() && b.is_null()) return 0;
    bool a_first = a.is_null() == column.nulls_first;
    return a_first ? -1 : 1;
  }
  int c = sign(compare_values(a, b));
  return column.descending ? -c : c;
}

int row_order(const std::vector<IndexKeyColumn>& columns, const std::vector<Value>& a,
              const std::vector<Value>& b) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (int c = column_order(columns[i], a[i], b[i]); c != 0) return c;
  }
  return 0;
}

// Random values of one type, drawn from small domains so equal values and shared prefixes are
// frequent, plus the edge cases of each type.
class ValueGenerator {
 public:
  explicit ValueGenerator(uint32_t seed) : rng_(seed) {}

  Value make(TypeId type) {
    if (pick(12) == 0) return Value::null(type);
    switch (type) {
      case TypeId::Bool: return Value::boolean(pick(2) == 1);
      case TypeId::Int2: return Value::int2(static_cast<int16_t>(edge_int(32767)));
      case TypeId::Int4: return Value::int4(static_cast<int32_t>(edge_int(2147483647)));
      case TypeId::Int8: return Value::int8(edge_int(std::numeric_limits<int64_t>::max()));
      case TypeId::Oid: return Value::oid(static_cast<uint32_t>(pick(3) == 0 ? 4294967295u - pick(3) : pick(100)));
      case TypeId::Float4: return Value::float4(static_cast<float>(edge_float()));
      case TypeId::Float8: return Value::float8(edge_float());
      case TypeId::Numeric: return Value::numeric(edge_numeric());
      case TypeId::Date: return Value::date(static_cast<int32_t>(edge_int(2147483647)));
      case TypeId::Time: return Value::timestamp(static_cast<int64_t>(pick(86'400'000'001ULL)), TypeId::Time);
      case TypeId::Timestamp:
      case TypeId::TimestampTz: return Value::timestamp(edge_int(std::numeric_limits<int64_t>::max()), type);
      case TypeId::Interval: {
        Interval i;
        i.months = static_cast<int32_t>(static_cast<int64_t>(pick(7)) - 3);
        i.days = static_cast<int32_t>((static_cast<int64_t>(pick(7)) - 3) * 30 * (pick(2) ? 1 : 0) +
                                      static_cast<int64_t>(pick(3)) - 1);
        i.micros = (static_cast<int64_t>(pick(5)) - 2) * 86'400'000'000LL + static_cast<int64_t>(pick(3));
        if (pick(10) == 0) i.months = pick(2) ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min();
        return interval_value(i);
      }
      case TypeId::Bpchar: {
        std::string s = text(false);
        s.append(pick(3), ' ');
        return Value::text(std::move(s), TypeId::Bpchar);
      }
      case TypeId::Bytea: return Value::text(text(true), TypeId::Bytea);
      case TypeId::Char: return Value::text(std::string(1, static_cast<char>(pick(256))), TypeId::Char);
      default: return Value::text(text(false), type);
    }
  }

 private:
  uint64_t pick(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }

  int64_t edge_int(int64_t max) {
    switch (pick(5)) {
      case 0: return max - static_cast<int64_t>(pick(2));
      case 1: return -max - static_cast<int64_t>(pick(2));
      case 2: return static_cast<int64_t>(pick(2001)) - 1000;
      default: return static_cast<int64_t>(pick(11)) - 5;
    }
  }

  double edge_float() {
    static const double specials[] = {0.0, -0.0, std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity(), std::nan(""),
                                      -std::nan(""), std::numeric_limits<double>::denorm_min(),
                                      -std::numeric_limits<double>::denorm_min(), 1e308, -1e308};
    if (pick(3) == 0) return specials[pick(std::size(specials))];
    return (static_cast<double>(pick(2001)) - 1000.0) / static_cast<double>(1 + pick(8));
  }

  Numeric edge_numeric() {
    switch (pick(8)) {
      case 0: return Numeric::nan();
      case 1: return Numeric::infinity(pick(2) == 1);
      case 2: return Numeric();
      default: break;
    }
    std::string text = pick(2) ? "-" : "";
    size_t int_digits = pick(6);
    for (size_t i = 0; i < int_digits; ++i) text.push_back(static_cast<char>('0' + pick(10)));
    if (int_digits == 0) text.push_back('0');
    if (pick(2)) {
      text.push_back('.');
      size_t frac = 1 + pick(6);
      for (size_t i = 0; i < frac; ++i) text.push_back(static_cast<char>('0' + (pick(3) == 0 ? 0 : pick(10))));
    }
    if (pick(6) == 0) text += "e" + std::to_string(static_cast<int>(pick(80)) - 40);
    return Numeric::parse(text);
  }

  std::string text(bool with_zero_bytes) {
    static const char alphabet[] = {'a', 'b', 'z', ' ', '\x7f', '\x01'};
    std::string s;
    size_t n = pick(5);
    for (size_t i = 0; i < n; ++i) {
      if (with_zero_bytes && pick(4) == 0) {
        s.push_back(pick(2) ? '\0' : '\xff');
      } else {
        s.push_back(alphabet[pick(std::size(alphabet))]);
      }
    }
    if (pick(8) == 0) s += "\xc3\xa9";  // UTF-8 é: bytes above 0x7f sort last in C collation
    return s;
  }

  std::mt19937_64 rng_;
};

const TypeId kAllTypes[] = {TypeId::Bool,    TypeId::Int2,      TypeId::Int4,        TypeId::Int8,
                            TypeId::Oid,     TypeId::Float4,    TypeId::Float8,      TypeId::Numeric,
                            TypeId::Text,    TypeId::Varchar,   TypeId::Bpchar,      TypeId::Name,
                            TypeId::Char,    TypeId::Bytea,     TypeId::Date,        TypeId::Time,
                            TypeId::Timestamp, TypeId::TimestampTz, TypeId::Interval};

class IndexKeyCodecOrder : public ::testing::TestWithParam<TypeId> {};

TEST_P(IndexKeyCodecOrder, MemcmpOrderMatchesCompareValues) {
  TypeId type = GetParam();
  ValueGenerator gen(static_cast<uint32_t>(type) * 7919u);
  for (bool descending : {false, true}) {
    for (bool nulls_first : {false, true}) {
      IndexKeyColumn column{DataType{type, -1}, descending, nulls_first};
      IndexKeyCodec codec({column});
      std::vector<Value> values;
      std::vector<IndexKey> keys;
      for (int i = 0; i < 300; ++i) {
        values.push_back(gen.make(type));
        keys.push_back(codec.encode(std::span(&values.back(), 1)));
      }
      for (size_t i = 0; i < values.size(); ++i) {
        for (size_t j = 0; j < values.size(); ++j) {
          ASSERT_EQ(memcmp_order(keys[i], keys[j]), column_order(column, values[i], values[j]))
              << "type " << static_cast<int>(type) << " desc " << descending << " nulls_first "
              << nulls_first << " pair " << i << "," << j;
        }
      }
    }
  }
}

TEST_P(IndexKeyCodecOrder, DecodeGivesEqualValues) {
  TypeId type = GetParam();
  ValueGenerator gen(static_cast<uint32_t>(type) * 104729u);
  for (bool descending : {false, true}) {
    IndexKeyCodec codec({IndexKeyColumn::ordered(DataType{type, -1}, descending)});
    for (int i = 0; i < 500; ++i) {
      Value v = gen.make(type);
      std::vector<Value> decoded = codec.decode(codec.encode(std::span(&v, 1)));
      ASSERT_EQ(decoded.size(), 1u);
      ASSERT_EQ(decoded[0].type(), type);
      if (v.is_null()) {
        EXPECT_TRUE(decoded[0].is_null());
        continue;
      }
      ASSERT_FALSE(decoded[0].is_null());
      EXPECT_EQ(compare_values(decoded[0], v), 0) << "type " << static_cast<int>(type);
      if (IndexKeyCodec::decodes_exactly(DataType{type, -1})) {
        EXPECT_TRUE(decoded[0].identical(v));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllTypes, IndexKeyCodecOrder, ::testing::ValuesIn(kAllTypes));

TEST(IndexKeyCodec, CompositeKeysCompareColumnByColumn) {
  ValueGenerator gen(42);
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    std::vector<IndexKeyColumn> columns;
    size_t n = 1 + rng() % 3;
    for (size_t c = 0; c < n; ++c) {
      columns.push_back({DataType{kAllTypes[rng() % std::size(kAllTypes)], -1}, rng() % 2 == 0,
                         rng() % 2 == 0});
    }
    IndexKeyCodec codec(columns);
    std::vector<std::vector<Value>> rows;
    std::vector<IndexKey> keys;
    for (int i = 0; i < 80; ++i) {
      std::vector<Value> row;
      for (const auto& column : columns) row.push_back(gen.make(column.type.id));
      keys.push_back(codec.encode(row));
      rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      std::vector<Value> decoded = codec.decode(keys[i]);
      ASSERT_EQ(row_order(columns, decoded, rows[i]), 0);
      for (size_t j = 0; j < rows.size(); ++j) {
        ASSERT_EQ(memcmp_order(keys[i], keys[j]), row_order(columns, rows[i], rows[j]));
        // The first column's encoded prefix bounds keys the way a range scan needs.
        IndexKey prefix = codec.encode(std::span(rows[j].data(), 1));
        int by_column = column_order(columns[0], rows[i][0], rows[j][0]);
        EXPECT_EQ(sign(compare_with_target(keys[i], {prefix, false})) >= 0, by_column >= 0);
        EXPECT_EQ(compare_with_target(keys[i], {prefix, true}) < 0, by_column <= 0);
        EXPECT_EQ(codec.prefix_length(keys[j], 1), prefix.size());
      }
    }
  }
}

TEST(IndexKeyCodec, PostgresOrderingRules) {
  IndexKeyCodec floats({IndexKeyColumn::ordered(DataType{TypeId::Float8, -1})});
  auto f = [&](double d) { Value v = Value::float8(d); return floats.encode(std::span(&v, 1)); };
  EXPECT_EQ(f(-0.0), f(0.0));
  EXPECT_EQ(f(std::nan("")), f(-std::nan("")));
  EXPECT_LT(f(std::numeric_limits<double>::infinity()), f(std::nan("")));

  IndexKeyCodec numerics({IndexKeyColumn::ordered(DataType{TypeId::Numeric, -1})});
  auto n = [&](const char* text) {
    Value v = Value::numeric(Numeric::parse(text));
    return numerics.encode(std::span(&v, 1));
  };
  EXPECT_EQ(n("1.0"), n("1.00"));
  EXPECT_EQ(n("100"), n("1e2"));
  EXPECT_LT(n("-Infinity"), n("-1e100"));
  EXPECT_LT(n("0.001"), n("0.01"));
  EXPECT_LT(n("-0.01"), n("-0.001"));
  EXPECT_LT(n("99999"), n("Infinity"));
  EXPECT_LT(n("Infinity"), n("NaN"));

  IndexKeyCodec chars({IndexKeyColumn::ordered(DataType{TypeId::Bpchar, 5})});
  Value padded = Value::text("ab   ", TypeId::Bpchar);
  Value text = Value::text("ab", TypeId::Text);
  EXPECT_EQ(chars.encode(std::span(&padded, 1)), chars.encode(std::span(&text, 1)));

  IndexKeyCodec intervals({IndexKeyColumn::ordered(DataType{TypeId::Interval, -1})});
  Value month = interval_value(parse_interval("1 mon"));
  Value days = interval_value(parse_interval("30 days"));
  EXPECT_EQ(intervals.encode(std::span(&month, 1)), intervals.encode(std::span(&days, 1)));

  // Integer columns accept any integer width, as int4 = int8 comparisons need.
  IndexKeyCodec ints({IndexKeyColumn::ordered(DataType{TypeId::Int4, -1})});
  Value small = Value::int4(7), wide = Value::int8(7), huge = Value::int8(5'000'000'000);
  EXPECT_EQ(ints.encode(std::span(&small, 1)), ints.encode(std::span(&wide, 1)));
  EXPECT_LT(ints.encode(std::span(&small, 1)), ints.encode(std::span(&huge, 1)));
}

TEST(IndexKeyCodec, NullsDefaultLikePostgres) {
  IndexKeyColumn asc = IndexKeyColumn::ordered(DataType{TypeId::Int4, -1});
  IndexKeyColumn desc = IndexKeyColumn::ordered(DataType{TypeId::Int4, -1}, true);
  EXPECT_FALSE(asc.nulls_first);
  EXPECT_TRUE(desc.nulls_first);
  EXPECT_TRUE(IndexKeyCodec::has_null(std::vector<Value>{Value::int4(1), Value::null(TypeId::Int4)}));
  EXPECT_FALSE(IndexKeyCodec::has_null(std::vector<Value>{Value::int4(1)}));
}

TEST(IndexKeyCodec, RejectsUnorderedTypesAndMismatches) {
  try {
    IndexKeyCodec codec({IndexKeyColumn::ordered(DataType{TypeId::Void, -1})});
    FAIL() << "void accepted";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kUndefinedObject);
    EXPECT_EQ(e.message, "data type void has no default operator class for access method \"btree\"");
  }
  IndexKeyCodec ints({IndexKeyColumn::ordered(DataType{TypeId::Int4, -1})});
  Value text = Value::text("x");
  EXPECT_THROW(ints.encode(std::span(&text, 1)), SqlError);
  EXPECT_THROW(ints.decode("\x01\x80"), SqlError);
}

}  // namespace
}  // namespace chalkdb
