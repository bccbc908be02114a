// Malformed and hostile input on one connection must end (at most) that connection, with the
// reply PostgreSQL 15 gives — often none — while another session carries on unaffected.
// Expected replies were captured from PostgreSQL 15 with the same bytes.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb::testing {
namespace {

using namespace std::string_literals;

using wire::int32_be;

class ProtocolRobustnessTest : public SharedServerTest {
 protected:
  void SetUp() override {
    SharedServerTest::SetUp();
    if (HasFatalFailure()) return;
    bystander_ = std::make_unique<pqxx::connection>(server().connection_string());
    pqxx::work tx(*bystander_);
    tx.exec("select 1");  // the bystander is mid-session when the bad input arrives
    tx.commit();
  }

  // The other session still works and the server process is alive.
  void TearDown() override {
    if (!bystander_) return;
    EXPECT_TRUE(server().alive()) << server().log();
    pqxx::nontransaction tx(*bystander_);
    EXPECT_EQ(tx.exec("select 42")[0][0].as<int>(), 42);
  }

  // Expects the server to close the connection after sending exactly `reply`.
  static void expect_closed_with(RawConnection& client, const std::string& reply) {
    std::optional<std::string> received = client.read_until_closed();
    ASSERT_TRUE(received) << "connection left open";
    EXPECT_EQ(*received, reply);
  }

  // Expects a single FATAL ErrorResponse with this SQLSTATE and message, then the close.
  static void expect_fatal(RawConnection& client, const std::string& sqlstate,
                           const std::string& message, const std::string& before = "") {
    std::optional<std::string> received = client.read_until_closed();
    ASSERT_TRUE(received) << "connection left open";
    ASSERT_TRUE(received->starts_with(before));
    std::vector<BackendMessage> messages = parse_backend_messages(received->substr(before.size()));
    ASSERT_EQ(messages.size(), 1u) << *received;
    EXPECT_EQ(messages[0].type, 'E');
    EXPECT_EQ(messages[0].field('S'), "FATAL");
    EXPECT_EQ(messages[0].field('V'), "FATAL");
    EXPECT_EQ(messages[0].field('C'), sqlstate);
    EXPECT_EQ(messages[0].field('M'), message);
  }

