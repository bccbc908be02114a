#include "server/protocol/backend_message_writer.h"

#include <gtest/gtest.h>

#include "tests/server/wire_bytes.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;
using wire::cstr;
using wire::frame;
using wire::int16_be;
using wire::int32_be;

TEST(BackendMessageWriterTest, AuthenticationOkIsCodeZero) {
  BackendMessageWriter out;
  out.authentication_ok();
  EXPECT_EQ(out.buffer(), "R\0\0\0\x08\0\0\0\0"s);
}

TEST(BackendMessageWriterTest, ParameterStatusMatchesPostgresCapture) {
  BackendMessageWriter out;
  out.parameter_status("client_encoding", "UTF8");
  EXPECT_EQ(out.buffer(), "S\0\0\0\x19"s + "client_encoding\0UTF8\0"s);
}

TEST(BackendMessageWriterTest, BackendKeyDataCarriesPidAndKey) {
  BackendMessageWriter out;
  out.backend_key_data(4242, -2);
  EXPECT_EQ(out.buffer(), frame('K', int32_be(4242) + int32_be(0xfffffffe)));
}

TEST(BackendMessageWriterTest, ReadyForQueryStatusBytes) {
  BackendMessageWriter out;
  out.ready_for_query(TransactionStatus::Idle);
  out.ready_for_query(TransactionStatus::InBlock);
  out.ready_for_query(TransactionStatus::Failed);
  EXPECT_EQ(out.buffer(), frame('Z', "I") + frame('Z', "T") + frame('Z', "E"));
}

TEST(BackendMessageWriterTest, RowDescriptionMatchesPostgresCaptureOfSelectOne) {
  BackendMessageWriter out;
  out.row_description({ColumnDescription{"?column?", 0, 0, DataType{TypeId::Int4, -1}, 4}});
  // Captured from PostgreSQL 15 for `select 1`.
  EXPECT_EQ(out.buffer(),
            "T\0\0\0!\0\x01?column?\0\0\0\0\0\0\0\0\0\0\x17\0\x04\xff\xff\xff\xff\0\0"s);
}

TEST(BackendMessageWriterTest, RowDescriptionOfTableColumnWithTypmod) {
  BackendMessageWriter out;
  out.row_description({ColumnDescription{"amount", 16489, 6, DataType{TypeId::Numeric, 786439}, -1},
                       ColumnDescription{"flag", 16489, 7, DataType{TypeId::Bool, -1}, 1}});
  std::string body = int16_be(2) + cstr("amount") + int32_be(16489) + int16_be(6) + int32_be(1700) +
                     int16_be(0xffff) + int32_be(786439) + int16_be(0) + cstr("flag") +
                     int32_be(16489) + int16_be(7) + int32_be(16) + int16_be(1) +
                     int32_be(0xffffffff) + int16_be(0);
  EXPECT_EQ(out.buffer(), frame('T', body));
}

TEST(BackendMessageWriterTest, DataRowWithTextNullAndEmptyFields) {
  BackendMessageWriter out;
  out.begin_data_row(3);
  out.add_field("1");
  out.add_null_field();
  out.add_field("");
  out.end_data_row();
  EXPECT_EQ(out.buffer(),
            frame('D', int16_be(3) + int32_be(1) + "1" + int32_be(0xffffffff) + int32_be(0)));
}

TEST(BackendMessageWriterTest, DataRowMatchesPostgresCaptureOfSelectOne) {
  BackendMessageWriter out;
  out.begin_data_row(1);
  out.add_field("1");
  out.end_data_row();
  EXPECT_EQ(out.buffer(), "D\0\0\0\x0b\0\x01\0\0\0\x01"s + "1");
}

TEST(BackendMessageWriterTest, FieldWrittenInPlaceGetsItsLength) {
  BackendMessageWriter out;
  out.begin_data_row(1);
  out.add_field_with([](std::string& buffer) { buffer += "hello"; });
  out.end_data_row();
  EXPECT_EQ(out.buffer(), frame('D', int16_be(1) + int32_be(5) + "hello"));
}

TEST(BackendMessageWriterTest, CommandCompleteAndEmptyQuery) {
  BackendMessageWriter out;
  out.command_complete("SELECT 1");
  out.empty_query_response();
  EXPECT_EQ(out.buffer(), "C\0\0\0\rSELECT 1\0"s + "I\0\0\0\x04"s);
}

TEST(BackendMessageWriterTest, ErrorResponseOfSyntaxErrorMatchesPostgresFields) {
  BackendMessageWriter out;
  out.error_response(
      SqlError(sqlstate::kSyntaxError, "syntax error at or near \"selec\"").with_position(1));
  // PostgreSQL's capture minus its F/L/R source-location fields.
  EXPECT_EQ(out.buffer(),
            frame('E', "SERROR\0VERROR\0C42601\0Msyntax error at or near \"selec\"\0P1\0\0"s));
}

