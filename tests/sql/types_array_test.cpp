// Arrays: array_in / array_out, decoding, comparison, casts, the array operators and
// functions, and the array type registry entries.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/types/array_functions.h"
#include "sql/types/array_type.h"
#include "sql/types/array_value.h"
#include "sql/types/cast.h"
#include "sql/types/comparison.h"
#include "sql/types/functions.h"
#include "sql/types/operators.h"
#include "sql/types/type_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using T = TypeId;

Value arr(std::string_view text, T type = T::Int4Array) { return parse_value(text, DataType{type}); }
std::string out(const Value& v) { return format_value(v); }

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

TEST(ArrayTypes, RegistryMatchesPgType) {
  EXPECT_EQ(array_type_of(T::Int4), T::Int4Array);
  EXPECT_EQ(static_cast<uint32_t>(T::Int4Array), 1007u);
  EXPECT_EQ(static_cast<uint32_t>(T::TextArray), 1009u);
  EXPECT_EQ(array_element_type(T::NumericArray), T::Numeric);
  EXPECT_FALSE(is_array_type(T::Int4));
  EXPECT_EQ(format_type(DataType{T::Int4Array}), "integer[]");
  EXPECT_EQ(format_type(DataType{T::VarcharArray, 14}), "character varying(10)[]");
  EXPECT_EQ(type_info(T::Int4Array).typname, "_int4");
  EXPECT_EQ(resolve_type_name("int4", {}, true), DataType{T::Int4Array});
  EXPECT_EQ(resolve_type_name("varchar", {5}, true), (DataType{T::VarcharArray, 9}));
}

TEST(ArrayIo, OutputQuotesLikeArrayOut) {
  EXPECT_EQ(out(arr("{1,2,3}")), "{1,2,3}");
  EXPECT_EQ(out(arr(" { 1 , 2 } ")), "{1,2}");
  EXPECT_EQ(out(arr("{}")), "{}");
  EXPECT_EQ(out(arr("{1,NULL,null}")), "{1,NULL,NULL}");
  EXPECT_EQ(out(arr(R"({"a,b",c d, " x ",\"q,NULL,"NULL",""})", T::TextArray)),
            R"({"a,b","c d"," x ","\"q",NULL,"NULL",""})");
  EXPECT_EQ(out(arr("[0:1]={7,8}")), "[0:1]={7,8}");
  EXPECT_EQ(out(arr("{1.50,2}", T::NumericArray)), "{1.50,2}");
  EXPECT_EQ(out(arr(R"({"2024-01-01 10:00"})", T::TimestampArray)), R"({"2024-01-01 10:00:00"})");
}

TEST(ArrayIo, ErrorsAsPostgres) {
  auto e = error_of([] { arr("{1,2"); });
  EXPECT_EQ(e.state, sqlstate::kInvalidTextRepresentation);
  EXPECT_EQ(e.message, "malformed array literal: \"{1,2\"");
  EXPECT_EQ(e.detail, "Unexpected end of input.");
  EXPECT_EQ(error_of([] { arr("1,2"); }).detail,
            "Array value must start with \"{\" or dimension information.");
  EXPECT_EQ(error_of([] { arr("{1,,2}"); }).detail, "Unexpected \",\" character.");
  EXPECT_EQ(error_of([] { arr("{1,2}x"); }).detail, "Junk after closing right brace.");
  EXPECT_EQ(error_of([] { arr("{a}"); }).message, "invalid input syntax for type integer: \"a\"");
  EXPECT_EQ(error_of([] { arr("{{1},{2}}"); }).state, sqlstate::kFeatureNotSupported);
  EXPECT_EQ(error_of([] { arr("[1:3]={1}"); }).detail,
            "Specified array dimensions do not match array contents.");
}

TEST(ArrayValues, CompareElementWise) {
  EXPECT_EQ(compare_values(arr("{1,2}"), arr("{1,2}")), 0);
  EXPECT_LT(compare_values(arr("{1,2}"), arr("{1,3}")), 0);
  EXPECT_LT(compare_values(arr("{1,2}"), arr("{1,2,0}")), 0);
  EXPECT_GT(compare_values(arr("{1,NULL}"), arr("{1,5}")), 0);
  EXPECT_EQ(compare_values(arr("{1.0}", T::NumericArray), arr("{1}", T::NumericArray)), 0);
  EXPECT_EQ(hash_value(arr("{1.0}", T::NumericArray)), hash_value(arr("{1.00}", T::NumericArray)));
}

