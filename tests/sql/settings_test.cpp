// Settings tests: the registry, value parsing and SHOW formatting, session layering with SET /
// RESET / SET LOCAL and transactions, and PostgreSQL's errors. Expected SHOW texts and error
// messages were captured from PostgreSQL 15.18.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/settings/session_settings.h"
#include "sql/settings/settings_registry.h"

namespace chalkdb {
namespace {

struct Error {
  std::string sqlstate;
  std::string message;
  std::string hint;
  std::string detail;
};

template <typename Action>
Error error_of(Action action) {
  try {
    action();
  } catch (const SqlError& error) {
    return {std::string(error.state.code), error.message, error.hint.value_or(""), error.detail.value_or("")};
  }
  return {"", "no error", "", ""};
}

// SHOW name after SET name = value in a fresh session.
std::string shown_after_set(const std::string& name, const std::vector<std::string>& values) {
  SessionSettings settings;
  settings.set(name, values);
  return settings.show(name);
}

std::string shown_after_set(const std::string& name, const std::string& value) {
  return shown_after_set(name, std::vector<std::string>{value});
}

TEST(SettingsRegistry, CoreSettingsAreRegisteredWithPostgresDefaults) {
  SessionSettings settings;
  EXPECT_EQ(settings.show("server_version"), "15.18");
  EXPECT_EQ(settings.show("server_version_num"), "150018");
  EXPECT_EQ(settings.show("server_encoding"), "UTF8");
  EXPECT_EQ(settings.show("client_encoding"), "UTF8");
  EXPECT_EQ(settings.show("DateStyle"), "ISO, MDY");
  EXPECT_EQ(settings.show("IntervalStyle"), "postgres");
  EXPECT_EQ(settings.show("TimeZone"), "Etc/UTC");
  EXPECT_EQ(settings.show("integer_datetimes"), "on");
  EXPECT_EQ(settings.show("standard_conforming_strings"), "on");
  EXPECT_EQ(settings.show("application_name"), "");
  EXPECT_EQ(settings.show("search_path"), "\"$user\", public");
  EXPECT_EQ(settings.show("extra_float_digits"), "1");
  EXPECT_EQ(settings.show("statement_timeout"), "0");
  EXPECT_EQ(settings.show("lock_timeout"), "0");
  EXPECT_EQ(settings.show("work_mem"), "4MB");
  EXPECT_EQ(settings.show("maintenance_work_mem"), "64MB");
  EXPECT_EQ(settings.show("max_connections"), "100");
  EXPECT_EQ(settings.show("shared_buffers"), "128MB");
  EXPECT_EQ(settings.show("port"), "5432");
  EXPECT_EQ(settings.show("listen_addresses"), "localhost");
  EXPECT_EQ(settings.show("default_transaction_isolation"), "read committed");
  EXPECT_EQ(settings.show("transaction_isolation"), "read committed");
  EXPECT_EQ(settings.show("client_min_messages"), "notice");
}

TEST(SettingsRegistry, DefinitionsMatchPgSettings) {
  const SettingsRegistry& registry = SettingsRegistry::global();
  const SettingDefinition& work_mem = registry.get("WORK_MEM");
  EXPECT_EQ(work_mem.name, "work_mem");
  EXPECT_EQ(type_name(work_mem.type), "integer");
  EXPECT_EQ(unit_name(work_mem.unit), "kB");
  EXPECT_EQ(work_mem.min, 64);
  EXPECT_EQ(work_mem.max, 2147483647);
  EXPECT_EQ(context_name(work_mem.context), "user");
  EXPECT_EQ(work_mem.category, "Resource Usage / Memory");
  EXPECT_EQ(work_mem.description, "Sets the maximum memory to be used for query workspaces.");
  const SettingDefinition& buffers = registry.get("shared_buffers");
  EXPECT_EQ(unit_name(buffers.unit), "8kB");
  EXPECT_EQ(context_name(buffers.context), "postmaster");
  EXPECT_EQ(raw_setting_value(buffers, registry.global_value("shared_buffers")), "16384");
  EXPECT_EQ(registry.get("datestyle").name, "DateStyle");
  EXPECT_TRUE(registry.get("DateStyle").reported);
  EXPECT_FALSE(registry.get("work_mem").reported);
  EXPECT_EQ(registry.find("no_such_setting"), nullptr);
}

TEST(SettingsRegistry, AllIsSortedIgnoringCase) {
  std::vector<const SettingDefinition*> all = SettingsRegistry::global().all();
  ASSERT_GT(all.size(), 20u);
  for (size_t i = 1; i < all.size(); ++i) {
    std::string previous = all[i - 1]->name, current = all[i]->name;
    for (char& c : previous) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : current) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_LT(previous, current);
  }
}

TEST(SettingsRegistry, RegistrationAndGlobalValues) {
  SettingsRegistry registry;
  SettingDefinition timeout;
  timeout.name = "deadlock_timeout";
  timeout.type = SettingType::Int;
  timeout.boot_value = "1000";
  timeout.unit = SettingUnit::Milliseconds;
  timeout.min = 1;
  timeout.max = 2147483647;
  timeout.context = SettingContext::Superuser;
  registry.add(timeout);
  EXPECT_THROW(registry.add(timeout), std::logic_error);

  SessionSettings settings(registry);
  EXPECT_EQ(settings.show("deadlock_timeout"), "1s");
  registry.set_global("deadlock_timeout", "250ms");  // e.g. from the config file
  EXPECT_EQ(settings.show("deadlock_timeout"), "250ms");
  EXPECT_EQ(settings.get_int("deadlock_timeout"), 250);
  EXPECT_EQ(std::get<int64_t>(registry.boot_value("deadlock_timeout")), 1000);
  EXPECT_EQ(error_of([&] { registry.set_global("deadlock_timeout", "0"); }).message,
            "0 ms is outside the valid range for parameter \"deadlock_timeout\" (1 .. 2147483647)");
}

TEST(SettingsRegistry, StaticRegistrationAddsToTheGlobalRegistry) {
  SettingDefinition definition;
  definition.name = "chalkdb_test_static_setting";
  definition.type = SettingType::Bool;
  definition.boot_value = "on";
  static const SettingRegistration registration{definition};
  SessionSettings settings;
  EXPECT_EQ(settings.show("chalkdb_test_static_setting"), "on");
}

TEST(SettingsValues, IntegersWithUnits) {
  EXPECT_EQ(shown_after_set("work_mem", "64MB"), "64MB");
  EXPECT_EQ(shown_after_set("work_mem", "65"), "65kB");
  EXPECT_EQ(shown_after_set("work_mem", "1536kB"), "1536kB");
  EXPECT_EQ(shown_after_set("work_mem", "1.5MB"), "1536kB");
  EXPECT_EQ(shown_after_set("work_mem", "100000B"), "98kB");
  EXPECT_EQ(shown_after_set("work_mem", "1GB"), "1GB");
  EXPECT_EQ(shown_after_set("work_mem", "0x100"), "256kB");
  EXPECT_EQ(shown_after_set("work_mem", " 2048 "), "2MB");
  EXPECT_EQ(shown_after_set("work_mem", "1e3"), "1000kB");
  EXPECT_EQ(shown_after_set("maintenance_work_mem", "1TB"), "1TB");
  EXPECT_EQ(shown_after_set("statement_timeout", "1.5s"), "1500ms");
  EXPECT_EQ(shown_after_set("statement_timeout", "0.5ms"), "0");
  EXPECT_EQ(shown_after_set("statement_timeout", "60s"), "1min");
  EXPECT_EQ(shown_after_set("statement_timeout", "90s"), "90s");
  EXPECT_EQ(shown_after_set("statement_timeout", "2h"), "2h");
  EXPECT_EQ(shown_after_set("statement_timeout", "1d"), "1d");
  EXPECT_EQ(shown_after_set("statement_timeout", "1500us"), "2ms");
  EXPECT_EQ(shown_after_set("statement_timeout", "1000"), "1s");
  EXPECT_EQ(shown_after_set("lock_timeout", "3600000"), "1h");
  EXPECT_EQ(shown_after_set("extra_float_digits", "1.5"), "2");
  EXPECT_EQ(shown_after_set("extra_float_digits", "-3"), "-3");
  SessionSettings settings;
  settings.set("work_mem", "64MB");
  EXPECT_EQ(settings.get_int("work_mem"), 65536);
  settings.set("statement_timeout", "2s");
  EXPECT_EQ(settings.get_int("statement_timeout"), 2000);
}

TEST(SettingsValues, BooleansEnumsAndStrings) {
  EXPECT_EQ(shown_after_set("standard_conforming_strings", "t"), "on");
  EXPECT_EQ(shown_after_set("default_transaction_read_only", "of"), "off");
  EXPECT_EQ(shown_after_set("default_transaction_read_only", "YES"), "on");
  EXPECT_EQ(shown_after_set("default_transaction_read_only", "1"), "on");
  EXPECT_EQ(shown_after_set("client_min_messages", "WARNING"), "warning");
  EXPECT_EQ(shown_after_set("default_transaction_isolation", "REPEATABLE READ"), "repeatable read");
  EXPECT_EQ(shown_after_set("IntervalStyle", "ISO_8601"), "iso_8601");
  EXPECT_EQ(shown_after_set("application_name", "héllo"), "h??llo");
  EXPECT_EQ(shown_after_set("client_encoding", "utf-8"), "UTF8");
  EXPECT_EQ(shown_after_set("client_encoding", "Unicode"), "UTF8");
  EXPECT_EQ(shown_after_set("TimeZone", "UTC"), "UTC");
  SessionSettings settings;
  settings.set("default_transaction_read_only", "on");
  EXPECT_TRUE(settings.get_bool("default_transaction_read_only"));
  EXPECT_EQ(settings.get_string("client_min_messages"), "notice");
}

TEST(SettingsValues, ListSettings) {
  EXPECT_EQ(shown_after_set("search_path", std::vector<std::string>{"$user", "public", "My Schema", "x_1"}),
            "\"$user\", public, \"My Schema\", x_1");
  EXPECT_EQ(shown_after_set("search_path", ""), "\"\"");
  EXPECT_EQ(shown_after_set("DateStyle", std::vector<std::string>{"iso", "dmy"}), "ISO, DMY");
}

TEST(SettingsValues, DateStyle) {
  EXPECT_EQ(shown_after_set("DateStyle", "dmy"), "ISO, DMY");
  EXPECT_EQ(shown_after_set("DateStyle", "iso"), "ISO, MDY");
  EXPECT_EQ(shown_after_set("DateStyle", "euro"), "ISO, DMY");
  EXPECT_EQ(shown_after_set("DateStyle", "US, ISO"), "ISO, MDY");
  EXPECT_EQ(shown_after_set("DateStyle", "default"), "ISO, MDY");
  SessionSettings settings;
  settings.set("datestyle", "ymd");
  settings.set("datestyle", "iso");  // keeps the order set before
  EXPECT_EQ(settings.show("DateStyle"), "ISO, YMD");
  Error unknown = error_of([] { shown_after_set("DateStyle", "foo"); });
  EXPECT_EQ(unknown.sqlstate, "22023");
  EXPECT_EQ(unknown.message, "invalid value for parameter \"DateStyle\": \"foo\"");
  EXPECT_EQ(unknown.detail, "Unrecognized key word: \"foo\".");
  Error conflict = error_of([] { shown_after_set("DateStyle", "iso, dmy, mdy"); });
  EXPECT_EQ(conflict.message, "invalid value for parameter \"DateStyle\": \"iso, dmy, mdy\"");
  EXPECT_EQ(conflict.detail, "Conflicting \"datestyle\" specifications.");
  EXPECT_EQ(error_of([] { shown_after_set("DateStyle", "German"); }).sqlstate, "22023");
}

TEST(SettingsErrors, MatchPostgres) {
  SessionSettings settings;
  auto set = [&](const std::string& name, const std::string& value) {
    return error_of([&] { settings.set(name, value); });
  };
  Error unknown = set("foo", "1");
  EXPECT_EQ(unknown.sqlstate, "42704");
  EXPECT_EQ(unknown.message, "unrecognized configuration parameter \"foo\"");
  EXPECT_EQ(error_of([&] { settings.show("foo"); }).message, "unrecognized configuration parameter \"foo\"");
  EXPECT_EQ(error_of([&] { settings.reset("foo"); }).sqlstate, "42704");

  Error bad_int = set("work_mem", "abc");
  EXPECT_EQ(bad_int.sqlstate, "22023");
  EXPECT_EQ(bad_int.message, "invalid value for parameter \"work_mem\": \"abc\"");
  EXPECT_EQ(set("work_mem", "true").message, "invalid value for parameter \"work_mem\": \"true\"");
  EXPECT_EQ(set("work_mem", "").message, "invalid value for parameter \"work_mem\": \"\"");
  Error bad_unit = set("work_mem", "64kb");
  EXPECT_EQ(bad_unit.message, "invalid value for parameter \"work_mem\": \"64kb\"");
  EXPECT_EQ(bad_unit.hint, "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
  EXPECT_EQ(set("statement_timeout", "5 days").hint,
            "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
  EXPECT_EQ(set("work_mem", "10").message,
            "10 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  EXPECT_EQ(set("work_mem", "1.5").message,
            "2 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  EXPECT_EQ(set("work_mem", "-64kB").message,
            "-64 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  EXPECT_EQ(set("work_mem", "100B").message,
            "0 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  EXPECT_EQ(set("lock_timeout", "-1").message,
            "-1 ms is outside the valid range for parameter \"lock_timeout\" (0 .. 2147483647)");
  EXPECT_EQ(set("extra_float_digits", "4").message,
            "4 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
  EXPECT_EQ(set("extra_float_digits", "x").message, "invalid value for parameter \"extra_float_digits\": \"x\"");
  Error overflow = set("work_mem", "2147483648");
  EXPECT_EQ(overflow.message, "invalid value for parameter \"work_mem\": \"2147483648\"");
  EXPECT_EQ(overflow.hint, "Value exceeds integer range.");

  EXPECT_EQ(set("standard_conforming_strings", "maybe").message,
            "parameter \"standard_conforming_strings\" requires a Boolean value");
  EXPECT_EQ(set("standard_conforming_strings", "2").message,
            "parameter \"standard_conforming_strings\" requires a Boolean value");
  Error bad_enum = set("client_min_messages", "foo");
  EXPECT_EQ(bad_enum.message, "invalid value for parameter \"client_min_messages\": \"foo\"");
  EXPECT_EQ(bad_enum.hint, "Available values: debug5, debug4, debug3, debug2, debug1, log, notice, warning, error.");
  EXPECT_EQ(set("default_transaction_isolation", "foo").hint,
            "Available values: serializable, repeatable read, read committed, read uncommitted.");

  Error several = error_of([&] { settings.set("work_mem", std::vector<std::string>{"64", "65"}); });
  EXPECT_EQ(several.sqlstate, "22023");
  EXPECT_EQ(several.message, "SET work_mem takes only one argument");
}

TEST(SettingsErrors, ContextsForbidChanges) {
  SessionSettings settings;
  Error restart = error_of([&] { settings.set("shared_buffers", "1GB"); });
  EXPECT_EQ(restart.sqlstate, "55P02");
  EXPECT_EQ(restart.message, "parameter \"shared_buffers\" cannot be changed without restarting the server");
  EXPECT_EQ(error_of([&] { settings.set("max_connections", "5"); }).message,
            "parameter \"max_connections\" cannot be changed without restarting the server");
  EXPECT_EQ(error_of([&] { settings.set("port", "5"); }).message,
            "parameter \"port\" cannot be changed without restarting the server");
  Error internal = error_of([&] { settings.set("server_version", "x"); });
  EXPECT_EQ(internal.sqlstate, "55P02");
  EXPECT_EQ(internal.message, "parameter \"server_version\" cannot be changed");
  EXPECT_EQ(error_of([&] { settings.set("integer_datetimes", "off"); }).message,
            "parameter \"integer_datetimes\" cannot be changed");
  EXPECT_EQ(error_of([&] { settings.reset("shared_buffers"); }).sqlstate, "55P02");
  EXPECT_EQ(error_of([&] { settings.set_session_default("port", "1"); }).sqlstate, "55P02");

  SettingsRegistry registry;
  SettingDefinition superuser_only;
  superuser_only.name = "log_lock_waits";
  superuser_only.type = SettingType::Bool;
  superuser_only.boot_value = "off";
  superuser_only.context = SettingContext::Superuser;
  registry.add(superuser_only);
  SessionSettings ordinary_user(registry, /*superuser=*/false);
  Error denied = error_of([&] { ordinary_user.set("log_lock_waits", "on"); });
  EXPECT_EQ(denied.sqlstate, "42501");
  EXPECT_EQ(denied.message, "permission denied to set parameter \"log_lock_waits\"");
  SessionSettings superuser(registry, /*superuser=*/true);
  EXPECT_TRUE(superuser.set("log_lock_waits", "on"));
}

TEST(SettingsErrors, StandardConformingStringsStaysOn) {
  SessionSettings settings;
  EXPECT_NO_THROW(settings.set("standard_conforming_strings", "on"));
  EXPECT_EQ(error_of([&] { settings.set("standard_conforming_strings", "off"); }).sqlstate, "22023");
}

TEST(SessionSettingsTest, SetResetAndDefault) {
  SessionSettings settings;
  settings.set("work_mem", "64MB");
  EXPECT_EQ(settings.show("work_mem"), "64MB");
  settings.reset("work_mem");
  EXPECT_EQ(settings.show("work_mem"), "4MB");
  settings.set("work_mem", "64MB");
  settings.set("work_mem", std::vector<std::string>{});  // SET work_mem TO DEFAULT
  EXPECT_EQ(settings.show("work_mem"), "4MB");
  settings.set("work_mem", "8MB");
  settings.set("statement_timeout", "1s");
  settings.reset("all");
  EXPECT_EQ(settings.show("work_mem"), "4MB");
  EXPECT_EQ(settings.show("statement_timeout"), "0");
}

TEST(SessionSettingsTest, SessionsAreIndependent) {
  SessionSettings first, second;
  first.set("work_mem", "64MB");
  EXPECT_EQ(first.show("work_mem"), "64MB");
  EXPECT_EQ(second.show("work_mem"), "4MB");
}

TEST(SessionSettingsTest, StartupOptionsBecomeTheResetValue) {
  SessionSettings settings;
  settings.set_session_default("DateStyle", "ISO, DMY");
  settings.set_session_default("application_name", "psql");
  EXPECT_EQ(settings.show("DateStyle"), "ISO, DMY");
  settings.set("DateStyle", "mdy");
  EXPECT_EQ(settings.show("DateStyle"), "ISO, MDY");
  settings.reset("DateStyle");
  EXPECT_EQ(settings.show("DateStyle"), "ISO, DMY");
  EXPECT_EQ(settings.show("application_name"), "psql");
  settings.set_internal("is_superuser", "on");
  EXPECT_EQ(settings.show("is_superuser"), "on");
}

TEST(SessionSettingsTest, SetInAnAbortedTransactionIsUndone) {
  SessionSettings settings;
  settings.set("work_mem", "8MB");
  settings.begin_transaction();
  settings.set("work_mem", "64MB");
  EXPECT_EQ(settings.show("work_mem"), "64MB");
  settings.end_transaction(/*committed=*/false);
  EXPECT_EQ(settings.show("work_mem"), "8MB");

  settings.begin_transaction();
  settings.set("work_mem", "64MB");
  settings.end_transaction(/*committed=*/true);
  EXPECT_EQ(settings.show("work_mem"), "64MB");
}

TEST(SessionSettingsTest, SetLocalLastsForTheTransaction) {
  SessionSettings settings;
  EXPECT_FALSE(settings.set("work_mem", "1MB", /*local=*/true));  // no transaction block: no effect
  EXPECT_EQ(settings.show("work_mem"), "4MB");
  settings.begin_transaction();
  EXPECT_TRUE(settings.set("work_mem", "64kB", /*local=*/true));
  EXPECT_EQ(settings.show("work_mem"), "64kB");
  EXPECT_EQ(settings.get_int("work_mem"), 64);
  settings.end_transaction(/*committed=*/true);
  EXPECT_EQ(settings.show("work_mem"), "4MB");

  // A plain SET after SET LOCAL in the same transaction wins and survives the commit.
  settings.begin_transaction();
  settings.set("work_mem", "1MB", /*local=*/true);
  settings.set("work_mem", "2MB");
  settings.end_transaction(/*committed=*/true);
  EXPECT_EQ(settings.show("work_mem"), "2MB");
}

TEST(SessionSettingsTest, TransactionIsolationIsPerTransaction) {
  SessionSettings settings;
  EXPECT_FALSE(settings.set("transaction_isolation", "serializable"));  // outside a block
  EXPECT_EQ(settings.show("transaction_isolation"), "read committed");
  settings.set("default_transaction_isolation", "repeatable read");
  EXPECT_EQ(settings.show("transaction_isolation"), "repeatable read");
  settings.begin_transaction();
  EXPECT_EQ(settings.show("transaction_isolation"), "repeatable read");
  EXPECT_TRUE(settings.set("transaction_isolation", "serializable"));
  EXPECT_EQ(settings.show("transaction_isolation"), "serializable");
  settings.end_transaction(/*committed=*/true);
  EXPECT_EQ(settings.show("transaction_isolation"), "repeatable read");
}

TEST(SessionSettingsTest, TransactionSettingsKeepTheirStartValue) {
  SessionSettings settings;
  settings.begin_transaction();
  // Changing the default inside the transaction does not change this transaction's level,
  // whether or not the level was read before.
  settings.set("default_transaction_isolation", "serializable");
  EXPECT_EQ(settings.show("transaction_isolation"), "read committed");
  EXPECT_EQ(settings.show("default_transaction_isolation"), "serializable");
  settings.end_transaction(/*committed=*/true);
  settings.begin_transaction();
  EXPECT_EQ(settings.show("transaction_isolation"), "serializable");
  settings.reset("default_transaction_isolation");
  EXPECT_EQ(settings.show("transaction_isolation"), "serializable");
  settings.end_transaction(/*committed=*/false);
  // The rollback undid the RESET.
  EXPECT_EQ(settings.show("default_transaction_isolation"), "serializable");
}

TEST(SessionSettingsTest, ReportedChanges) {
  SessionSettings settings;
  std::vector<std::pair<std::string, std::string>> initial = settings.take_reported_changes();
  EXPECT_GE(initial.size(), 10u);
  EXPECT_NE(std::find(initial.begin(), initial.end(), std::make_pair(std::string("DateStyle"), std::string("ISO, MDY"))),
            initial.end());
  EXPECT_TRUE(settings.take_reported_changes().empty());
  settings.set("work_mem", "8MB");  // not reported
  settings.set("application_name", "lab");
  settings.set("DateStyle", "ISO, MDY");  // unchanged value
  EXPECT_EQ(settings.take_reported_changes(),
            (std::vector<std::pair<std::string, std::string>>{{"application_name", "lab"}}));
}

TEST(SessionSettingsTest, CustomPlaceholderSettings) {
  SessionSettings settings;
  EXPECT_EQ(error_of([&] { settings.show("my.custom"); }).message, "unrecognized configuration parameter \"my.custom\"");
  settings.set("my.custom", "v");
  EXPECT_EQ(settings.show("my.custom"), "v");
  EXPECT_EQ(settings.show("MY.CUSTOM"), "v");
  settings.reset("my.custom");
  EXPECT_EQ(settings.show("my.custom"), "");
  settings.reset("my.other");  // allowed, as in PostgreSQL
  EXPECT_EQ(error_of([&] { settings.set("nodot", "1"); }).sqlstate, "42704");
  SessionSettings other;
  EXPECT_EQ(error_of([&] { other.show("my.custom"); }).sqlstate, "42704");
}

TEST(SessionSettingsTest, ShowAllSkipsHiddenSettings) {
  SessionSettings settings;
  std::vector<SessionSettings::ShowRow> rows = settings.show_all();
  bool has_work_mem = false;
  for (const auto& row : rows) {
    EXPECT_NE(row.name, "is_superuser");
    if (row.name == "work_mem") {
      has_work_mem = true;
      EXPECT_EQ(row.setting, "4MB");
      EXPECT_EQ(row.description, "Sets the maximum memory to be used for query workspaces.");
    }
  }
  EXPECT_TRUE(has_work_mem);
}

}  // namespace
}  // namespace chalkdb
