#include "server/backend/startup_options.h"

#include <gtest/gtest.h>

namespace chalkdb {
namespace {

StartupMessage message_with(std::vector<std::pair<std::string, std::string>> parameters,
                            uint32_t version = 196608) {
  return StartupMessage{version, std::move(parameters)};
}

SqlError error_of(const std::function<void()>& body) {
  try {
    body();
  } catch (const SqlError& error) {
    return error;
  }
  ADD_FAILURE() << "no error";
  return SqlError(sqlstate::kInternalError, "none");
}

TEST(StartupOptionsTest, UserDatabaseAndApplicationName) {
  auto options = StartupOptions::from(
      message_with({{"user", "alice"}, {"database", "lab"}, {"application_name", "psql"}}));
  EXPECT_EQ(options.session_options().user, "alice");
  EXPECT_EQ(options.session_options().database, "lab");
  EXPECT_EQ(options.session_options().application_name, "psql");
  EXPECT_FALSE(options.needs_protocol_negotiation());
  EXPECT_TRUE(options.settings().empty());
}

TEST(StartupOptionsTest, DatabaseDefaultsToUserName) {
  auto options = StartupOptions::from(message_with({{"user", "alice"}}));
  EXPECT_EQ(options.session_options().database, "alice");
  EXPECT_EQ(options.session_options().application_name, "");
}

TEST(StartupOptionsTest, MissingOrEmptyUserIsFatal28000) {
  for (auto parameters : {std::vector<std::pair<std::string, std::string>>{{"database", "x"}},
                          std::vector<std::pair<std::string, std::string>>{{"user", ""}}}) {
    SqlError error = error_of([&] { StartupOptions::from(message_with(parameters)); });
    EXPECT_EQ(error.state, sqlstate::kInvalidAuthorizationSpecification);
    EXPECT_EQ(error.severity, Severity::Fatal);
    EXPECT_EQ(error.message, "no PostgreSQL user name specified in startup packet");
  }
}

TEST(StartupOptionsTest, NamesAreTruncatedToNamedatalen) {
  std::string long_name(100, 'u');
  auto options = StartupOptions::from(message_with({{"user", long_name}, {"database", long_name}}));
  EXPECT_EQ(options.session_options().user, std::string(63, 'u'));
  EXPECT_EQ(options.session_options().database, std::string(63, 'u'));
}

TEST(StartupOptionsTest, ApplicationNameKeepsPrintableAsciiOnly) {
  // PostgreSQL 15 turned "h\u00e9llo\x01" into "h??llo?" (one '?' per byte).
  auto options =
      StartupOptions::from(message_with({{"user", "u"}, {"application_name", "h\xc3\xa9llo\x01"}}));
  EXPECT_EQ(options.session_options().application_name, "h??llo?");
}

TEST(StartupOptionsTest, ProtocolExtensionsNeedNegotiation) {
  auto options = StartupOptions::from(message_with({{"user", "u"}, {"_pq_.foo", "x"}}));
  EXPECT_TRUE(options.needs_protocol_negotiation());
  EXPECT_EQ(options.unrecognized_protocol_options(), std::vector<std::string>{"_pq_.foo"});
  EXPECT_TRUE(options.settings().empty());

  auto newer = StartupOptions::from(message_with({{"user", "u"}}, 0x00030001));
  EXPECT_TRUE(newer.needs_protocol_negotiation());
}

TEST(StartupOptionsTest, CommandLineSettingsComeBeforeStartupParameters) {
  auto options = StartupOptions::from(message_with(
      {{"user", "u"},
       {"DateStyle", "SQL"},
       {"options", "-c datestyle=german --time-zone=Europe/Paris  -csearch_path=a\\ b"}}));
  std::vector<SettingAssignment> settings = options.settings();
  ASSERT_EQ(settings.size(), 4u);
  EXPECT_EQ(settings[0].name, "datestyle");
  EXPECT_EQ(settings[0].value, "german");
  EXPECT_EQ(settings[1].name, "time_zone");
  EXPECT_EQ(settings[1].value, "Europe/Paris");
  EXPECT_EQ(settings[2].name, "search_path");
  EXPECT_EQ(settings[2].value, "a b");
  EXPECT_EQ(settings[3].name, "DateStyle");
  EXPECT_EQ(settings[3].value, "SQL");
}

TEST(StartupOptionsTest, UnknownSwitchIsFatalLikePostgres) {
  auto options = StartupOptions::from(message_with({{"user", "u"}, {"options", "-x"}}));
  SqlError error = error_of([&] { options.settings(); });
  EXPECT_EQ(error.state, sqlstate::kSyntaxError);
  EXPECT_EQ(error.severity, Severity::Fatal);
  EXPECT_EQ(error.message, "invalid command-line argument for server process: -x");
  EXPECT_EQ(error.hint, "Try \"postgres --help\" for more information.");
}

TEST(StartupOptionsTest, EscapedBackslashEndsAtSpaceLikePostgres) {
  // PostgreSQL: `-c search_path=a\\ b` is "search_path=a\" followed by a stray "b".
  auto options =
      StartupOptions::from(message_with({{"user", "u"}, {"options", "-c search_path=a\\\\ b"}}));
  SqlError error = error_of([&] { options.settings(); });
  EXPECT_EQ(error.message, "invalid command-line argument for server process: b");
}

TEST(StartupOptionsTest, SwitchWithoutValueIsFatal) {
  auto long_form = StartupOptions::from(message_with({{"user", "u"}, {"options", "--work_mem"}}));
  EXPECT_EQ(error_of([&] { long_form.settings(); }).message, "--work_mem requires a value");
  auto short_form = StartupOptions::from(message_with({{"user", "u"}, {"options", "-c work_mem"}}));
  EXPECT_EQ(error_of([&] { short_form.settings(); }).message, "-c work_mem requires a value");
}

}  // namespace
}  // namespace chalkdb
