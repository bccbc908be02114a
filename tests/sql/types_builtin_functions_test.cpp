// The function families added on top of the core catalog: regular expressions and SIMILAR
// TO, format and quoting, encode/decode, uuid I/O, to_char / to_date / to_number, make_* and
// justify_*, width_bucket and random, GREATEST/LEAST.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/conditional_functions.h"
#include "sql/types/functions.h"
#include "sql/types/operators.h"
#include "sql/types/regex_functions.h"
#include "sql/types/table_functions.h"
#include "sql/types/value_io.h"

namespace chalkdb {
namespace {

using T = TypeId;

// Calls a built-in function the way the executor does: resolved on the argument types, the
// arguments cast to the chosen signature, NULL short-circuit for strict functions.
Value call(std::string_view name, std::vector<Value> args) {
  std::vector<DataType> types;
  for (const Value& v : args) types.push_back(DataType{v.type()});
  ResolvedFunction f = resolve_function(name, types);
  for (size_t i = 0; i < args.size(); ++i) {
    args[i] = cast_value(args[i], f.args[i], CastContext::Implicit);
    if (f.strict && args[i].is_null()) return Value::null(f.result.id);
  }
  return f.fn(args);
}

std::string text_call(std::string_view name, std::vector<Value> args) {
  return format_value(call(name, std::move(args)));
}

Value t(std::string s) { return Value::text(std::move(s)); }

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

TEST(RegexFunctions, OperatorsAndReplace) {
  auto match = resolve_binary_operator("~*", DataType{T::Text}, DataType{T::Unknown});
  EXPECT_TRUE(match.fn(t("ABC"), t("b")).as_bool());
  EXPECT_EQ(text_call("regexp_replace", {t("foobarbaz"), t("ba"), t("X"), t("g")}), "fooXrXz");
  EXPECT_EQ(text_call("regexp_replace", {t("Hello World"), t("(\\w+) (\\w+)"), t("\\2 \\1 \\&")}),
            "World Hello Hello World");
  EXPECT_EQ(text_call("regexp_match", {t("foobar"), t("(o+)(b)")}), "{oo,b}");
  EXPECT_EQ(text_call("regexp_split_to_array", {t("a1b22c"), t("\\d+")}), "{a,b,c}");
  EXPECT_EQ(text_call("substring", {t("foobar"), t("o(.)b")}), "o");
  SqlError e = error_of([] { call("regexp_replace", {t("a"), t("("), t("")}); });
  EXPECT_EQ(e.state, sqlstate::kInvalidRegularExpression);
  EXPECT_EQ(e.message, "invalid regular expression: parentheses () not balanced");
  EXPECT_EQ(error_of([] { call("regexp_replace", {t("a"), t("a"), t("b"), t("z")}); }).message,
            "invalid regular expression option: \"z\"");
}

TEST(RegexFunctions, SimilarAndLikeEscape) {
  EXPECT_EQ(similar_to_regex("(a|b)%", "\\"), "^(?:(?:a|b).*)$");
  EXPECT_EQ(similar_to_regex("a.c_", "\\"), "^(?:a\\.c.)$");
  EXPECT_EQ(similar_to_regex("a#_c", "#"), "^(?:a\\_c)$");
  EXPECT_EQ(text_call("like_escape", {t("a#_c%"), t("#")}), "a\\_c%");
  EXPECT_EQ(text_call("substring", {t("foobar"), t("%#\"o_b#\"%"), t("#")}), "oob");
}

TEST(StringFunctions, FormatAndQuoting) {
  EXPECT_EQ(text_call("format", {t("%s %I %L"), t("x"), t("My Table"), t("it's")}),
            "x \"My Table\" 'it''s'");
  EXPECT_EQ(text_call("format", {t("%2$s %1$s|%-4s|%1$3s"), t("a"), t("b")}), "b a|b   |  a");
  EXPECT_EQ(text_call("format", {t("%L"), Value::null(T::Text)}), "NULL");
  EXPECT_EQ(error_of([] { call("format", {t("%s")}); }).message, "too few arguments for format()");
  EXPECT_EQ(text_call("quote_ident", {t("select")}), "\"select\"");
  EXPECT_EQ(text_call("quote_ident", {t("abc_1")}), "abc_1");
  EXPECT_EQ(text_call("quote_literal", {t("a\\b")}), "E'a\\\\b'");
  EXPECT_EQ(text_call("md5", {t("abc")}), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(text_call("to_hex", {Value::int4(-1)}), "ffffffff");
  EXPECT_EQ(text_call("translate", {t("12345"), t("143"), t("ax")}), "a2x5");
}

TEST(ByteaFunctions, EncodeDecode) {
  Value abc = Value::text("abc", T::Bytea);
  EXPECT_EQ(text_call("encode", {abc, t("base64")}), "YWJj");
  EXPECT_EQ(text_call("encode", {Value::text(std::string("\x00\xff\\A", 4), T::Bytea), t("escape")}),
            "\\000\\377\\\\A");
  EXPECT_EQ(text_call("decode", {t("YWJj"), t("base64")}), "\\x616263");
  EXPECT_EQ(text_call("get_byte", {abc, Value::int4(1)}), "98");
  EXPECT_EQ(error_of([&] { call("get_byte", {abc, Value::int4(5)}); }).message, "index 5 out of valid range, 0..2");
  EXPECT_EQ(error_of([] { call("decode", {t("a"), t("base64")}); }).message, "invalid base64 end sequence");
}

TEST(UuidType, InputOutputAndRandom) {
  Value id = parse_value("{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}", DataType{T::Uuid});
  EXPECT_EQ(format_value(id), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  EXPECT_EQ(id.as_text().size(), 16u);
  EXPECT_THROW(parse_value("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", DataType{T::Uuid}), SqlError);
  std::string random = text_call("gen_random_uuid", {});
  EXPECT_EQ(random.size(), 36u);
  EXPECT_EQ(random[14], '4');
  EXPECT_NE(random, text_call("gen_random_uuid", {}));
}

TEST(FormattingFunctions, ToCharTemplates) {
  Value ts = parse_value("2024-03-05 14:07:09.123456", DataType{T::Timestamp});
  EXPECT_EQ(text_call("to_char", {ts, t("YYYY-MM-DD HH24:MI:SS.MS HH12 AM Mon Day DY")}),
            "2024-03-05 14:07:09.123 02 PM Mar Tuesday   TUE");
  EXPECT_EQ(text_call("to_char", {ts, t("FMMonth DDth, YYYY")}), "March 05th, 2024");
  auto number = [](std::string_view value, std::string_view pattern) {
    return text_call("to_char", {parse_value(value, DataType{T::Numeric}), t(std::string(pattern))});
  };
  EXPECT_EQ(number("1234.5", "9G999D99"), " 1,234.50");
  EXPECT_EQ(number("42", "00000"), " 00042");
  EXPECT_EQ(number("-12.3", "999.99"), " -12.30");
  EXPECT_EQ(number("1234567.891", "FM9,999,999.00"), "1,234,567.89");
  EXPECT_EQ(number("12345", "9,999"), " #,###");
  EXPECT_EQ(number("-123", "999PR"), "<123>");
  EXPECT_EQ(number("485", "RN"), "        CDLXXXV");
  EXPECT_EQ(text_call("to_date", {t("05 Mar 2024"), t("DD Mon YYYY")}), "2024-03-05");
  EXPECT_EQ(text_call("to_number", {t("-1,234.567"), t("9G999D99")}), "-1234.56");
  EXPECT_EQ(error_of([] { call("to_date", {t("abc"), t("YYYY")}); }).message, "invalid value \"abc\" for \"YYYY\"");
}

TEST(DatetimeFunctions, MakeAndJustify) {
  EXPECT_EQ(text_call("make_date", {Value::int4(2024), Value::int4(2), Value::int4(29)}), "2024-02-29");
  EXPECT_EQ(text_call("make_date", {Value::int4(-44), Value::int4(3), Value::int4(15)}), "0044-03-15 BC");
  EXPECT_EQ(error_of([] { call("make_date", {Value::int4(2023), Value::int4(2), Value::int4(30)}); }).message,
            "date field value out of range: 2023-02-30");
  EXPECT_EQ(text_call("make_time", {Value::int4(1), Value::int4(2), Value::float8(3.5)}), "01:02:03.5");
  EXPECT_EQ(text_call("justify_interval", {parse_value("1 mon -1 hour", DataType{T::Interval})}),
            "29 days 23:00:00");
  EXPECT_EQ(text_call("to_timestamp", {Value::float8(1700000000.5)}), "2023-11-14 22:13:20.5+00");
}

TEST(MathFunctions, WidthBucketAndRandom) {
  auto n = [](std::string_view v) { return parse_value(v, DataType{T::Numeric}); };
  EXPECT_EQ(text_call("width_bucket", {n("5.35"), n("0.024"), n("10.06"), Value::int4(5)}), "3");
  EXPECT_EQ(text_call("width_bucket", {Value::float8(11), Value::float8(0), Value::float8(10), Value::int4(5)}), "6");
  EXPECT_EQ(error_of([&] { call("width_bucket", {n("1"), n("0"), n("10"), Value::int4(0)}); }).message,
            "count must be greater than zero");
  call("setseed", {Value::float8(0.25)});
  double first = call("random", {}).as_float();
  call("setseed", {Value::float8(0.25)});
  EXPECT_EQ(call("random", {}).as_float(), first);
  EXPECT_GE(first, 0.0);
  EXPECT_LT(first, 1.0);
}

TEST(ConditionalFunctions, GreatestLeastSkipNulls) {
  std::vector<Value> values = {Value::int4(3), Value::null(T::Int4), Value::int4(7)};
  EXPECT_EQ(greatest_of(values).as_int(), 7);
  EXPECT_EQ(least_of(values).as_int(), 3);
  std::vector<Value> nulls = {Value::null(T::Int4)};
  EXPECT_TRUE(greatest_of(nulls).is_null());
}

TEST(TableFunctions, UnnestAndJsonb) {
  auto unnest = resolve_table_function("unnest", {DataType{T::TextArray}});
  EXPECT_EQ(unnest.function->column_types, std::vector<TypeId>{T::Text});
  std::vector<Value> args = {parse_value("{a,NULL}", DataType{T::TextArray})};
  auto rows = unnest.function->rows(args);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[1][0].is_null());
  auto each = resolve_table_function("jsonb_each", {DataType{T::Unknown}});
  EXPECT_EQ(each.function->column_names, (std::vector<std::string>{"key", "value"}));
  args = {parse_value(R"({"b":1,"a":"x"})", DataType{T::Jsonb})};
  rows = each.function->rows(args);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(format_value(rows[0][0]), "a");
  EXPECT_EQ(format_value(rows[0][1]), "\"x\"");
  EXPECT_THROW(resolve_table_function("unnest", {DataType{T::Int4}}), SqlError);
}

}  // namespace
}  // namespace chalkdb
