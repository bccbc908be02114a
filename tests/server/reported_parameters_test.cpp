#include "server/backend/reported_parameters.h"

#include <gtest/gtest.h>

#include "server/protocol/message_reader.h"

namespace chalkdb {
namespace {

std::vector<std::pair<std::string, std::string>> decode(const std::string& bytes) {
  std::vector<std::pair<std::string, std::string>> parameters;
  MessageReader reader(bytes);
  while (reader.remaining() > 0) {
    EXPECT_EQ(reader.get_byte(), 'S');
    reader.get_int32();
    std::string name(reader.get_cstring());
    parameters.emplace_back(name, std::string(reader.get_cstring()));
  }
  return parameters;
}

// Order and values as PostgreSQL 15 sent them to psql (compat/psql.md), apart from
// server_version's distribution suffix.
TEST(ReportedParametersTest, PostgresOrderAndDefaults) {
  SessionOptions session;
  session.user = "alice";
  session.application_name = "psql";
  BackendMessageWriter out;
  ReportedParameters(session).write_to(out);
  std::vector<std::pair<std::string, std::string>> expected = {
      {"application_name", "psql"},
      {"client_encoding", "UTF8"},
      {"DateStyle", "ISO, MDY"},
      {"default_transaction_read_only", "off"},
      {"in_hot_standby", "off"},
      {"integer_datetimes", "on"},
      {"IntervalStyle", "postgres"},
      {"is_superuser", "on"},
      {"server_encoding", "UTF8"},
      {"server_version", "15.18"},
      {"session_authorization", "alice"},
      {"standard_conforming_strings", "on"},
      {"TimeZone", "Etc/UTC"},
  };
  EXPECT_EQ(decode(out.buffer()), expected);
}

TEST(ReportedParametersTest, SetIsCaseInsensitiveAndIgnoresOthers) {
  ReportedParameters reported{SessionOptions{}};
  reported.set("datestyle", "SQL, DMY");
  reported.set("work_mem", "64MB");
  ASSERT_NE(reported.find("DateStyle"), nullptr);
  EXPECT_EQ(*reported.find("DATESTYLE"), "SQL, DMY");
  EXPECT_TRUE(reported.is_reported("timezone"));
  EXPECT_FALSE(reported.is_reported("work_mem"));
}

}  // namespace
}  // namespace chalkdb
