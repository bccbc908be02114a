#include "sql/settings/core_settings.h"

#include <cctype>
#include <climits>
#include <limits>
#include <tuple>
#include <utility>
#include <string>

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/settings/date_style.h"
#include "sql/settings/settings_registry.h"

namespace chalkdb {

namespace {

constexpr const char* kPreset = "Preset Options";
constexpr const char* kLocale = "Client Connection Defaults / Locale and Formatting";
constexpr const char* kStatement = "Client Connection Defaults / Statement Behavior";
constexpr const char* kMemory = "Resource Usage / Memory";
constexpr const char* kConnections = "Connections and Authentication / Connection Settings";
constexpr double kIntMax = INT_MAX;

const std::vector<std::string> kIsolationLevels = {"serializable", "repeatable read", "read committed",
                                                   "read uncommitted"};

// ChalkDB sends UTF-8 only; SQL_ASCII clients get the bytes unconverted, as in PostgreSQL.
std::string check_client_encoding(std::string_view value, std::string_view) {
  std::string cleaned;
  for (char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c))) cleaned += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (cleaned == "utf8" || cleaned == "unicode") return "UTF8";
  if (cleaned == "sqlascii") return "SQL_ASCII";
  throw SqlError(sqlstate::kInvalidParameterValue,
                 fmt::format("invalid value for parameter \"client_encoding\": \"{}\"", value));
}

// check_application_name(): anything but printable ASCII becomes '?'.
std::string clean_application_name(std::string_view value, std::string_view) {
  std::string cleaned(value);
  for (char& c : cleaned) {
    if (c < 32 || c > 126) c = '?';
  }
  return cleaned;
}

// The lexer never processes backslashes in '...' strings, so the setting cannot be off.
void require_standard_strings(const SettingValue& value) {
  if (!std::get<bool>(value)) {
    throw std::move(SqlError(sqlstate::kInvalidParameterValue,
                             "invalid value for parameter \"standard_conforming_strings\": \"off\"")
                        .with_detail("ChalkDB always treats backslashes in '...' strings literally."));
  }
}

SettingDefinition preset(std::string name, SettingType type, std::string value, std::string description) {
  SettingDefinition definition;
  definition.name = std::move(name);
  definition.type = type;
  definition.boot_value = std::move(value);
  definition.context = SettingContext::Internal;
  definition.category = kPreset;
  definition.description = std::move(description);
  return definition;
}

SettingDefinition user_setting(std::string name, SettingType type, std::string value, std::string category,
                               std::string description) {
  SettingDefinition definition;
  definition.name = std::move(name);
  definition.type = type;
  definition.boot_value = std::move(value);
  definition.context = SettingContext::User;
  definition.category = std::move(category);
  definition.description = std::move(description);
  return definition;
}

SettingDefinition integer(SettingDefinition definition, SettingUnit unit, double min, double max) {
  definition.unit = unit;
  definition.min = min;
  definition.max = max;
  return definition;
}

SettingDefinition reported(SettingDefinition definition) {
  definition.reported = true;
  return definition;
}

SettingDefinition in_context(SettingDefinition definition, SettingContext context) {
  definition.context = context;
  return definition;
}

void register_preset_options(SettingsRegistry& registry) {
  registry.add(reported(preset("server_version", SettingType::String, kPostgresServerVersion, "Shows the server version.")));
  registry.add(integer(preset("server_version_num", SettingType::Int, std::to_string(kPostgresServerVersionNum),
                              "Shows the server version as an integer."),
                       SettingUnit::None, kPostgresServerVersionNum, kPostgresServerVersionNum));
  registry.add(reported(preset("server_encoding", SettingType::String, "UTF8",
                               "Shows the server (database) character set encoding.")));
  registry.add(reported(preset("integer_datetimes", SettingType::Bool, "on", "Shows whether datetimes are integer based.")));
  registry.add(reported(preset("in_hot_standby", SettingType::Bool, "off", "Shows whether hot standby is currently active.")));
  SettingDefinition superuser = reported(preset("is_superuser", SettingType::Bool, "off",
                                                "Shows whether the current user is a superuser."));
  superuser.hidden = true;
  registry.add(std::move(superuser));
  SettingDefinition authorization = reported(in_context(
      user_setting("session_authorization", SettingType::String, "", "Ungrouped", "Sets the session user name."),
      SettingContext::Superuser));
  authorization.hidden = true;
  registry.add(std::move(authorization));
}

