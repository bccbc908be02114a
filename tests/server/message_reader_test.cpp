#include "server/protocol/message_reader.h"

#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;

// Expects SqlError 08P01 with exactly `message`.
template <typename Body>
void expect_protocol_error(Body&& body, const std::string& message) {
  try {
    body();
    FAIL() << "expected: " << message;
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kProtocolViolation);
    EXPECT_EQ(error.message, message);
    EXPECT_EQ(error.severity, Severity::Error);
  }
}

TEST(MessageReaderTest, ReadsIntegersBigEndianAndStrings) {
  std::string body = wire::int16_be(0xfffe) + wire::int32_be(0x01020304) + "abc\0"s + "x";
  MessageReader reader(body);
  EXPECT_EQ(reader.get_int16(), -2);
  EXPECT_EQ(reader.get_int32(), 0x01020304);
  EXPECT_EQ(reader.get_cstring(), "abc");
  EXPECT_EQ(reader.get_byte(), 'x');
  EXPECT_EQ(reader.remaining(), 0u);
  reader.expect_end();
}

TEST(MessageReaderTest, EmptyCString) {
  std::string body = "\0"s;
  MessageReader reader(body);
  EXPECT_EQ(reader.get_cstring(), "");
  reader.expect_end();
}

TEST(MessageReaderTest, StringWithoutTerminatorIsInvalid) {
  MessageReader reader("select 1");
  expect_protocol_error([&] { reader.get_cstring(); }, "invalid string in message");
}

TEST(MessageReaderTest, BytesAfterTheLastFieldAreInvalidFormat) {
  std::string body = "select 1\0x"s;
  MessageReader reader(body);
  EXPECT_EQ(reader.get_cstring(), "select 1");
  expect_protocol_error([&] { reader.expect_end(); }, "invalid message format");
}

TEST(MessageReaderTest, ShortIntegerIsInsufficientData) {
  std::string body = "\x01\x02\x03"s;
  MessageReader reader(body);
  expect_protocol_error([&] { reader.get_int32(); }, "insufficient data left in message");
  EXPECT_EQ(reader.get_int16(), 0x0102);  // a failed read consumes nothing
}

TEST(MessageReaderTest, GetBytesChecksTheCount) {
  MessageReader reader("abcd");
  EXPECT_EQ(reader.get_bytes(3), "abc");
  expect_protocol_error([&] { reader.get_bytes(2); }, "insufficient data left in message");
  EXPECT_EQ(reader.get_bytes(1), "d");
}

}  // namespace
}  // namespace chalkdb
