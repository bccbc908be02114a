#include "sql/settings/session_settings.h"

#include <atomic>
#include <cctype>

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

std::string key_of(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

bool is_transaction_scoped(const SettingDefinition& definition) {
  return !definition.transaction_default_from.empty();
}

// quote_identifier()'s test: lower-case letters, digits and underscores, not starting with a
// digit, need no quotes.
std::string quote_if_needed(const std::string& item) {
  bool safe = !item.empty() && !std::isdigit(static_cast<unsigned char>(item.front()));
  for (char c : item) safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (safe) return item;
  std::string quoted = "\"";
  for (char c : item) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// ExtractSetVariableArgs(): list settings join their values with ", ".
std::string flatten(const SettingDefinition& definition, std::string_view written_name,
                    const std::vector<std::string>& values) {
  if (!definition.list) {
    if (values.size() > 1) {
      throw SqlError(sqlstate::kInvalidParameterValue, fmt::format("SET {} takes only one argument", written_name));
    }
    return values.front();
  }
  std::string text;
  for (const std::string& value : values) {
    if (!text.empty()) text += ", ";
    text += definition.quote_list_items ? quote_if_needed(value) : value;
  }
  return text;
}

}  // namespace

namespace {
std::atomic<uint64_t> next_generation{1};
}  // namespace

void SessionSettings::changed() {
  generation_ = next_generation.fetch_add(1, std::memory_order_relaxed);
  changed_in_transaction_ = in_transaction_;
}

SessionSettings::SessionSettings(const SettingsRegistry& registry, bool superuser)
    : registry_(registry), superuser_(superuser) {
  changed();
  for (const SettingDefinition* setting : registry_.all()) {
    if (is_transaction_scoped(*setting)) {
      transaction_scoped_.push_back({key_of(setting->name), &definition(setting->transaction_default_from)});
    }
  }
}

const SettingDefinition& SessionSettings::definition(std::string_view name) const {
  if (const SettingDefinition* registered = registry_.find(name)) return *registered;
  auto placeholder = placeholders_.find(key_of(name));
  if (placeholder != placeholders_.end()) return *placeholder->second;
  return registry_.get(name);  // throws 42704
}

const SettingDefinition& SessionSettings::definition_to_set(std::string_view name) {
  const bool custom = name.find('.') != std::string_view::npos;
  if (!custom || registry_.find(name) != nullptr || placeholders_.contains(key_of(name))) return definition(name);
  auto placeholder = std::make_unique<SettingDefinition>();
  placeholder->name = key_of(name);
  placeholder->category = "Customized Options";
  placeholder->hidden = true;
  return *placeholders_.emplace(key_of(name), std::move(placeholder)).first->second;
}

void SessionSettings::check_can_set(const SettingDefinition& definition) const {
  const std::string& name = definition.name;
  switch (definition.context) {
    case SettingContext::Internal:
      throw SqlError(sqlstate::kCantChangeRuntimeParam, fmt::format("parameter \"{}\" cannot be changed", name));
    case SettingContext::Postmaster:
      throw SqlError(sqlstate::kCantChangeRuntimeParam,
                     fmt::format("parameter \"{}\" cannot be changed without restarting the server", name));
    case SettingContext::Sighup:
      throw SqlError(sqlstate::kCantChangeRuntimeParam, fmt::format("parameter \"{}\" cannot be changed now", name));
    case SettingContext::Superuser:
      if (!superuser_) {
        throw SqlError(sqlstate::kInsufficientPrivilege, fmt::format("permission denied to set parameter \"{}\"", name));
      }
      return;
    case SettingContext::User:
      return;
  }
}

bool SessionSettings::set(std::string_view name, const std::vector<std::string>& values, bool local) {
  take_transaction_values();
  changed();
  const SettingDefinition& setting = definition_to_set(name);
  const std::string text = values.empty() ? std::string() : flatten(setting, name, values);
  check_can_set(setting);
  SettingValue value = values.empty() ? reset_value_of(setting) : parse_setting_value(setting, text, value_of(setting));
  if (setting.validate) setting.validate(value);
  const std::string key = key_of(setting.name);
  if (local || is_transaction_scoped(setting)) {
    if (!in_transaction_) return false;
    local_[key] = std::move(value);
    return true;
  }
  remember_session_for_rollback();
  session_[key] = std::move(value);
  local_.erase(key);
  return true;
}

bool SessionSettings::set(std::string_view name, std::string_view value, bool local) {
  return set(name, std::vector<std::string>{std::string(value)}, local);
}

void SessionSettings::reset(std::string_view name) {
  if (key_of(name) == "all") {
    for (const SettingDefinition* setting : registry_.all()) {
      const bool resettable = setting->context == SettingContext::User ||
                              (setting->context == SettingContext::Superuser && superuser_);
      if (resettable && !is_transaction_scoped(*setting)) reset_one(*setting);
    }
    return;
  }
  const SettingDefinition& setting = definition_to_set(name);
  check_can_set(setting);
  reset_one(setting);
}

void SessionSettings::reset_one(const SettingDefinition& setting) {
  take_transaction_values();
  changed();
  const std::string key = key_of(setting.name);
  if (is_transaction_scoped(setting)) {
    if (in_transaction_) local_[key] = reset_value_of(setting);
    return;
  }
  remember_session_for_rollback();
  session_.erase(key);
  local_.erase(key);
}

void SessionSettings::remember_session_for_rollback() {
  if (in_transaction_ && !session_at_begin_) session_at_begin_ = session_;
}

void SessionSettings::set_session_default(std::string_view name, std::string_view value) {
  const SettingDefinition& setting = definition(name);
  if (setting.context == SettingContext::Internal || setting.context == SettingContext::Postmaster ||
      setting.context == SettingContext::Sighup) {
    check_can_set(setting);
  }
  set_internal(name, value);
}

void SessionSettings::set_internal(std::string_view name, std::string_view value) {
  take_transaction_values();
  changed();
  const SettingDefinition& setting = definition(name);
  SettingValue parsed = parse_setting_value(setting, value, value_of(setting));
  if (setting.validate) setting.validate(parsed);
  const std::string key = key_of(setting.name);
  defaults_[key] = std::move(parsed);
  remember_session_for_rollback();
  session_.erase(key);
}

SettingValue SessionSettings::reset_value_of(const SettingDefinition& setting) const {
  if (is_transaction_scoped(setting)) return value_of(definition(setting.transaction_default_from));
  auto found = defaults_.find(key_of(setting.name));
  if (found != defaults_.end()) return found->second;
  if (placeholders_.contains(key_of(setting.name))) return std::string();
  return registry_.global_value(setting.name);
}

SettingValue SessionSettings::value_of(const SettingDefinition& setting) const {
  if (is_transaction_scoped(setting)) take_transaction_values();
  const std::string key = key_of(setting.name);
  for (const Values* layer : {static_cast<const Values*>(&local_), &session_}) {
    auto found = layer->find(key);
    if (found != layer->end()) return found->second;
  }
  return reset_value_of(setting);
}

SettingValue SessionSettings::value(std::string_view name) const { return value_of(definition(name)); }

std::string SessionSettings::show(std::string_view name) const {
  const SettingDefinition& setting = definition(name);
  return show_setting_value(setting, value_of(setting));
}

std::vector<SessionSettings::ShowRow> SessionSettings::show_all() const {
  std::vector<ShowRow> rows;
  for (const SettingDefinition* setting : registry_.all()) {
    if (setting->hidden) continue;
    rows.push_back({setting->name, show_setting_value(*setting, value_of(*setting)), setting->description});
  }
  return rows;
}

bool SessionSettings::get_bool(std::string_view name) const { return std::get<bool>(value(name)); }

int64_t SessionSettings::get_int(std::string_view name) const { return std::get<int64_t>(value(name)); }

double SessionSettings::get_real(std::string_view name) const { return std::get<double>(value(name)); }

std::string SessionSettings::get_string(std::string_view name) const { return std::get<std::string>(value(name)); }

void SessionSettings::begin_transaction() {
  in_transaction_ = true;
  transaction_values_pending_ = true;
}

void SessionSettings::take_transaction_values() const {
  if (!transaction_values_pending_) return;
  transaction_values_pending_ = false;
  // Per-transaction settings start from their defaults and keep them for the transaction.
  for (const TransactionScoped& scoped : transaction_scoped_) local_.try_emplace(scoped.key, value_of(*scoped.source));
}

void SessionSettings::end_transaction(bool committed) {
  local_.clear();
  transaction_values_pending_ = false;
  if (!committed && session_at_begin_) session_ = std::move(*session_at_begin_);
  session_at_begin_.reset();
  in_transaction_ = false;
  if (changed_in_transaction_) changed();
}

std::vector<std::pair<std::string, std::string>> SessionSettings::take_reported_changes() {
  std::vector<std::pair<std::string, std::string>> changes;
  for (const SettingDefinition* setting : registry_.all()) {
    if (!setting->reported) continue;
    std::string shown = show_setting_value(*setting, value_of(*setting));
    auto [position, inserted] = reported_.try_emplace(setting->name, shown);
    if (inserted || position->second != shown) {
      position->second = shown;
      changes.emplace_back(setting->name, std::move(shown));
    }
  }
  return changes;
}

}  // namespace chalkdb
