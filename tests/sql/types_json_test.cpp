// json and jsonb: input validation with PostgreSQL's errors, jsonb normalisation and order,
// the operators and building functions, and the casts.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"
#include "sql/types/functions.h"
#include "sql/types/json_functions.h"
#include "sql/types/json_value.h"
#include "sql/types/numeric.h"
#include "sql/types/operators.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using T = TypeId;

Value jsonb(std::string_view text) { return parse_value(text, DataType{T::Jsonb}); }
Value json(std::string_view text) { return parse_value(text, DataType{T::Json}); }

SqlError json_error(std::string_view text) {
  try {
    parse_value(text, DataType{T::Json});
  } catch (const SqlError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted " << text;
  return SqlError(sqlstate::kInternalError, "none");
}

TEST(JsonInput, JsonKeepsTextJsonbNormalises) {
  EXPECT_EQ(format_value(json(R"({"b":1,  "a":[1,2]})")), R"({"b":1,  "a":[1,2]})");
  EXPECT_EQ(format_value(jsonb(R"({"b":1,"a":2, "b":3})")), R"({"a": 2, "b": 3})");
  EXPECT_EQ(format_value(jsonb(R"({"bb":1, "a":2, "c":{"z":1,"y":[]}})")),
            R"({"a": 2, "c": {"y": [], "z": 1}, "bb": 1})");
  EXPECT_EQ(format_value(jsonb("[1.50, 1e2, -0, 1E-2, true, null]")), "[1.50, 100, 0, 0.01, true, null]");
  EXPECT_EQ(format_value(jsonb(R"("\u00e9\n")")), "\"\xc3\xa9\\n\"");
}

TEST(JsonInput, ErrorsNameTheToken) {
  SqlError e = json_error("abc");
  EXPECT_EQ(e.state, sqlstate::kInvalidTextRepresentation);
  EXPECT_EQ(e.message, "invalid input syntax for type json");
  EXPECT_EQ(e.detail, "Token \"abc\" is invalid.");
  EXPECT_EQ(e.context, "JSON data, line 1: abc");
  e = json_error(R"({"a" 1})");
  EXPECT_EQ(e.detail, "Expected \":\", but found \"1\".");
  EXPECT_EQ(e.context, "JSON data, line 1: {\"a\" 1...");
  EXPECT_EQ(json_error("[1,]").detail, "Expected JSON value, but found \"]\".");
  EXPECT_EQ(json_error("{1:2}").detail, "Expected string or \"}\", but found \"1\".");
  EXPECT_EQ(json_error("1 2").detail, "Expected end of input, but found \"2\".");
  EXPECT_EQ(json_error("").detail, "The input string ended unexpectedly.");
  EXPECT_EQ(json_error("01").detail, "Token \"01\" is invalid.");
  e = json_error("{\"a\":\n 1,\n x}");
  EXPECT_EQ(e.context, "JSON data, line 3:  x...");
}

TEST(JsonOperators, FieldsPathsAndContainment) {
  auto arrow = resolve_binary_operator("->", DataType{T::Jsonb}, DataType{T::Unknown});
  EXPECT_EQ(arrow.result.id, T::Jsonb);
  EXPECT_EQ(format_value(arrow.fn(jsonb(R"({"a":{"b":[10,20]}})"), Value::text("a"))), R"({"b": [10, 20]})");
  auto text_arrow = resolve_binary_operator("->>", DataType{T::Jsonb}, DataType{T::Int4});
  EXPECT_EQ(format_value(text_arrow.fn(jsonb("[1,\"x\"]"), Value::int4(-1))), "x");
  EXPECT_TRUE(text_arrow.fn(jsonb("[1]"), Value::int4(5)).is_null());
  auto json_arrow = resolve_binary_operator("->", DataType{T::Json}, DataType{T::Text});
  EXPECT_EQ(format_value(json_arrow.fn(json(R"({"a": [1,  2]})"), Value::text("a"))), "[1,  2]");
  auto path = resolve_binary_operator("#>>", DataType{T::Jsonb}, DataType{T::Unknown});
  EXPECT_EQ(format_value(path.fn(jsonb(R"({"a":{"b":[10,20]}})"), parse_value("{a,b,1}", DataType{T::TextArray}))), "20");
  auto contains = resolve_binary_operator("@>", DataType{T::Jsonb}, DataType{T::Jsonb});
  EXPECT_TRUE(contains.fn(jsonb(R"({"a":1,"b":[1,2]})"), jsonb(R"({"b":[2]})")).as_bool());
  EXPECT_FALSE(contains.fn(jsonb(R"({"a":1})"), jsonb(R"({"a":2})")).as_bool());
  auto exists = resolve_binary_operator("?", DataType{T::Jsonb}, DataType{T::Unknown});
  EXPECT_TRUE(exists.fn(jsonb(R"(["a","b"])"), Value::text("b")).as_bool());
}

TEST(JsonOrder, KindsThenValues) {
  EXPECT_EQ(compare_values(jsonb(R"({"a":1})"), jsonb(R"({"a":1.0})")), 0);
  EXPECT_GT(compare_values(jsonb("1"), jsonb("\"a\"")), 0);
  EXPECT_LT(compare_values(jsonb("[1]"), jsonb("{}")), 0);
}

TEST(JsonFunctions, BuildAndConvert) {
  ResolvedFunction f = resolve_function("jsonb_build_object", {DataType{T::Unknown}, DataType{T::Int4}});
  std::vector<Value> args = {Value::text("b"), Value::int4(1)};
  EXPECT_EQ(format_value(f.fn(args)), R"({"b": 1})");
  f = resolve_function("json_build_object", {DataType{T::Text}, DataType{T::Int4Array}});
  args = {Value::text("a"), parse_value("{1,2}", DataType{T::Int4Array})};
  EXPECT_EQ(format_value(f.fn(args)), R"({"a" : [1,2]})");
  EXPECT_EQ(format_value(jsonb_value(json_node_of(Value::numeric(Numeric::parse("1.50"))))), "1.50");
  EXPECT_EQ(format_value(cast_value(jsonb("1.5"), DataType{T::Numeric}, CastContext::Explicit)), "1.5");
  EXPECT_THROW(cast_value(jsonb("\"x\""), DataType{T::Int4}, CastContext::Explicit), SqlError);
  EXPECT_TRUE(can_cast(T::Json, T::Jsonb, CastContext::Assignment));
  EXPECT_FALSE(can_cast(T::Json, T::Jsonb, CastContext::Implicit));
}

}  // namespace
}  // namespace chalkdb
