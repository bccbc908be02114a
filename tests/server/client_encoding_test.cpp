#include "server/backend/client_encoding.h"

#include <gtest/gtest.h>

#include "sql/error/sql_error.h"

namespace chalkdb {
namespace {

TEST(ClientEncodingTest, Utf8SpellingsAreAccepted) {
  EXPECT_EQ(resolve_client_encoding("UTF8"), "UTF8");
  EXPECT_EQ(resolve_client_encoding("utf-8"), "UTF8");
  EXPECT_EQ(resolve_client_encoding("Unicode"), "UTF8");
}

TEST(ClientEncodingTest, SqlAsciiIsPassedThrough) {
  // psql on a terminal with the C locale asks for SQL_ASCII.
  EXPECT_EQ(resolve_client_encoding("sql_ascii"), "SQL_ASCII");
  EXPECT_EQ(resolve_client_encoding("SQL_ASCII"), "SQL_ASCII");
}

TEST(ClientEncodingTest, UnknownNameIs22023LikePostgres) {
  try {
    resolve_client_encoding("foo");
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kInvalidParameterValue);
    EXPECT_EQ(error.severity, Severity::Fatal);
    EXPECT_EQ(error.message, "invalid value for parameter \"client_encoding\": \"foo\"");
  }
}

TEST(ClientEncodingTest, ConvertingEncodingsAreNotSupported) {
  try {
    resolve_client_encoding("iso-8859-1");
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kFeatureNotSupported);
    EXPECT_EQ(error.message, "conversion between LATIN1 and UTF8 is not supported");
  }
  // PostgreSQL's own wording for an encoding it cannot convert either.
  try {
    resolve_client_encoding("MULE_INTERNAL");
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.message, "conversion between MULE_INTERNAL and UTF8 is not supported");
  }
}

}  // namespace
}  // namespace chalkdb