TEST(ArrayValues, CastElementWise) {
  EXPECT_TRUE(can_cast(T::Int4Array, T::Int8Array, CastContext::Implicit));
  EXPECT_FALSE(can_cast(T::Int8Array, T::Int4Array, CastContext::Implicit));
  EXPECT_TRUE(can_cast(T::Int4Array, T::TextArray, CastContext::Assignment));
  EXPECT_FALSE(can_cast(T::Int4Array, T::DateArray, CastContext::Explicit));
  Value ints = cast_value(arr("{1.6,2.4}", T::NumericArray), DataType{T::Int4Array}, CastContext::Explicit);
  EXPECT_EQ(out(ints), "{2,2}");
  Value shortened = cast_value(arr("{abc,de}", T::TextArray), DataType{T::VarcharArray, 6}, CastContext::Explicit);
  EXPECT_EQ(out(shortened), "{ab,de}");
  EXPECT_EQ(out(cast_value(arr("{1,2}"), DataType{T::Text}, CastContext::Explicit)), "{1,2}");
}

TEST(ArrayOperators, ConcatContainAndCompare) {
  auto op = resolve_binary_operator("||", DataType{T::Int4Array}, DataType{T::Int4});
  EXPECT_EQ(op.result.id, T::Int4Array);
  EXPECT_EQ(out(op.fn(arr("{1,2}"), Value::int4(3))), "{1,2,3}");
  op = resolve_binary_operator("||", DataType{T::Int4}, DataType{T::Int4Array});
  EXPECT_EQ(out(op.fn(Value::int4(0), arr("{1}"))), "{0,1}");
  op = resolve_binary_operator("||", DataType{T::Int4Array}, DataType{T::Unknown});
  EXPECT_EQ(op.right.id, T::Int4Array);
  op = resolve_binary_operator("@>", DataType{T::Int4Array}, DataType{T::Int4Array});
  EXPECT_TRUE(op.fn(arr("{1,2,3}"), arr("{3,1}")).as_bool());
  EXPECT_FALSE(op.fn(arr("{1,2,3}"), arr("{4}")).as_bool());
  op = resolve_binary_operator("=", DataType{T::TextArray}, DataType{T::TextArray});
  EXPECT_TRUE(op.fn(arr("{a,NULL}", T::TextArray), arr("{a,NULL}", T::TextArray)).as_bool());
  EXPECT_THROW(resolve_binary_operator("||", DataType{T::Int4Array}, DataType{T::TextArray}), SqlError);
}

TEST(ArrayFunctions, LengthsPositionsAndText) {
  auto call = [](std::string_view name, std::vector<Value> args) {
    std::vector<DataType> types;
    for (const Value& v : args) types.push_back(DataType{v.type()});
    ResolvedFunction f = resolve_function(name, types);
    for (size_t i = 0; i < args.size(); ++i) args[i] = cast_value(args[i], f.args[i], CastContext::Implicit);
    return f.fn(args);
  };
  EXPECT_EQ(call("array_length", {arr("{1,2,3}"), Value::int4(1)}).as_int(), 3);
  EXPECT_TRUE(call("array_length", {arr("{}"), Value::int4(1)}).is_null());
  EXPECT_EQ(call("cardinality", {arr("{1,2}")}).as_int(), 2);
  EXPECT_EQ(call("array_position", {arr("{a,b}", T::TextArray), Value::text("b")}).as_int(), 2);
  EXPECT_EQ(out(call("array_to_string", {arr("{1,NULL,3}"), Value::text(","), Value::text("*")})), "1,*,3");
  EXPECT_EQ(out(call("string_to_array", {Value::text("a,b,,c"), Value::text(","), Value::text("")})),
            "{a,b,NULL,c}");
  EXPECT_EQ(out(call("array_remove", {arr("{1,2,1}"), Value::int4(1)})), "{2}");
  EXPECT_EQ(out(array_slice(arr("{10,20,30}"), Value::int4(2), Value::int4(9))), "{20,30}");
  EXPECT_TRUE(array_subscript(arr("{10,20,30}"), Value::int4(4)).is_null());
  EXPECT_EQ(array_subscript(arr("[0:1]={7,8}"), Value::int4(0)).as_int(), 7);
}

}  // namespace
}  // namespace chalkdb
