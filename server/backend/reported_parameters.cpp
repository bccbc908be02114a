#include "server/backend/reported_parameters.h"

#include <algorithm>
#include <cctype>

namespace chalkdb {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

ReportedParameters::ReportedParameters(const SessionOptions& session)
    : parameters_{
          {"application_name", session.application_name},
          {"client_encoding", "UTF8"},
          {"DateStyle", "ISO, MDY"},
          {"default_transaction_read_only", "off"},
          {"in_hot_standby", "off"},
          {"integer_datetimes", "on"},
          {"IntervalStyle", "postgres"},
          {"is_superuser", "on"},
          {"server_encoding", "UTF8"},
          {"server_version", std::string(kServerVersion)},
          {"session_authorization", session.user},
          {"standard_conforming_strings", "on"},
          {"TimeZone", "Etc/UTC"},
      } {}

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
