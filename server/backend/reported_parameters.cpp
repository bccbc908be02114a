#include "server/backend/reported_parameters.h"

#include <algorithm>
#include <cctype>

#include "sql/settings/setting_value.h"
#include "sql/settings/settings_registry.h"

namespace chalkdb {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

ReportedParameters::ReportedParameters(const SessionOptions& session) {
  const SettingsRegistry& registry = SettingsRegistry::global();
  for (const SettingDefinition* definition : registry.all()) {
    if (!definition->reported) continue;
    parameters_.emplace_back(
        definition->name, show_setting_value(*definition, registry.global_value(definition->name)));
  }
  set("application_name", session.application_name);
  set("session_authorization", session.user);
  set("is_superuser", "on");
}

void ReportedParameters::set(std::string_view name, std::string value) {
  for (auto& [reported_name, reported_value] : parameters_) {
    if (same_name(reported_name, name)) reported_value = std::move(value);
  }
}

bool ReportedParameters::is_reported(std::string_view name) const { return find(name) != nullptr; }

const std::string* ReportedParameters::find(std::string_view name) const {
  for (const auto& [reported_name, reported_value] : parameters_) {
    if (same_name(reported_name, name)) return &reported_value;
  }
  return nullptr;
}

void ReportedParameters::write_to(BackendMessageWriter& out) const {
  for (const auto& [name, value] : parameters_) out.parameter_status(name, value);
}

}  // namespace chalkdb
