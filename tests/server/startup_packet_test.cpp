#include "server/protocol/startup_packet.h"

#include <gtest/gtest.h>

#include "server/protocol/communication_error.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using wire::int32_be;

std::string version3(std::string_view parameters) {
  return int32_be(196608) + std::string(parameters);
}

void expect_layout_error(const std::string& body) {
  try {
    parse_startup_packet(body);
    FAIL() << "layout accepted";
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kProtocolViolation);
    EXPECT_EQ(error.severity, Severity::Fatal);
    EXPECT_EQ(error.message, "invalid startup packet layout: expected terminator as last byte");
  }
}

TEST(StartupPacketTest, StartupMessageParametersInOrder) {
  StartupPacket packet =
      parse_startup_packet(version3("user\0postgres\0database\0lab\0application_name\0psql\0\0"s));
  const auto& message = std::get<StartupMessage>(packet);
  EXPECT_EQ(message.protocol_version, 196608u);
  ASSERT_EQ(message.parameters.size(), 3u);
  EXPECT_EQ(message.parameters[0], std::make_pair("user"s, "postgres"s));
  EXPECT_EQ(message.parameters[1], std::make_pair("database"s, "lab"s));
  EXPECT_EQ(message.parameters[2], std::make_pair("application_name"s, "psql"s));
}

TEST(StartupPacketTest, EmptyValueIsAllowed) {
  StartupPacket packet = parse_startup_packet(version3("user\0postgres\0options\0\0\0"s));
  const auto& message = std::get<StartupMessage>(packet);
  ASSERT_EQ(message.parameters.size(), 2u);
  EXPECT_EQ(message.parameters[1].second, "");
}

TEST(StartupPacketTest, OnlyATerminatorIsAValidLayout) {
  StartupPacket packet = parse_startup_packet(version3("\0"s));
  const auto& message = std::get<StartupMessage>(packet);
  EXPECT_TRUE(message.parameters.empty());
}

TEST(StartupPacketTest, LayoutErrorsMatchPostgres) {
  expect_layout_error(version3(""));                         // no terminator at all
  expect_layout_error(version3("user"));                     // truncated name
  expect_layout_error(version3("user\0postgres\0"s));        // pairs but no terminator
  expect_layout_error(version3("user\0"s));                  // name without value
  expect_layout_error(version3("user\0postgres"s));          // value without NUL
  expect_layout_error(version3("user\0postgres\0\0junk"s));  // bytes after terminator
  expect_layout_error(version3("user\0postgres\0\0\0"s));    // two terminators
}

TEST(StartupPacketTest, EncryptionRequests) {
  EXPECT_TRUE(std::holds_alternative<SslRequest>(parse_startup_packet(int32_be(80877103))));
  EXPECT_TRUE(std::holds_alternative<GssEncRequest>(parse_startup_packet(int32_be(80877104))));
}

TEST(StartupPacketTest, CancelRequestCarriesPidAndKey) {
  StartupPacket packet =
      parse_startup_packet(int32_be(80877102) + int32_be(4711) + int32_be(0xdeadbeef));
  const auto& cancel = std::get<CancelRequest>(packet);
  EXPECT_EQ(cancel.process_id, 4711);
  EXPECT_EQ(cancel.secret_key, static_cast<int32_t>(0xdeadbeef));
}

TEST(StartupPacketTest, CancelRequestOfWrongSizeIsDropped) {
  EXPECT_THROW(parse_startup_packet(int32_be(80877102) + int32_be(1)), CommunicationError);
  EXPECT_THROW(parse_startup_packet(int32_be(80877102) + int32_be(1) + int32_be(2) + "x"),
               CommunicationError);
}

TEST(StartupPacketTest, OtherMajorVersionsAreUnsupported) {
  auto v2 = std::get<UnsupportedProtocol>(parse_startup_packet(int32_be(0x00020000) + "\0"s));
  EXPECT_TRUE(v2.wants_legacy_error());
  EXPECT_EQ(v2.error().message, "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
  EXPECT_EQ(v2.error().state, sqlstate::kFeatureNotSupported);
  EXPECT_EQ(v2.error().severity, Severity::Fatal);

  auto v4 = std::get<UnsupportedProtocol>(parse_startup_packet(int32_be(0x00040000) + "\0"s));
  EXPECT_FALSE(v4.wants_legacy_error());
  EXPECT_EQ(v4.error().message, "unsupported frontend protocol 4.0: server supports 3.0 to 3.0");
}

TEST(StartupPacketTest, RepeatedSslRequestReadsAsUnknownVersion) {
  // What PostgreSQL says to a second SSLRequest once the first was refused.
  UnsupportedProtocol repeated{80877103};
  EXPECT_FALSE(repeated.wants_legacy_error());
  EXPECT_EQ(repeated.error().message,
            "unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
}

TEST(StartupPacketTest, NewerMinorVersionIsStillAStartupMessage) {
  StartupPacket packet = parse_startup_packet(int32_be(0x00030002) + "user\0u\0\0"s);
  const auto& message = std::get<StartupMessage>(packet);
  EXPECT_EQ(message.protocol_version, 0x00030002u);
}

}  // namespace
}  // namespace chalkdb