  std::unique_ptr<pqxx::connection> bystander_;
};

TEST_F(ProtocolRobustnessTest, GarbageInsteadOfAStartupPacketIsDroppedSilently) {
  RawConnection client(server().port());
  client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  expect_closed_with(client, "");
}

TEST_F(ProtocolRobustnessTest, TruncatedStartupPacketIsDroppedSilently) {
  RawConnection client(server().port());
  client.send(startup_packet().substr(0, 10));
  client.shutdown_write();
  expect_closed_with(client, "");
}

TEST_F(ProtocolRobustnessTest, TwoGigabyteStartupLengthIsDroppedSilently) {
  RawConnection client(server().port());
  client.send(int32_be(0x80000000u) + "xxxx");
  expect_closed_with(client, "");
}

TEST_F(ProtocolRobustnessTest, TwoGigabyteMessageLengthEndsTheSessionSilently) {
  RawConnection client(server().port());
  client.start_session();
  client.send(std::string("Q").append(int32_be(0x80000000u)).append("xx"));
  expect_closed_with(client, "");
}

TEST_F(ProtocolRobustnessTest, UnknownMessageTypeIsFatal) {
  RawConnection client(server().port());
  client.start_session();
  client.send("GET / HTTP/1.1\r\n\r\n");
  expect_fatal(client, "08P01", "invalid frontend message type 71");
}

TEST_F(ProtocolRobustnessTest, StartupPacketWithoutTerminatorIsFatal) {
  RawConnection client(server().port());
  client.send(int32_be(12) + int32_be(196608) + "user");
  expect_fatal(client, "08P01", "invalid startup packet layout: expected terminator as last byte");
}

TEST_F(ProtocolRobustnessTest, StartupPacketWithoutUserIsFatal) {
  RawConnection client(server().port());
  client.send(startup_packet({{"database", "postgres"}}));
  expect_fatal(client, "28000", "no PostgreSQL user name specified in startup packet");
}

TEST_F(ProtocolRobustnessTest, ProtocolTwoGetsTheOldStyleError) {
  RawConnection client(server().port());
  client.send(wire::startup_frame(int32_be(0x00020000) + "user\0postgres\0\0"s));
  expect_closed_with(client,
                     "EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n\0"s);
}

TEST_F(ProtocolRobustnessTest, ProtocolFourIsFatal) {
  RawConnection client(server().port());
  client.send(wire::startup_frame(int32_be(0x00040000) + "user\0postgres\0\0"s));
  expect_fatal(client, "0A000", "unsupported frontend protocol 4.0: server supports 3.0 to 3.0");
}

TEST_F(ProtocolRobustnessTest, EncryptionRequestsAreRefusedAndTheSessionContinuesInClear) {
  RawConnection client(server().port());
  client.send(int32_be(8) + int32_be(80877104));  // GSSENCRequest
  EXPECT_EQ(client.read_exactly(1), "N");
  client.send(int32_be(8) + int32_be(80877103));  // SSLRequest
  EXPECT_EQ(client.read_exactly(1), "N");
  std::vector<BackendMessage> answer = client.start_session();
  EXPECT_EQ(answer.front().type, 'R');
  EXPECT_EQ(answer.back().type, 'Z');
}

TEST_F(ProtocolRobustnessTest, SecondSslRequestIsAnUnknownProtocol) {
  RawConnection client(server().port());
  client.send(int32_be(8) + int32_be(80877103));
  EXPECT_EQ(client.read_exactly(1), "N");
  client.send(int32_be(8) + int32_be(80877103));
  expect_fatal(client, "0A000",
               "unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
}

TEST_F(ProtocolRobustnessTest, DataSentWithTheSslRequestIsRefused) {
  RawConnection client(server().port());
  client.send(int32_be(8) + int32_be(80877103) + int32_be(8) + int32_be(80877103));
  expect_fatal(client, "08P01", "received unencrypted data after SSL request", "N");
}

TEST_F(ProtocolRobustnessTest, InvalidUtf8IsAnErrorAndTheSessionGoesOn) {
  RawConnection client(server().port());
  client.start_session();
  std::vector<BackendMessage> answer = client.query("select '\xc3\x28'");
  ASSERT_EQ(answer.size(), 2u);
  EXPECT_EQ(answer[0].field('S'), "ERROR");
  EXPECT_EQ(answer[0].field('C'), "22021");
  EXPECT_EQ(answer[0].field('M'), "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
  EXPECT_EQ(answer[1].type, 'Z');
  EXPECT_EQ(client.query("select 1").size(), 4u);
}

TEST_F(ProtocolRobustnessTest, QueryWithoutTerminatorIsAnError) {
  RawConnection client(server().port());
  client.start_session();
  client.send(frontend_message('Q', "select 1"));
  std::vector<BackendMessage> answer = client.read_until_ready();
  ASSERT_EQ(answer.size(), 2u);
  EXPECT_EQ(answer[0].field('C'), "08P01");
  EXPECT_EQ(answer[0].field('M'), "invalid string in message");
  client.send(frontend_message('Q', "select 1\0x"s));
  answer = client.read_until_ready();
  ASSERT_EQ(answer.size(), 2u);
  EXPECT_EQ(answer[0].field('M'), "invalid message format");
}

TEST_F(ProtocolRobustnessTest, ExtendedProtocolErrorSkipsUntilSync) {
  RawConnection client(server().port());
  client.start_session();
  client.send(frontend_message('P', "\0selec 1\0\0\0"s) +
              frontend_message('B', "\0\0\0\0\0\0\0\0"s) + frontend_message('E', "\0\0\0\0\0"s) +
              frontend_message('Q', "select 1\0"s) + frontend_message('S', ""));
  std::vector<BackendMessage> answer = client.read_until_ready();
  ASSERT_EQ(answer.size(), 2u);  // one error; everything up to Sync skipped, Query included
  EXPECT_EQ(answer[0].field('S'), "ERROR");
  EXPECT_EQ(answer[0].field('C'), "42601");
  EXPECT_EQ(answer[1].body, "I");
  EXPECT_EQ(client.query("select 1").size(), 4u);
}

TEST_F(ProtocolRobustnessTest, CopyMessagesOutsideCopyAreIgnored) {
  RawConnection client(server().port());
  client.start_session();
  client.send(frontend_message('d', "1\t2\n") + frontend_message('c', ""));
  EXPECT_EQ(client.query("select 1").size(), 4u);
}

TEST_F(ProtocolRobustnessTest, ClientVanishingMidResultDoesNotHurtTheServer) {
  RawConnection client(server().port());
  client.start_session();
  client.send(frontend_message('Q', "begin; select g from generate_series(1, 3000000) g\0"s));
  client.close();  // without reading the result
  pqxx::connection later(server().connection_string());
  pqxx::nontransaction tx(later);
  EXPECT_EQ(tx.exec("select 7")[0][0].as<int>(), 7);
}

TEST_F(ProtocolRobustnessTest, ManyAbandonedConnectionsLeaveNoSessionsBehind) {
  for (int i = 0; i < 50; ++i) {
    RawConnection client(server().port());
    if (i % 2 == 0) client.start_session();
  }
  pqxx::connection later(server().connection_string());
  pqxx::nontransaction tx(later);
  EXPECT_EQ(tx.exec("select 8")[0][0].as<int>(), 8);
}

}  // namespace
}  // namespace chalkdb::testing
