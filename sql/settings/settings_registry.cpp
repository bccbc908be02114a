#include "sql/settings/settings_registry.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/settings/core_settings.h"

namespace chalkdb {

namespace {

std::string lower_case(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

// The "current value" handed to the parser of a setting's boot value.
SettingValue empty_value(SettingType type) {
  switch (type) {
    case SettingType::Bool: return false;
    case SettingType::Int: return int64_t{0};
    case SettingType::Real: return 0.0;
    default: return std::string();
  }
}

}  // namespace

SettingsRegistry& SettingsRegistry::global() {
  static SettingsRegistry instance;
  static const bool core_registered = (register_core_settings(instance), true);
  (void)core_registered;
  return instance;
}

void SettingsRegistry::add(SettingDefinition definition) {
  auto entry = std::make_unique<Entry>();
  entry->boot = parse_setting_value(definition, definition.boot_value, empty_value(definition.type));
  entry->global = entry->boot;
  entry->definition = std::move(definition);
  std::string key = lower_case(entry->definition.name);
  std::unique_lock lock(mutex_);
  if (!entries_.emplace(key, std::move(entry)).second) {
    throw std::logic_error("setting registered twice: " + key);
  }
}

const SettingDefinition* SettingsRegistry::find(std::string_view name) const {
  std::shared_lock lock(mutex_);
  auto found = entries_.find(lower_case(name));
  return found == entries_.end() ? nullptr : &found->second->definition;
}

SettingsRegistry::Entry& SettingsRegistry::entry(std::string_view name) const {
  auto found = entries_.find(lower_case(name));
  if (found == entries_.end()) {
    throw SqlError(sqlstate::kUndefinedObject, fmt::format("unrecognized configuration parameter \"{}\"", name));
  }
  return *found->second;
}

const SettingDefinition& SettingsRegistry::get(std::string_view name) const {
  std::shared_lock lock(mutex_);
  return entry(name).definition;
}

std::vector<const SettingDefinition*> SettingsRegistry::all() const {
  std::shared_lock lock(mutex_);
  std::vector<const SettingDefinition*> definitions;
  for (const auto& [key, entry] : entries_) definitions.push_back(&entry->definition);
  return definitions;  // the map's lower-case keys give the case-insensitive order
}

void SettingsRegistry::set_global(std::string_view name, std::string_view value) {
  std::unique_lock lock(mutex_);
  Entry& target = entry(name);
  target.global = parse_setting_value(target.definition, value, target.global);
}

SettingValue SettingsRegistry::global_value(std::string_view name) const {
  std::shared_lock lock(mutex_);
  return entry(name).global;
}

SettingValue SettingsRegistry::boot_value(std::string_view name) const {
  std::shared_lock lock(mutex_);
  return entry(name).boot;
}

SettingRegistration::SettingRegistration(SettingDefinition definition) {
  SettingsRegistry::global().add(std::move(definition));
}

}  // namespace chalkdb