void register_locale_settings(SettingsRegistry& registry) {
  SettingDefinition encoding = reported(user_setting("client_encoding", SettingType::String, "UTF8", kLocale,
                                                     "Sets the client's character set encoding."));
  encoding.check = check_client_encoding;
  registry.add(std::move(encoding));
  SettingDefinition date_style = reported(user_setting("DateStyle", SettingType::String, "ISO, MDY", kLocale,
                                                       "Sets the display format for date and time values."));
  date_style.list = true;
  date_style.check = check_date_style;
  registry.add(std::move(date_style));
  SettingDefinition interval_style = reported(user_setting("IntervalStyle", SettingType::Enum, "postgres", kLocale,
                                                           "Sets the display format for interval values."));
  interval_style.enum_values = {"postgres", "postgres_verbose", "sql_standard", "iso_8601"};
  registry.add(std::move(interval_style));
  registry.add(reported(user_setting("TimeZone", SettingType::String, "Etc/UTC", kLocale,
                                     "Sets the time zone for displaying and interpreting time stamps.")));
  registry.add(integer(user_setting("extra_float_digits", SettingType::Int, "1", kLocale,
                                    "Sets the number of digits displayed for floating-point values."),
                       SettingUnit::None, -15, 3));
}

void register_client_settings(SettingsRegistry& registry) {
  SettingDefinition strings = reported(user_setting(
      "standard_conforming_strings", SettingType::Bool, "on",
      "Version and Platform Compatibility / Previous PostgreSQL Versions",
      "Causes '...' strings to treat backslashes literally."));
  strings.validate = require_standard_strings;
  registry.add(std::move(strings));
  SettingDefinition application = reported(user_setting("application_name", SettingType::String, "",
                                                        "Reporting and Logging / What to Log",
                                                        "Sets the application name to be reported in statistics and logs."));
  application.check = clean_application_name;
  registry.add(std::move(application));
  SettingDefinition search_path = user_setting("search_path", SettingType::String, "\"$user\", public", kStatement,
                                               "Sets the schema search order for names that are not schema-qualified.");
  search_path.list = true;
  search_path.quote_list_items = true;
  registry.add(std::move(search_path));
  SettingDefinition messages = user_setting("client_min_messages", SettingType::Enum, "notice", kStatement,
                                            "Sets the message levels that are sent to the client.");
  messages.enum_values = {"debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"};
  registry.add(std::move(messages));
}

void register_timeouts(SettingsRegistry& registry) {
  registry.add(integer(user_setting("statement_timeout", SettingType::Int, "0", kStatement,
                                    "Sets the maximum allowed duration of any statement."),
                       SettingUnit::Milliseconds, 0, kIntMax));
  registry.add(integer(user_setting("lock_timeout", SettingType::Int, "0", kStatement,
                                    "Sets the maximum allowed duration of any wait for a lock."),
                       SettingUnit::Milliseconds, 0, kIntMax));
  registry.add(integer(user_setting("idle_in_transaction_session_timeout", SettingType::Int, "0", kStatement,
                                    "Sets the maximum allowed idle time between queries, when in a transaction."),
                       SettingUnit::Milliseconds, 0, kIntMax));
}

void register_transaction_settings(SettingsRegistry& registry) {
  SettingDefinition default_isolation = user_setting("default_transaction_isolation", SettingType::Enum,
                                                     "read committed", kStatement,
                                                     "Sets the transaction isolation level of each new transaction.");
  default_isolation.enum_values = kIsolationLevels;
  registry.add(std::move(default_isolation));
  SettingDefinition isolation = user_setting("transaction_isolation", SettingType::Enum, "read committed", kStatement,
                                             "Sets the current transaction's isolation level.");
  isolation.enum_values = kIsolationLevels;
  isolation.transaction_default_from = "default_transaction_isolation";
  registry.add(std::move(isolation));
  registry.add(reported(user_setting("default_transaction_read_only", SettingType::Bool, "off", kStatement,
                                     "Sets the default read-only status of new transactions.")));
  SettingDefinition read_only = user_setting("transaction_read_only", SettingType::Bool, "off", kStatement,
                                             "Sets the current transaction's read-only status.");
  read_only.transaction_default_from = "default_transaction_read_only";
  registry.add(std::move(read_only));
  registry.add(user_setting("default_transaction_deferrable", SettingType::Bool, "off", kStatement,
                            "Sets the default deferrable status of new transactions."));
  SettingDefinition deferrable = user_setting(
      "transaction_deferrable", SettingType::Bool, "off", kStatement,
      "Whether to defer a read-only serializable transaction until it can be executed with no possible "
      "serialization failures.");
  deferrable.transaction_default_from = "default_transaction_deferrable";
  registry.add(std::move(deferrable));
}

