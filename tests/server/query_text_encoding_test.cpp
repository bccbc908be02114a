// The server checks Query text with check_utf8 before anything else reads it, as PostgreSQL's
// pq_getmsgstring does; these are PostgreSQL 15's answers to the same bytes.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "sql/parser/utf8_validation.h"

namespace chalkdb {
namespace {

using namespace std::string_literals;

void expect_invalid(const std::string& text, const std::string& shown_bytes) {
  try {
    check_utf8(text);
    FAIL() << "accepted " << shown_bytes;
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state.code, "22021");
    EXPECT_EQ(error.message, "invalid byte sequence for encoding \"UTF8\": " + shown_bytes);
  }
}

TEST(QueryTextEncodingTest, AcceptsAsciiAndMultibyteText) {
  EXPECT_NO_THROW(check_utf8(""));
  EXPECT_NO_THROW(check_utf8("select 1"));
  EXPECT_NO_THROW(check_utf8("select 'éééé', '€', '𝄞', '\xf4\x8f\xbf\xbf'"));
}

TEST(QueryTextEncodingTest, ReportsLikePostgres) {
  // Expected texts in this file were captured from PostgreSQL 15.
  expect_invalid("select \xff\xfe", "0xff");
  expect_invalid("select \xc3\x28", "0xc3 0x28");
  expect_invalid("select \xe2\x82", "0xe2 0x82");
}

TEST(QueryTextEncodingTest, RejectsOverlongSurrogatesAndOutOfRange) {
  expect_invalid("\xc0\x80", "0xc0 0x80");                    // overlong NUL
  expect_invalid("\xe0\x80\x80", "0xe0 0x80 0x80");           // overlong 3-byte
  expect_invalid("\xed\xa0\x80", "0xed 0xa0 0x80");           // UTF-16 surrogate
  expect_invalid("\xf4\x90\x80\x80", "0xf4 0x90 0x80 0x80");  // above U+10FFFF
  expect_invalid("\xf5\x80\x80\x80", "0xf5 0x80 0x80 0x80");
  expect_invalid("\xf8\x80", "0xf8");
  expect_invalid("a\x80", "0x80");                   // stray continuation byte
  expect_invalid("\xf0\x9d\x84", "0xf0 0x9d 0x84");  // truncated 4-byte sequence
}

TEST(QueryTextEncodingTest, RejectsNul) { expect_invalid("a\0b"s, "0x00"); }

}  // namespace
}  // namespace chalkdb
