#include "server/protocol/message_framer.h"

#include <gtest/gtest.h>

#include "server/protocol/communication_error.h"
#include "sql/error/sql_error.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using wire::frame;
using wire::int32_be;

std::string startup_body() { return int32_be(196608) + "user\0postgres\0\0"s; }

template <typename Body>
void expect_communication_error(Body&& body, const std::string& message) {
  try {
    body();
    FAIL() << "expected: " << message;
  } catch (const CommunicationError& error) {
    EXPECT_EQ(std::string(error.what()), message);
  }
}

TEST(MessageFramerTest, StartupPacketArrivingByteByByte) {
  std::string packet = wire::startup_frame(startup_body());
  MessageFramer framer;
  for (size_t i = 0; i + 1 < packet.size(); ++i) {
    framer.append(packet.substr(i, 1));
    EXPECT_FALSE(framer.next_startup_packet()) << "after " << i + 1 << " bytes";
  }
  framer.append(packet.substr(packet.size() - 1));
  EXPECT_EQ(framer.next_startup_packet(), startup_body());
  EXPECT_EQ(framer.buffered(), 0u);
}

TEST(MessageFramerTest, BytesAfterTheStartupPacketStayBuffered) {
  MessageFramer framer;
  framer.append(wire::startup_frame(startup_body()) + frame('Q', "select 1\0"s));
  ASSERT_TRUE(framer.next_startup_packet());
  EXPECT_EQ(framer.buffered(), 14u);
  auto message = framer.next_message();
  ASSERT_TRUE(message);
  EXPECT_EQ(message->type, 'Q');
  EXPECT_EQ(message->body, "select 1\0"s);
}

TEST(MessageFramerTest, StartupLengthBoundaries) {
  // 8 bytes (just the version) and 10004 bytes are the smallest and largest PostgreSQL reads.
  MessageFramer smallest;
  smallest.append(int32_be(8) + int32_be(196608));
  EXPECT_EQ(smallest.next_startup_packet(), int32_be(196608));

  MessageFramer largest;
  largest.append(int32_be(10004));
  EXPECT_FALSE(largest.next_startup_packet());
}

TEST(MessageFramerTest, InvalidStartupLengthsAreCommunicationErrors) {
  for (uint32_t length : {0u, 4u, 7u, 10005u, 0x47455420u /* "GET " */, 0x80000000u, 0xffffffffu}) {
    MessageFramer framer;
    framer.append(int32_be(length));
    expect_communication_error([&] { framer.next_startup_packet(); },
                               "invalid length of startup packet");
  }
}

TEST(MessageFramerTest, TypedMessagesOneAfterAnother) {
  MessageFramer framer;
  framer.append(frame('Q', "select 1\0"s) + frame('S', "") + frame('X', ""));
  EXPECT_EQ(framer.next_message()->type, 'Q');
  auto sync = framer.next_message();
  ASSERT_TRUE(sync);
  EXPECT_EQ(sync->type, 'S');
  EXPECT_EQ(sync->body, "");
  EXPECT_EQ(framer.next_message()->type, 'X');
  EXPECT_FALSE(framer.next_message());
}

TEST(MessageFramerTest, MessageSplitAcrossAppends) {
  std::string bytes = frame('Q', "select 42\0"s);
  MessageFramer framer;
  framer.append(bytes.substr(0, 3));
  EXPECT_FALSE(framer.next_message());
  framer.append(bytes.substr(3, 5));
  EXPECT_FALSE(framer.next_message());
  framer.append(bytes.substr(8));
  EXPECT_EQ(framer.next_message()->body, "select 42\0"s);
}

TEST(MessageFramerTest, UnknownTypeIsFatalAsSoonAsItsByteArrives) {
  for (char type : {'G', '\0', 'p', 'Z'}) {
    MessageFramer framer;
    framer.append(std::string(1, type));
    try {
      framer.next_message();
      FAIL() << "type " << static_cast<int>(type) << " accepted";
    } catch (const SqlError& error) {
      EXPECT_EQ(error.state, sqlstate::kProtocolViolation);
      EXPECT_EQ(error.severity, Severity::Fatal);
      EXPECT_EQ(error.message,
                "invalid frontend message type " + std::to_string(static_cast<uint8_t>(type)));
    }
  }
}