// The planner's access-method switches (PostgreSQL's "Query Tuning / Planner Method
// Configuration").
void register_planner_method_settings(SettingsRegistry& registry) {
  const char* category = "Query Tuning / Planner Method Configuration";
  // PostgreSQL's descriptions; ChalkDB has no bitmap, index-only, merge-join or memoize plans,
  // so those switches are accepted and change nothing.
  const std::pair<const char*, const char*> switches[] = {
      {"enable_bitmapscan", "bitmap-scan plans"},
      {"enable_hashagg", "hashed aggregation plans"},
      {"enable_hashjoin", "hash join plans"},
      {"enable_indexonlyscan", "index-only-scan plans"},
      {"enable_indexscan", "index-scan plans"},
      {"enable_material", "materialization"},
      {"enable_memoize", "memoization"},
      {"enable_mergejoin", "merge join plans"},
      {"enable_nestloop", "nested-loop join plans"},
      {"enable_seqscan", "sequential-scan plans"},
      {"enable_sort", "explicit sort steps"},
  };
  for (const auto& [name, plans] : switches) {
    registry.add(user_setting(name, SettingType::Bool, "on", category,
                              fmt::format("Enables the planner's use of {}.", plans)));
  }
}

// The cost model's constants (PostgreSQL's "Query Tuning / Planner Cost Constants").
void register_planner_cost_settings(SettingsRegistry& registry) {
  const char* category = "Query Tuning / Planner Cost Constants";
  const std::tuple<const char*, const char*, const char*> constants[] = {
      {"seq_page_cost", "1", "Sets the planner's estimate of the cost of a sequentially fetched disk page."},
      {"random_page_cost", "4", "Sets the planner's estimate of the cost of a nonsequentially fetched disk page."},
      {"cpu_tuple_cost", "0.01", "Sets the planner's estimate of the cost of processing each tuple (row)."},
      {"cpu_index_tuple_cost", "0.005",
       "Sets the planner's estimate of the cost of processing each index entry during an index scan."},
      {"cpu_operator_cost", "0.0025",
       "Sets the planner's estimate of the cost of processing each operator or function call."},
  };
  for (const auto& [name, value, description] : constants) {
    SettingDefinition definition = user_setting(name, SettingType::Real, value, category, description);
    definition.min = 0;
    definition.max = std::numeric_limits<double>::max();
    registry.add(std::move(definition));
  }
}

// PostgreSQL's "Query Tuning / Other Planner Options" that prepared statements read.
void register_plan_cache_settings(SettingsRegistry& registry) {
  SettingDefinition mode = user_setting("plan_cache_mode", SettingType::Enum, "auto",
                                        "Query Tuning / Other Planner Options",
                                        "Controls the planner's selection of custom or generic plan.");
  mode.enum_values = {"auto", "force_generic_plan", "force_custom_plan"};
  registry.add(std::move(mode));
}

void register_resource_settings(SettingsRegistry& registry) {
  registry.add(integer(user_setting("work_mem", SettingType::Int, "4096", kMemory,
                                    "Sets the maximum memory to be used for query workspaces."),
                       SettingUnit::Kilobytes, 64, kIntMax));
  registry.add(integer(user_setting("maintenance_work_mem", SettingType::Int, "65536", kMemory,
                                    "Sets the maximum memory to be used for maintenance operations."),
                       SettingUnit::Kilobytes, 1024, kIntMax));
  registry.add(integer(in_context(user_setting("shared_buffers", SettingType::Int, "16384", kMemory,
                                               "Sets the number of shared memory buffers used by the server."),
                                  SettingContext::Postmaster),
                       SettingUnit::Blocks8kB, 16, 1073741823));
}

void register_connection_settings(SettingsRegistry& registry) {
  registry.add(integer(in_context(user_setting("max_connections", SettingType::Int, "100", kConnections,
                                               "Sets the maximum number of concurrent connections."),
                                  SettingContext::Postmaster),
                       SettingUnit::None, 1, 262143));
  registry.add(integer(in_context(user_setting("port", SettingType::Int, "5432", kConnections,
                                               "Sets the TCP port the server listens on."),
                                  SettingContext::Postmaster),
                       SettingUnit::None, 1, 65535));
  SettingDefinition listen = in_context(user_setting("listen_addresses", SettingType::String, "localhost",
                                                     kConnections, "Sets the host name or IP address(es) to listen to."),
                                        SettingContext::Postmaster);
  listen.list = true;
  registry.add(std::move(listen));
}

}  // namespace

void register_core_settings(SettingsRegistry& registry) {
  register_preset_options(registry);
  register_locale_settings(registry);
  register_client_settings(registry);
  register_timeouts(registry);
  register_transaction_settings(registry);
  register_resource_settings(registry);
  register_planner_method_settings(registry);
  register_planner_cost_settings(registry);
  register_plan_cache_settings(registry);
  register_connection_settings(registry);
}

}  // namespace chalkdb
