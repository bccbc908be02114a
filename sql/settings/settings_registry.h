// SettingsRegistry: the one process-wide table of configuration settings (PostgreSQL's GUC
// table): every setting's definition and its server-wide value.
//
// Each layer registers the settings it owns at startup, either from a static object
//   static const SettingRegistration kDeadlockTimeout{{.name = "deadlock_timeout", ...}};
// (in a .cpp that is otherwise linked in: a static library drops unreferenced objects) or by
// calling SettingsRegistry::global().add(...) from its own startup code. The settings every
// client touches (server_version, DateStyle, work_mem, ...) are registered by sql/ itself.
// The config file and command line change the server-wide values with set_global(); each
// session layers its own values over them (SessionSettings). Lookups ignore case, as
// PostgreSQL's do. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sql/settings/setting_definition.h"
#include "sql/settings/setting_value.h"

namespace chalkdb {

class SettingsRegistry {
 public:
  // The process's registry, created (with the core settings) on first use.
  static SettingsRegistry& global();

  // An empty registry, for tests.
  SettingsRegistry() = default;
  SettingsRegistry(const SettingsRegistry&) = delete;
  SettingsRegistry& operator=(const SettingsRegistry&) = delete;

  // Adds a setting; its server-wide value starts as its boot value. Registering a name twice
  // is a programming error (std::logic_error).
  void add(SettingDefinition definition);

  // nullptr when no setting has this name (any case).
  const SettingDefinition* find(std::string_view name) const;

  // The definition, or SqlError 42704 `unrecognized configuration parameter "name"`.
  const SettingDefinition& get(std::string_view name) const;

  // Every definition, sorted by name ignoring case (SHOW ALL and pg_settings order).
  std::vector<const SettingDefinition*> all() const;

  // Sets the server-wide value (config file, command line), whatever the setting's context;
  // throws SqlError for an unknown name or a bad value.
  void set_global(std::string_view name, std::string_view value);

  SettingValue global_value(std::string_view name) const;
  SettingValue boot_value(std::string_view name) const;

 private:
  struct Entry {
    SettingDefinition definition;
    SettingValue boot;
    SettingValue global;
  };

  // Callers hold mutex_; entries are owned through pointers, so lookups may change them.
  Entry& entry(std::string_view name) const;

  mutable std::shared_mutex mutex_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;  // key: lower-case name
};

// Registers a setting in the global registry when constructed (for static registration).
class SettingRegistration {
 public:
  explicit SettingRegistration(SettingDefinition definition);
};

}  // namespace chalkdb
