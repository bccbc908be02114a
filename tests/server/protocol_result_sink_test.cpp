#include "server/backend/protocol_result_sink.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/connect_pair.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read.hpp>

#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using Local = boost::asio::local::stream_protocol;

class ProtocolResultSinkTest : public ::testing::Test {
 protected:
  ProtocolResultSinkTest() : client_(io_) {
    Local::socket server_end(io_);
    boost::asio::local::connect_pair(client_, server_end);
    stream_ = std::make_unique<ClientStream>(ClientSocket(std::move(server_end)), MessageFramer());
  }

  boost::asio::io_context io_;
  Local::socket client_;
  std::unique_ptr<ClientStream> stream_;
};

TEST_F(ProtocolResultSinkTest, ResultsBecomeProtocolMessagesInTextFormat) {
  ProtocolResultSink sink(*stream_);
  sink.row_description({ColumnDescription{"n", 0, 0, DataType{TypeId::Int4, -1}, 4},
                        ColumnDescription{"t", 0, 0, DataType{TypeId::Text, -1}, -1},
                        ColumnDescription{"b", 0, 0, DataType{TypeId::Bool, -1}, 1}});
  std::vector<Value> row = {Value::int4(-42), Value::null(TypeId::Text), Value::boolean(true)};
  sink.data_row(row);
  sink.command_complete("SELECT 1");
  sink.empty_query();
  sink.notice(SqlError(sqlstate::kSuccessfulCompletion, "note").with_severity(Severity::Notice));

  std::string expected_row =
      wire::frame('D', wire::int16_be(3) + wire::int32_be(3) + "-42" + wire::int32_be(0xffffffff) +
                           wire::int32_be(1) + "t");
  const std::string& buffer = stream_->out().buffer();
  ASSERT_EQ(buffer[0], 'T');
  size_t row_description_size = 1 + 4 + 2 + 3 * (2 + 18);  // names "n", "t", "b"
  std::string rest = buffer.substr(row_description_size);
  EXPECT_EQ(rest, expected_row + wire::frame('C', "SELECT 1\0"s) + wire::frame('I', "") +
                      wire::frame('N', "SNOTICE\0VNOTICE\0C00000\0Mnote\0\0"s));
}

TEST_F(ProtocolResultSinkTest, ManyRowsAreSentInBatches) {
  ProtocolResultSink sink(*stream_);
  std::vector<Value> row = {Value::int4(7)};
  for (int i = 0; i < 5000; ++i) sink.data_row(row);
  // 5000 rows of 12 bytes: all but the last partial batch are on their way already.
  EXPECT_LT(stream_->out().size(), ClientStream::kSendBufferSize);
  boost::asio::socket_base::bytes_readable readable(true);
  client_.io_control(readable);
  EXPECT_EQ(readable.get() + stream_->out().size(), 5000u * 12);
}

TEST_F(ProtocolResultSinkTest, VanishedClientStopsTheStatementWithConnectionLost) {
  client_.close();
  ProtocolResultSink sink(*stream_);
  std::vector<Value> row = {Value::text(std::string(1000, 'x'))};
  try {
    for (int i = 0; i < 100; ++i) sink.data_row(row);
    FAIL() << "rows kept flowing to a closed connection";
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state.code, "08006");
    EXPECT_EQ(error.severity, Severity::Fatal);
    EXPECT_EQ(error.message, "connection to client lost");
  }
  EXPECT_TRUE(stream_->lost());
}

}  // namespace
}  // namespace chalkdb
