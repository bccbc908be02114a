// Operator and function resolution: chosen signatures, result types and PostgreSQL's errors.
// (Results of many more expressions are checked in types_postgres_cases_test.cpp.)
#include <gtest/gtest.h>

#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/numeric.h"
#include "sql/types/operators.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using T = TypeId;

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

DataType D(T id) { return DataType{id}; }

TEST(OperatorResolution, PicksPostgresSignatures) {
  auto op = resolve_binary_operator("+", D(T::Int4), D(T::Int8));
  EXPECT_EQ(op.left, D(T::Int4));
  EXPECT_EQ(op.right, D(T::Int8));
  EXPECT_EQ(op.result, D(T::Int8));
  EXPECT_EQ(format_value(op.fn(Value::int4(2), Value::int8(3))), "5");

  op = resolve_binary_operator("/", D(T::Int4), D(T::Int4));
  EXPECT_EQ(format_value(op.fn(Value::int4(7), Value::int4(2))), "3");

  op = resolve_binary_operator("+", D(T::Int4), D(T::Numeric));  // int4 is cast to numeric
  EXPECT_EQ(op.left, D(T::Numeric));
  EXPECT_EQ(op.result, D(T::Numeric));

  op = resolve_binary_operator("=", D(T::Int4), D(T::Unknown));  // the literal becomes int4
  EXPECT_EQ(op.right, D(T::Int4));
  EXPECT_EQ(op.result, D(T::Bool));

  op = resolve_binary_operator("=", D(T::Unknown), D(T::Unknown));  // string category wins
  EXPECT_EQ(op.left, D(T::Text));

  op = resolve_binary_operator("+", D(T::Float4), D(T::Numeric));
  EXPECT_EQ(op.result, D(T::Float8));

  op = resolve_binary_operator("||", D(T::Int4), D(T::Unknown));  // anynonarray || text
  EXPECT_EQ(op.left, D(T::Int4));
  EXPECT_EQ(op.right, D(T::Text));
  EXPECT_EQ(format_value(op.fn(Value::int4(1), Value::text("a"))), "1a");

  op = resolve_binary_operator("=", D(T::Varchar), D(T::Bpchar));  // bpchar = bpchar
  EXPECT_EQ(op.left, D(T::Bpchar));
  op = resolve_binary_operator("=", D(T::Text), D(T::Bpchar));  // text = text
  EXPECT_EQ(op.right, D(T::Text));

  op = resolve_binary_operator("-", D(T::Date), D(T::Date));
  EXPECT_EQ(op.result, D(T::Int4));
  op = resolve_binary_operator("!=", D(T::Int4), D(T::Int4));
  EXPECT_EQ(format_value(op.fn(Value::int4(1), Value::int4(2))), "t");
}

TEST(OperatorResolution, NumericDivisionScales) {
  auto op = resolve_binary_operator("/", D(T::Numeric), D(T::Numeric));
  auto n = [](const char* text) { return Value::numeric(Numeric::parse(text)); };
  EXPECT_EQ(format_value(op.fn(n("1"), n("3"))), "0.33333333333333333333");
  EXPECT_EQ(format_value(op.fn(n("10"), n("4"))), "2.5000000000000000");
}

TEST(OperatorResolution, Errors) {
  SqlError e = error_of([] { resolve_binary_operator("+", D(T::Int4), D(T::Text)); });
  EXPECT_EQ(e.state, sqlstate::kUndefinedFunction);
  EXPECT_EQ(e.message, "operator does not exist: integer + text");
  EXPECT_EQ(e.hint.value_or(""),
            "No operator matches the given name and argument types. You might need to add "
            "explicit type casts.");
  e = error_of([] { resolve_binary_operator("+", D(T::Unknown), D(T::Unknown)); });
  EXPECT_EQ(e.state, sqlstate::kAmbiguousFunction);
  EXPECT_EQ(e.message, "operator is not unique: unknown + unknown");
  EXPECT_EQ(e.hint.value_or(""),
            "Could not choose a best candidate operator. You might need to add explicit type casts.");
  e = error_of([] { resolve_unary_operator("-", D(T::Text)); });
  EXPECT_EQ(e.message, "operator does not exist: - text");
  EXPECT_EQ(e.hint.value_or(""),
            "No operator matches the given name and argument type. You might need to add an "
            "explicit type cast.");
  EXPECT_EQ(error_of([] { resolve_binary_operator("+", D(T::Oid), D(T::Int4)); }).message,
            "operator does not exist: oid + integer");
  EXPECT_EQ(error_of([] { resolve_binary_operator("+", D(T::Bool), D(T::Int4)); }).message,
            "operator does not exist: boolean + integer");
  EXPECT_EQ(error_of([] { resolve_binary_operator("+", D(T::Bpchar), D(T::Varchar)); }).message,
            "operator does not exist: character + character varying");
}