TEST(MessageFramerTest, HighBitTypeByteIsReportedUnsigned) {
  MessageFramer framer;
  framer.append("\xff"s);
  try {
    framer.next_message();
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.message, "invalid frontend message type 255");
  }
}

TEST(MessageFramerTest, LengthWordBelowFourIsInvalid) {
  MessageFramer framer;
  framer.append("Q"s + int32_be(3));
  expect_communication_error([&] { framer.next_message(); }, "invalid message length");
}

TEST(MessageFramerTest, TwoGigabyteLengthIsRejectedWithoutBuffering) {
  MessageFramer framer;
  framer.append("Q"s + int32_be(0x80000000u) + "xx");
  expect_communication_error([&] { framer.next_message(); }, "invalid message length");
}

TEST(MessageFramerTest, LargeMessageLimitIsOneGigabyte) {
  MessageFramer at_limit;
  at_limit.append("Q"s + int32_be(0x3ffffffe));
  EXPECT_FALSE(at_limit.next_message());  // accepted, waiting for the body

  MessageFramer over_limit;
  over_limit.append("Q"s + int32_be(0x3fffffff));
  expect_communication_error([&] { over_limit.next_message(); }, "invalid message length");
}

TEST(MessageFramerTest, SmallMessageLimitAppliesToSyncAndTerminate) {
  for (char type : {'S', 'X', 'H', 'D', 'E', 'C', 'c', 'f'}) {
    MessageFramer at_limit;
    at_limit.append(std::string(1, type) + int32_be(10000));
    EXPECT_FALSE(at_limit.next_message()) << type;

    MessageFramer over_limit;
    over_limit.append(std::string(1, type) + int32_be(10001));
    expect_communication_error([&] { over_limit.next_message(); }, "invalid message length");
  }
}

TEST(MessageFramerTest, TruncationDiagnosticsAtEndOfStream) {
  MessageFramer empty;
  EXPECT_FALSE(empty.startup_truncation());
  EXPECT_FALSE(empty.message_truncation());

  MessageFramer partial_startup;
  partial_startup.append(wire::startup_frame(startup_body()).substr(0, 10));
  EXPECT_FALSE(partial_startup.next_startup_packet());
  EXPECT_EQ(partial_startup.startup_truncation(), "incomplete startup packet");

  MessageFramer partial_length;
  partial_length.append("Q\0\0"s);
  EXPECT_FALSE(partial_length.next_message());
  EXPECT_EQ(partial_length.message_truncation(), "unexpected EOF within message length word");

  MessageFramer partial_body;
  partial_body.append(frame('Q', "select 1\0"s).substr(0, 8));
  EXPECT_FALSE(partial_body.next_message());
  EXPECT_EQ(partial_body.message_truncation(), "incomplete message from client");
}

TEST(MessageFramerTest, ManyMessagesThroughOneFramerKeepTheirBoundaries) {
  MessageFramer framer;
  std::string chunk;
  for (int i = 0; i < 20000; ++i) chunk += frame('Q', "select " + std::to_string(i) + '\0');
  // Odd-sized appends so messages straddle appends and the buffer gets compacted.
  size_t consumed = 0;
  int next_expected = 0;
  while (consumed < chunk.size()) {
    size_t piece = std::min<size_t>(997, chunk.size() - consumed);
    framer.append(std::string_view(chunk).substr(consumed, piece));
    consumed += piece;
    while (auto message = framer.next_message()) {
      ASSERT_EQ(message->body, "select " + std::to_string(next_expected++) + '\0');
    }
  }
  EXPECT_EQ(next_expected, 20000);
  EXPECT_EQ(framer.buffered(), 0u);
}

}  // namespace
}  // namespace chalkdb
