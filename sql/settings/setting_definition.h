// SettingDefinition: what one configuration setting is — PostgreSQL's GUC record (name, type,
// unit, range, context, category, description and flags), as pg_settings shows it.
//
// Each layer describes its own settings this way and adds them to the SettingsRegistry.
// Values are written as PostgreSQL writes them in postgresql.conf or SET ('4MB', '1s', 'on');
// integer settings hold their value in the setting's unit (kB for work_mem, 8kB blocks for
// shared_buffers, ms for statement_timeout), exactly like PostgreSQL's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chalkdb {

enum class SettingType { Bool, Int, Real, String, Enum };

// bool for Bool, int64_t for Int (in the setting's unit), double for Real, std::string for
// String and Enum (the canonical spelling).
using SettingValue = std::variant<bool, int64_t, double, std::string>;

// The unit integer and real settings are stored in (pg_settings.unit).
enum class SettingUnit { None, Bytes, Kilobytes, Megabytes, Blocks8kB, Milliseconds, Seconds, Minutes };

// When a setting may change (pg_settings.context), from the strictest to the loosest.
enum class SettingContext { Internal, Postmaster, Sighup, Superuser, User };

struct SettingDefinition {
  std::string name;  // canonical spelling, e.g. "DateStyle"; lookups ignore case
  SettingType type = SettingType::String;
  std::string boot_value;  // the built-in default, written as a SET value
  SettingUnit unit = SettingUnit::None;
  double min = 0;  // Int and Real only
  double max = 0;
  std::vector<std::string> enum_values;  // Enum only, in pg_settings.enumvals order
  SettingContext context = SettingContext::User;
  std::string category;     // "Resource Usage / Memory"
  std::string description;  // pg_settings.short_desc
  bool reported = false;    // sent to the client in ParameterStatus when it changes (GUC_REPORT)
  bool list = false;        // SET takes several values, joined with ", " (GUC_LIST_INPUT)
  bool quote_list_items = false;  // list items are quoted as identifiers (GUC_LIST_QUOTE)
  bool hidden = false;            // left out of SHOW ALL (GUC_NO_SHOW_ALL)
  // The setting lives for one transaction at a time (transaction_isolation): SET changes it
  // only inside a transaction block, and it starts each transaction from this setting.
  std::string transaction_default_from;
  // Validates a String setting's value and returns its canonical form (DateStyle "iso" ->
  // "ISO, MDY"); `current` is the value being replaced. Throws SqlError to refuse it.
  std::function<std::string(std::string_view value, std::string_view current)> check;
  // Refuses a parsed value of any type ChalkDB cannot honour (throws SqlError).
  std::function<void(const SettingValue& value)> validate;
};

// pg_settings.unit: "kB", "8kB", "ms", ...; empty for SettingUnit::None.
std::string_view unit_name(SettingUnit unit);
std::string_view type_name(SettingType type);        // "bool", "integer", "real", "string", "enum"
std::string_view context_name(SettingContext context);  // "postmaster", "user", ...

}  // namespace chalkdb