TEST(OperatorResolution, ArithmeticErrors) {
  auto plus = resolve_binary_operator("+", D(T::Int4), D(T::Int4));
  SqlError e = error_of([&] { plus.fn(Value::int4(INT32_MAX), Value::int4(1)); });
  EXPECT_EQ(e.state, sqlstate::kNumericValueOutOfRange);
  EXPECT_EQ(e.message, "integer out of range");
  auto divide = resolve_binary_operator("/", D(T::Int8), D(T::Int8));
  e = error_of([&] { divide.fn(Value::int8(1), Value::int8(0)); });
  EXPECT_EQ(e.state, sqlstate::kDivisionByZero);
  EXPECT_EQ(e.message, "division by zero");
  auto negate = resolve_unary_operator("-", D(T::Int2));
  EXPECT_EQ(error_of([&] { negate.fn(Value::int2(INT16_MIN)); }).message, "smallint out of range");
}

TEST(FunctionResolution, PicksPostgresSignatures) {
  auto f = resolve_function("round", {D(T::Int4)});  // float8 is the preferred numeric type
  EXPECT_EQ(f.args[0], D(T::Float8));
  EXPECT_EQ(f.result, D(T::Float8));
  f = resolve_function("round", {D(T::Numeric), D(T::Int4)});
  EXPECT_EQ(f.result, D(T::Numeric));
  std::vector<Value> args{Value::numeric(Numeric::parse("2.567")), Value::int4(1)};
  EXPECT_EQ(format_value(f.fn(args)), "2.6");
  f = resolve_function("length", {D(T::Unknown)});
  EXPECT_EQ(f.args[0], D(T::Text));
  f = resolve_function("length", {D(T::Varchar)});
  EXPECT_EQ(f.args[0], D(T::Text));
  f = resolve_function("abs", {D(T::Unknown)});
  EXPECT_EQ(f.result, D(T::Float8));
  f = resolve_function("int4", {D(T::Unknown)});  // a type name called as a function is a cast
  EXPECT_EQ(f.result, D(T::Int4));
  std::vector<Value> twelve{Value::text("12", T::Unknown)};
  EXPECT_EQ(format_value(f.fn(twelve)), "12");
}

TEST(FunctionResolution, StrictnessAndVariadics) {
  EXPECT_TRUE(resolve_function("lower", {D(T::Text)}).strict);
  auto concat = resolve_function("concat", {D(T::Unknown), D(T::Int4), D(T::Bool)});
  EXPECT_FALSE(concat.strict);
  EXPECT_EQ(concat.args[0], D(T::Text));
  EXPECT_EQ(concat.args[1], D(T::Int4));
  std::vector<Value> args{Value::text("a"), Value::null(T::Int4), Value::boolean(true)};
  EXPECT_EQ(format_value(concat.fn(args)), "at");
  auto concat_ws = resolve_function("concat_ws", {D(T::Unknown), D(T::Unknown), D(T::Unknown)});
  std::vector<Value> ws_args{Value::null(T::Text), Value::text("a"), Value::text("b")};
  EXPECT_TRUE(concat_ws.fn(ws_args).is_null());
}

TEST(FunctionResolution, Errors) {
  SqlError e = error_of([] { resolve_function("nosuch_fn", {D(T::Int4)}); });
  EXPECT_EQ(e.state, sqlstate::kUndefinedFunction);
  EXPECT_EQ(e.message, "function nosuch_fn(integer) does not exist");
  EXPECT_EQ(e.hint.value_or(""),
            "No function matches the given name and argument types. You might need to add "
            "explicit type casts.");
  EXPECT_EQ(error_of([] { resolve_function("foo", {D(T::Int4), D(T::Unknown), D(T::Unknown)}); }).message,
            "function foo(integer, unknown, unknown) does not exist");
  EXPECT_EQ(error_of([] { resolve_function("foo", {}); }).message, "function foo() does not exist");
  EXPECT_EQ(error_of([] { resolve_function("lower", {D(T::Int4)}); }).message,
            "function lower(integer) does not exist");
  EXPECT_EQ(error_of([] { resolve_function("concat", {}); }).message, "function concat() does not exist");
  e = error_of([] { resolve_function("length", {D(T::Int4)}); });
  EXPECT_EQ(e.message, "function length(integer) does not exist");
}

}  // namespace
}  // namespace chalkdb
