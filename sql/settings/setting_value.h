// Setting values (SettingValue) parsed from and printed to text exactly as PostgreSQL's GUC
// code does it (parse_and_validate_value, _ShowOption).
//
// Parsing accepts what PostgreSQL accepts: booleans as on/off/true/false/yes/no/1/0 and their
// unique prefixes; integers in any C notation or as decimals (rounded), optionally followed by
// a unit ('64MB', '1.5s'); enum values in any case. SHOW prints integers in the largest unit
// that divides them ("4MB", "1s", "0"). Errors carry PostgreSQL's SQLSTATE, message and hint.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "sql/settings/setting_definition.h"

namespace chalkdb {

// `current` is the value being replaced (String check hooks may depend on it).
SettingValue parse_setting_value(const SettingDefinition& definition, std::string_view text,
                                 const SettingValue& current);

// The value as SHOW and current_setting() print it.
std::string show_setting_value(const SettingDefinition& definition, const SettingValue& value);

// The value as pg_settings.setting prints it: integers in the setting's own unit.
std::string raw_setting_value(const SettingDefinition& definition, const SettingValue& value);

}  // namespace chalkdb