TEST(BackendMessageWriterTest, ErrorResponseFieldsInPostgresWireOrder) {
  SqlError error(sqlstate::kUniqueViolation, "duplicate key");
  error.with_constraint("k_key")
      .with_datatype("int4")
      .with_column("id")
      .with_table("public", "t")
      .with_context("ctx")
      .with_position(7)
      .with_hint("hint")
      .with_detail("detail");
  BackendMessageWriter out;
  out.error_response(error);
  EXPECT_EQ(out.buffer(), frame('E',
                                "SERROR\0VERROR\0C23505\0Mduplicate key\0Ddetail\0Hhint\0"
                                "P7\0Wctx\0spublic\0tt\0cid\0dint4\0nk_key\0\0"s));
}

TEST(BackendMessageWriterTest, FatalAndNoticeSeverities) {
  BackendMessageWriter out;
  out.error_response(SqlError(sqlstate::kTooManyConnections, "sorry, too many clients already")
                         .with_severity(Severity::Fatal));
  out.notice_response(
      SqlError(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress")
          .with_severity(Severity::Warning));
  EXPECT_EQ(
      out.buffer(),
      frame('E', "SFATAL\0VFATAL\0C53300\0Msorry, too many clients already\0\0"s) +
          frame('N', "SWARNING\0VWARNING\0C25P01\0Mthere is no transaction in progress\0\0"s));
}

TEST(BackendMessageWriterTest, LegacyErrorMatchesPostgresCapture) {
  BackendMessageWriter out;
  out.legacy_error_response("unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
  EXPECT_EQ(out.buffer(),
            "EFATAL:  unsupported frontend protocol 2.0: server supports 3.0 to 3.0\n\0"s);
}

TEST(BackendMessageWriterTest, NegotiateProtocolVersionMatchesPostgresCapture) {
  BackendMessageWriter out;
  out.negotiate_protocol_version(0, {"_pq_.foo"});
  EXPECT_EQ(out.buffer(), "v\0\0\0\x15\0\x03\0\0\0\0\0\x01_pq_.foo\0"s);
}

TEST(BackendMessageWriterTest, EncryptionRefusalIsOneUnframedByte) {
  BackendMessageWriter out;
  out.encryption_refused();
  EXPECT_EQ(out.buffer(), "N");
}

TEST(BackendMessageWriterTest, ClearEmptiesTheBuffer) {
  BackendMessageWriter out;
  out.command_complete("BEGIN");
  EXPECT_FALSE(out.empty());
  out.clear();
  EXPECT_TRUE(out.empty());
  out.command_complete("COMMIT");
  EXPECT_EQ(out.buffer(), frame('C', cstr("COMMIT")));
}

TEST(BackendMessageWriterTest, ExtendedProtocolCompletionMessages) {
  BackendMessageWriter out;
  out.parse_complete();
  out.bind_complete();
  out.close_complete();
  out.no_data();
  out.portal_suspended();
  EXPECT_EQ(out.buffer(), frame('1', "") + frame('2', "") + frame('3', "") + frame('n', "") + frame('s', ""));
}

TEST(BackendMessageWriterTest, ParameterDescriptionListsTypeOids) {
  BackendMessageWriter out;
  out.parameter_description({DataType{TypeId::Int4}, DataType{TypeId::Numeric}});
  EXPECT_EQ(out.buffer(), frame('t', int16_be(2) + int32_be(23) + int32_be(1700)));
}

TEST(BackendMessageWriterTest, RowDescriptionCarriesResultFormats) {
  BackendMessageWriter out;
  ColumnDescription column;
  column.name = "n";
  column.type = DataType{TypeId::Int4};
  column.type_length = 4;
  out.row_description({column}, {1});
  EXPECT_EQ(out.buffer(), frame('T', int16_be(1) + cstr("n") + int32_be(0) + int16_be(0) + int32_be(23) +
                                         int16_be(4) + int32_be(0xffffffff) + int16_be(1)));
}

TEST(BackendMessageWriterTest, CopyMessages) {
  BackendMessageWriter out;
  out.copy_in_response(false, 2);
  out.copy_out_response(false, 1);
  out.copy_data("1\tx\n");
  out.copy_done();
  EXPECT_EQ(out.buffer(), frame('G', "\0"s + int16_be(2) + int16_be(0) + int16_be(0)) +
                              frame('H', "\0"s + int16_be(1) + int16_be(0)) + frame('d', "1\tx\n") + frame('c', ""));
}

}  // namespace
}  // namespace chalkdb
