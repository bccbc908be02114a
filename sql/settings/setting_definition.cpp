#include "sql/settings/setting_definition.h"

namespace chalkdb {

std::string_view unit_name(SettingUnit unit) {
  switch (unit) {
    case SettingUnit::None: return "";
    case SettingUnit::Bytes: return "B";
    case SettingUnit::Kilobytes: return "kB";
    case SettingUnit::Megabytes: return "MB";
    case SettingUnit::Blocks8kB: return "8kB";
    case SettingUnit::Milliseconds: return "ms";
    case SettingUnit::Seconds: return "s";
    case SettingUnit::Minutes: return "min";
  }
  return "";
}

std::string_view type_name(SettingType type) {
  switch (type) {
    case SettingType::Bool: return "bool";
    case SettingType::Int: return "integer";
    case SettingType::Real: return "real";
    case SettingType::String: return "string";
    case SettingType::Enum: return "enum";
  }
  return "";
}

std::string_view context_name(SettingContext context) {
  switch (context) {
    case SettingContext::Internal: return "internal";
    case SettingContext::Postmaster: return "postmaster";
    case SettingContext::Sighup: return "sighup";
    case SettingContext::Superuser: return "superuser";
    case SettingContext::User: return "user";
  }
  return "";
}

}  // namespace chalkdb
