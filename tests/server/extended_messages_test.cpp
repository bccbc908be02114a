#include "server/protocol/extended_messages.h"

#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using wire::cstr;
using wire::int16_be;
using wire::int32_be;

template <typename Body>
void expect_error(Body&& body, SqlState state, const std::string& message) {
  try {
    body();
    FAIL() << "expected: " << message;
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, state);
    EXPECT_EQ(error.message, message);
  }
}

TEST(ExtendedMessagesTest, DecodesParseWithParameterTypes) {
  ParseMessage parse = decode_parse(cstr("s1") + cstr("SELECT $1") + int16_be(2) + int32_be(23) + int32_be(0));
  EXPECT_EQ(parse.statement, "s1");
  EXPECT_EQ(parse.query, "SELECT $1");
  EXPECT_EQ(parse.parameter_types, (std::vector<uint32_t>{23, 0}));
}

TEST(ExtendedMessagesTest, DecodesBindWithNullsAndFormats) {
  std::string body = cstr("p") + cstr("s") + int16_be(1) + int16_be(1) + int16_be(3) + int32_be(2) + "ab" +
                     int32_be(0xffffffff) + int32_be(0) + int16_be(1) + int16_be(1);
  BindMessage bind = decode_bind(body);
  EXPECT_EQ(bind.portal, "p");
  EXPECT_EQ(bind.statement, "s");
  ASSERT_EQ(bind.parameters.size(), 3u);
  EXPECT_EQ(bind.parameters[0], "ab");
  EXPECT_FALSE(bind.parameters[1].has_value());
  EXPECT_EQ(bind.parameters[2], "");
  EXPECT_EQ(bind.parameter_format(2), 1);  // one code applies to all
  EXPECT_EQ(bind.result_formats_for(3), (std::vector<int16_t>{1, 1, 1}));
}

TEST(ExtendedMessagesTest, BindFormatCountsAreChecked) {
  std::string two_formats_one_value =
      cstr("") + cstr("") + int16_be(2) + int16_be(0) + int16_be(0) + int16_be(1) + int32_be(1) + "x" + int16_be(0);
  expect_error([&] { decode_bind(two_formats_one_value); }, sqlstate::kProtocolViolation,
               "bind message has 2 parameter formats but 1 parameters");
  std::string bad_code = cstr("") + cstr("") + int16_be(1) + int16_be(7) + int16_be(0) + int16_be(0);
  expect_error([&] { decode_bind(bad_code); }, sqlstate::kInvalidParameterValue, "unsupported format code: 7");
  std::string results = cstr("") + cstr("") + int16_be(0) + int16_be(0) + int16_be(2) + int16_be(0) + int16_be(1);
  BindMessage bind = decode_bind(results);
  expect_error([&] { bind.result_formats_for(3); }, sqlstate::kProtocolViolation,
               "bind message has 2 result formats but query has 3 columns");
  std::string short_value = cstr("") + cstr("") + int16_be(0) + int16_be(1) + int32_be(10) + "abc";
  expect_error([&] { decode_bind(short_value); }, sqlstate::kProtocolViolation, "insufficient data left in message");
  std::string negative_length = cstr("") + cstr("") + int16_be(0) + int16_be(1) + int32_be(0xfffffffe) + int16_be(0);
  expect_error([&] { decode_bind(negative_length); }, sqlstate::kProtocolViolation, "insufficient data left in message");
}

TEST(ExtendedMessagesTest, DescribeCloseAndExecute) {
  TargetMessage describe = decode_describe("P"s + cstr("portal"));
  EXPECT_EQ(describe.kind, 'P');
  EXPECT_EQ(describe.name, "portal");
  expect_error([] { decode_describe("Q"s + cstr("")); }, sqlstate::kProtocolViolation, "invalid DESCRIBE message subtype 81");
  expect_error([] { decode_close("x"s + cstr("")); }, sqlstate::kProtocolViolation, "invalid CLOSE message subtype 120");
  ExecuteMessage execute = decode_execute(cstr("c") + int32_be(5));
  EXPECT_EQ(execute.portal, "c");
  EXPECT_EQ(execute.max_rows, 5);
  expect_error([] { decode_execute(cstr("c") + int32_be(5) + "z"); }, sqlstate::kProtocolViolation,
               "invalid message format");
}

}  // namespace
}  // namespace chalkdb
