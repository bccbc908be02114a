#include "server/net/startup_handshake.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/connect_pair.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using Local = boost::asio::local::stream_protocol;
using wire::int32_be;

std::string startup_with(const std::string& parameters) {
  return wire::startup_frame(int32_be(196608) + parameters + '\0');
}

class RecordingBackend : public BackendControl {
 public:
  void cancel_statement() override { ++cancels; }
  void terminate() override {}
  void disconnect() override {}
  int cancels = 0;
};

// Drives one handshake over a socket pair on a private io_context.
class StartupHandshakeTest : public ::testing::Test {
 protected:
  StartupHandshakeTest() : client_(io_) {}

  void start(size_t max_connections = 10) {
    registry_ = std::make_unique<SessionRegistry>(max_connections);
    Local::socket server_end(io_);
    boost::asio::local::connect_pair(client_, server_end);
    auto handshake = std::make_shared<StartupHandshake>(
        ClientSocket(std::move(server_end)), ClientInfo{registry_->next_process_id(), {}, {}},
        *registry_,
        [this](SessionRegistry::Slot slot, ClientInfo, ClientSocket socket, MessageFramer framer,
               StartupOptions options) {
          accepted_slot_.emplace(std::move(slot));
          accepted_options_.emplace(std::move(options));
          accepted_buffered_ = framer.buffered();
          accepted_socket_ = std::make_unique<ClientSocket>(std::move(socket));
        });
    handshake->start();
  }

  void client_sends(const std::string& bytes) {
    boost::asio::write(client_, boost::asio::buffer(bytes));
  }

  // Runs the server side until it has nothing left to do, then reads what the client got
  // (until the server closed the connection, or what is available).
  std::string server_reply(bool expect_close) {
    io_.restart();
    io_.run_for(std::chrono::milliseconds(200));
    std::string reply;
    boost::system::error_code error;
    while (true) {
      boost::asio::socket_base::bytes_readable readable(true);
      client_.io_control(readable);
      if (readable.get() == 0 && !expect_close) break;
      char buffer[4096];
      size_t received = client_.read_some(boost::asio::buffer(buffer), error);
      if (error) break;
      reply.append(buffer, received);
    }
    return reply;
  }

  boost::asio::io_context io_;
  Local::socket client_;
  std::unique_ptr<SessionRegistry> registry_;
  std::optional<SessionRegistry::Slot> accepted_slot_;
  std::optional<StartupOptions> accepted_options_;
  size_t accepted_buffered_ = 0;
  std::unique_ptr<ClientSocket> accepted_socket_;
};

TEST_F(StartupHandshakeTest, StartupMessageHandsTheConnectionOver) {
  start();
  client_sends(startup_with("user\0alice\0database\0lab\0"s) + wire::frame('Q', "select 1\0"s));
  EXPECT_EQ(server_reply(false), "");
  ASSERT_TRUE(accepted_options_);
  EXPECT_EQ(accepted_options_->session_options().user, "alice");
  EXPECT_EQ(accepted_options_->session_options().database, "lab");
  EXPECT_EQ(accepted_buffered_, 14u);  // the pipelined Query travels with the connection
  EXPECT_EQ(registry_->active_sessions(), 1u);
}

TEST_F(StartupHandshakeTest, SslThenGssAreRefusedThenStartupProceeds) {
  start();
  client_sends(wire::startup_frame(int32_be(80877103)));
  EXPECT_EQ(server_reply(false), "N");
  client_sends(wire::startup_frame(int32_be(80877104)));
  EXPECT_EQ(server_reply(false), "N");
  client_sends(startup_with("user\0u\0"s));
  server_reply(false);
  EXPECT_TRUE(accepted_options_);
}

TEST_F(StartupHandshakeTest, PipelinedDataAfterSslRequestIsRefused) {
  start();
  client_sends(wire::startup_frame(int32_be(80877103)) + startup_with("user\0u\0"s));
  std::string reply = server_reply(true);
  ASSERT_FALSE(reply.empty());
  EXPECT_EQ(reply[0], 'N');
  EXPECT_NE(reply.find("Mreceived unencrypted data after SSL request"), std::string::npos);
  EXPECT_FALSE(accepted_options_);
}

TEST_F(StartupHandshakeTest, TooManyClientsBeforeAuthentication) {
  start(1);
  auto occupied = registry_->try_reserve(registry_->next_process_id());
  client_sends(startup_with("user\0u\0"s));
  EXPECT_EQ(server_reply(true),
            wire::frame('E', "SFATAL\0VFATAL\0C53300\0Msorry, too many clients already\0\0"s));
  EXPECT_FALSE(accepted_options_);
}

TEST_F(StartupHandshakeTest, MissingUserIsRejected) {
  start();
  client_sends(startup_with("database\0x\0"s));
  std::string reply = server_reply(true);
  EXPECT_NE(reply.find("C28000"), std::string::npos);
  EXPECT_EQ(registry_->active_sessions(), 0u);
}

TEST_F(StartupHandshakeTest, CancelRequestReachesTheBackendAndGetsNoReply) {
  start();
  auto slot = registry_->try_reserve(registry_->next_process_id());
  RecordingBackend backend;
  slot->attach(backend);
  client_sends(wire::startup_frame(int32_be(80877102) +
                                   int32_be(static_cast<uint32_t>(slot->process_id())) +
                                   int32_be(static_cast<uint32_t>(slot->secret_key()))));
  EXPECT_EQ(server_reply(true), "");
  EXPECT_EQ(backend.cancels, 1);
  slot->detach();
}

TEST_F(StartupHandshakeTest, InvalidLengthClosesSilently) {
  start();
  client_sends("GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(server_reply(true), "");
}

TEST_F(StartupHandshakeTest, UnsupportedProtocolTwoGetsLegacyError) {
  start();
  client_sends(wire::startup_frame(int32_be(0x00020000) + "user\0u\0\0"s));
  EXPECT_EQ(server_reply(true),
            "EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n\0"s);
}

}  // namespace
}  // namespace chalkdb
