// Type names, pg_type facts and typmods, checked against PostgreSQL 15's pg_type and
// format_type().
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/types/type_registry.h"

namespace chalkdb {
namespace {

template <typename F>
SqlError error_of(F&& f) {
  try {
    f();
  } catch (const SqlError& e) {
    return e;
  }
  ADD_FAILURE() << "no error raised";
  return SqlError(sqlstate::kInternalError, "none");
}

TEST(TypeInfo, MatchesPgType) {
  const TypeInfo& int4 = type_info(TypeId::Int4);
  EXPECT_EQ(int4.typname, "int4");
  EXPECT_EQ(int4.typlen, 4);
  EXPECT_EQ(int4.typalign, 'i');
  EXPECT_EQ(int4.category, 'N');
  EXPECT_FALSE(int4.preferred);
  EXPECT_TRUE(type_info(TypeId::Float8).preferred);
  EXPECT_TRUE(type_info(TypeId::Oid).preferred);
  EXPECT_TRUE(type_info(TypeId::Text).preferred);
  EXPECT_TRUE(type_info(TypeId::TimestampTz).preferred);
  EXPECT_EQ(type_info(TypeId::Name).typlen, 64);
  EXPECT_EQ(type_info(TypeId::Numeric).typlen, -1);
  EXPECT_EQ(type_info(TypeId::Unknown).typlen, -2);
  EXPECT_EQ(type_info(TypeId::Char).category, 'Z');
  EXPECT_EQ(type_info(TypeId::Bytea).category, 'U');
  EXPECT_EQ(type_info(TypeId::Int8).typalign, 'd');
}

TEST(FormatType, NamesAsPostgres) {
  EXPECT_EQ(format_type(DataType{TypeId::Int4}), "integer");
  EXPECT_EQ(format_type(DataType{TypeId::Varchar, 24}), "character varying(20)");
  EXPECT_EQ(format_type(DataType{TypeId::Varchar}), "character varying");
  EXPECT_EQ(format_type(DataType{TypeId::Bpchar, 9}), "character(5)");
  EXPECT_EQ(format_type(DataType{TypeId::Bpchar}), "character");
  EXPECT_EQ(format_type_with_typmod(DataType{TypeId::Bpchar}), "bpchar");
  EXPECT_EQ(format_type(DataType{TypeId::Numeric, make_numeric_typmod(10, 2)}), "numeric(10,2)");
  EXPECT_EQ(format_type(DataType{TypeId::Numeric, make_numeric_typmod(5, -2)}), "numeric(5,-2)");
  EXPECT_EQ(format_type(DataType{TypeId::Timestamp}), "timestamp without time zone");
  EXPECT_EQ(format_type(DataType{TypeId::Timestamp, 3}), "timestamp(3) without time zone");
  EXPECT_EQ(format_type(DataType{TypeId::TimestampTz, 0}), "timestamp(0) with time zone");
  EXPECT_EQ(format_type(DataType{TypeId::Time, 2}), "time(2) without time zone");
  EXPECT_EQ(format_type(DataType{TypeId::Char}), "\"char\"");
  EXPECT_EQ(format_type(DataType{TypeId::Float8}), "double precision");
}

TEST(ResolveTypeName, EncodesTypmods) {
  EXPECT_EQ(resolve_type_name("int4", {}), (DataType{TypeId::Int4, -1}));
  EXPECT_EQ(resolve_type_name("integer", {}), (DataType{TypeId::Int4, -1}));
  EXPECT_EQ(resolve_type_name("pg_catalog.int8", {}), (DataType{TypeId::Int8, -1}));
  EXPECT_EQ(resolve_type_name("varchar", {20}), (DataType{TypeId::Varchar, 24}));
  EXPECT_EQ(resolve_type_name("bpchar", {5}), (DataType{TypeId::Bpchar, 9}));
  EXPECT_EQ(resolve_type_name("character", {}), (DataType{TypeId::Bpchar, 5}));
  EXPECT_EQ(resolve_type_name("numeric", {10, 2}), (DataType{TypeId::Numeric, ((10 << 16) | 2) + 4}));
  EXPECT_EQ(resolve_type_name("numeric", {10}), (DataType{TypeId::Numeric, (10 << 16) + 4}));
  EXPECT_EQ(resolve_type_name("decimal", {}), (DataType{TypeId::Numeric, -1}));
  EXPECT_EQ(resolve_type_name("timestamp", {7}), (DataType{TypeId::Timestamp, 6}));
  EXPECT_EQ(resolve_type_name("timestamptz", {3}), (DataType{TypeId::TimestampTz, 3}));
  EXPECT_EQ(resolve_type_name("float", {24}), (DataType{TypeId::Float4, -1}));
  EXPECT_EQ(resolve_type_name("float", {25}), (DataType{TypeId::Float8, -1}));
  EXPECT_EQ(resolve_type_name("char", {}), (DataType{TypeId::Char, -1}));
  EXPECT_EQ(numeric_typmod_precision(make_numeric_typmod(5, -2)), 5);
  EXPECT_EQ(numeric_typmod_scale(make_numeric_typmod(5, -2)), -2);
  EXPECT_EQ(character_length_limit(DataType{TypeId::Varchar, 24}), 20);
  EXPECT_EQ(character_length_limit(DataType{TypeId::Text}), -1);
}

TEST(ResolveTypeName, ErrorsAsPostgres) {
  struct Case {
    const char* name;
    std::vector<int> modifiers;
    const char* state;
    const char* message;
  };
  for (const Case& c : {
           Case{"foo", {}, "42704", "type \"foo\" does not exist"},
           Case{"numeric", {0}, "22023", "NUMERIC precision 0 must be between 1 and 1000"},
           Case{"numeric", {1001}, "22023", "NUMERIC precision 1001 must be between 1 and 1000"},
           Case{"numeric", {5, 1001}, "22023", "NUMERIC scale 1001 must be between -1000 and 1000"},
           Case{"numeric", {5, -1001}, "22023", "NUMERIC scale -1001 must be between -1000 and 1000"},
           Case{"numeric", {1, 2, 3}, "22023", "invalid NUMERIC type modifier"},
           Case{"varchar", {0}, "22023", "length for type varchar must be at least 1"},
           Case{"varchar", {10485761}, "22023", "length for type varchar cannot exceed 10485760"},
           Case{"bpchar", {0}, "22023", "length for type char must be at least 1"},
           Case{"int4", {5}, "42601", "type modifier is not allowed for type \"int4\""},
           Case{"text", {3}, "42601", "type modifier is not allowed for type \"text\""},
           Case{"float", {54}, "22023", "precision for type float must be less than 54 bits"},
           Case{"float", {0}, "22023", "precision for type float must be at least 1 bit"},
           Case{"timestamp", {-1}, "22023", "TIMESTAMP(-1) precision must not be negative"},
           Case{"timestamptz", {-1}, "22023", "TIMESTAMP(-1) WITH TIME ZONE precision must not be negative"},
       }) {
    SqlError e = error_of([&] { resolve_type_name(c.name, c.modifiers); });
    EXPECT_EQ(e.state.code, c.state) << c.name;
    EXPECT_EQ(e.message, c.message);
  }
}

}  // namespace
}  // namespace chalkdb
