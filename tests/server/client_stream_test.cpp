#include "server/backend/client_stream.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/connect_pair.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "server/protocol/communication_error.h"
#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using Local = boost::asio::local::stream_protocol;

class ClientStreamTest : public ::testing::Test {
 protected:
  ClientStreamTest() : client_(io_) {
    Local::socket server_end(io_);
    boost::asio::local::connect_pair(client_, server_end);
    stream_ = std::make_unique<ClientStream>(ClientSocket(std::move(server_end)), MessageFramer());
  }

  void client_sends(const std::string& bytes) {
    boost::asio::write(client_, boost::asio::buffer(bytes));
  }

  std::string client_receives(size_t count) {
    std::string bytes(count, '\0');
    boost::asio::read(client_, boost::asio::buffer(bytes));
    return bytes;
  }

  size_t client_can_read() {
    boost::asio::socket_base::bytes_readable readable(true);
    client_.io_control(readable);
    return readable.get();
  }

  boost::asio::io_context io_;
  Local::socket client_;
  std::unique_ptr<ClientStream> stream_;
};

TEST_F(ClientStreamTest, ReadsPipelinedMessagesOneAtATime) {
  client_sends(wire::frame('Q', "select 1\0"s) + wire::frame('S', ""));
  auto first = stream_->read_message();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->type, 'Q');
  auto second = stream_->read_message();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->type, 'S');
}

TEST_F(ClientStreamTest, BytesReceivedWithTheStartupPacketAreNotLost) {
  Local::socket server_end(io_);
  Local::socket client(io_);
  boost::asio::local::connect_pair(client, server_end);
  MessageFramer framer;
  framer.append(wire::frame('Q', "select 9\0"s));
  ClientStream stream(ClientSocket(std::move(server_end)), std::move(framer));
  auto message = stream.read_message();
  ASSERT_TRUE(message);
  EXPECT_EQ(message->body, "select 9\0"s);
}

TEST_F(ClientStreamTest, OutputWaitsForTheBatchToEnd) {
  stream_->out().command_complete("BEGIN");
  EXPECT_EQ(client_can_read(), 0u);
  stream_->flush();
  EXPECT_EQ(client_receives(11), wire::frame('C', "BEGIN\0"s));
}

TEST_F(ClientStreamTest, PendingOutputIsSentBeforeWaitingForTheClient) {
  stream_->out().ready_for_query(TransactionStatus::Idle);
  client_sends(wire::frame('X', ""));
  auto message = stream_->read_message();  // the framer had nothing: flushes, then reads
  ASSERT_TRUE(message);
  EXPECT_EQ(client_receives(6), wire::frame('Z', "I"));
}

TEST_F(ClientStreamTest, FlushIfFullSendsOnlyLargeBatches) {
  stream_->out().command_complete("SELECT 1");
  stream_->flush_if_full();
  EXPECT_EQ(client_can_read(), 0u);
  while (stream_->out().size() < ClientStream::kSendBufferSize)
    stream_->out().command_complete("SELECT 1");
  size_t batch = stream_->out().size();
  stream_->flush_if_full();
  EXPECT_EQ(stream_->out().size(), 0u);
  EXPECT_EQ(client_receives(batch).size(), batch);
}

TEST_F(ClientStreamTest, CleanEndOfStreamIsNotAnError) {
  client_sends(wire::frame('S', ""));
  client_.shutdown(Local::socket::shutdown_send);
  EXPECT_TRUE(stream_->read_message());
  EXPECT_FALSE(stream_->read_message());
}

TEST_F(ClientStreamTest, EndOfStreamInsideAMessageIsACommunicationError) {
  client_sends(wire::frame('Q', "select 1\0"s).substr(0, 7));
  client_.shutdown(Local::socket::shutdown_send);
  try {
    stream_->read_message();
    FAIL();
  } catch (const CommunicationError& error) {
    EXPECT_EQ(std::string(error.what()), "incomplete message from client");
  }
}

TEST_F(ClientStreamTest, WritingToAVanishedClientMarksTheStreamLost) {
  client_.close();
  stream_->out().command_complete("SELECT 1");
  EXPECT_THROW(stream_->flush(), CommunicationError);
  EXPECT_TRUE(stream_->lost());
  stream_->out().command_complete("SELECT 2");
  EXPECT_THROW(stream_->flush(), CommunicationError);
}

}  // namespace
}  // namespace chalkdb
