#include "server/backend/startup_options.h"

#include <cctype>

#include "server/protocol/protocol_constants.h"
#include "sql/settings/settings_registry.h"

namespace chalkdb {

namespace {

// The setting's own check hook cleans it as PostgreSQL 15 does (printable ASCII only).
std::string cleaned_application_name(std::string_view text) {
  const SettingDefinition& definition = SettingsRegistry::global().get("application_name");
  return definition.check ? definition.check(text, "") : std::string(text);
}

std::string truncated_identifier(std::string_view name) {
  return std::string(name.substr(0, protocol::kMaxIdentifierBytes));
}

// pg_split_opts: whitespace separates arguments, a backslash makes the next character literal.
std::vector<std::string> split_command_line(std::string_view text) {
  std::vector<std::string> arguments;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i == text.size()) break;
    std::string argument;
    bool escaped = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (!escaped && std::isspace(static_cast<unsigned char>(c))) break;
      if (!escaped && c == '\\') {
        escaped = true;
      } else {
        escaped = false;
        argument += c;
      }
    }
    arguments.push_back(std::move(argument));
  }
  return arguments;
}

[[noreturn]] void reject_argument(std::string_view argument) {
  throw SqlError(sqlstate::kSyntaxError,
                 "invalid command-line argument for server process: " + std::string(argument))
      .with_hint("Try \"postgres --help\" for more information.")
      .with_severity(Severity::Fatal);
}

// ParseLongOption: "name=value", with dashes in the name read as underscores.
SettingAssignment parse_assignment(std::string_view text, std::string_view switch_name) {
  size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    throw SqlError(sqlstate::kSyntaxError,
                   std::string(switch_name) + std::string(text) + " requires a value")
        .with_severity(Severity::Fatal);
  }
  std::string name(text.substr(0, equals));
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return {std::move(name), std::string(text.substr(equals + 1))};
}

std::vector<SettingAssignment> parse_command_line(std::string_view text) {
  std::vector<std::string> arguments = split_command_line(text);
  std::vector<SettingAssignment> settings;
  for (size_t i = 0; i < arguments.size(); ++i) {
    std::string_view argument = arguments[i];
    if (argument.starts_with("--") && argument.size() > 2) {
      settings.push_back(parse_assignment(argument.substr(2), "--"));
    } else if (argument == "-c") {
      if (i + 1 == arguments.size()) reject_argument(argument);
      settings.push_back(parse_assignment(arguments[++i], "-c "));
    } else if (argument.starts_with("-c")) {
      settings.push_back(parse_assignment(argument.substr(2), "-c "));
    } else {
      reject_argument(argument);
    }
  }
  return settings;
}

}  // namespace

StartupOptions StartupOptions::from(const StartupMessage& message) {
  StartupOptions options;
  options.protocol_minor_ = protocol::version_minor(message.protocol_version);
  options.session_.user.clear();
  options.session_.database.clear();
  for (const auto& [name, value] : message.parameters) {
    if (name == "user") {
      options.session_.user = truncated_identifier(value);
    } else if (name == "database") {
      options.session_.database = truncated_identifier(value);
    } else if (name == "application_name") {
      options.session_.application_name = cleaned_application_name(value);
    } else if (name == "options") {
      options.command_line_ = value;
    } else if (name.starts_with("_pq_.")) {
      options.unrecognized_protocol_options_.push_back(name);
    } else {
      options.parameters_.push_back({name, value});
    }
  }
  if (options.session_.user.empty()) {
    throw SqlError(sqlstate::kInvalidAuthorizationSpecification,
                   "no PostgreSQL user name specified in startup packet")
        .with_severity(Severity::Fatal);
  }
  if (options.session_.database.empty()) options.session_.database = options.session_.user;
  return options;
}

bool StartupOptions::needs_protocol_negotiation() const {
  return protocol_minor_ > 0 || !unrecognized_protocol_options_.empty();
}

std::vector<SettingAssignment> StartupOptions::settings() const {
  std::vector<SettingAssignment> all = parse_command_line(command_line_);
  all.insert(all.end(), parameters_.begin(), parameters_.end());
  return all;
}

}  // namespace chalkdb
