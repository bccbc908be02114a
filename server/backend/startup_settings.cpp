#include "server/backend/startup_settings.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "sql/settings/settings_registry.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

// Keeps the first value of the first row of a statement's result.
class FirstValueSink : public ResultSink {
 public:
  void row_description(const std::vector<ColumnDescription>&) override {}
  void data_row(std::span<const Value> row) override {
    if (!value_ && !row.empty() && !row.front().is_null()) value_ = format_value(row.front());
  }
  void command_complete(std::string_view) override {}
  void empty_query() override {}
  void notice(const SqlError&) override {}

  const std::optional<std::string>& value() const { return value_; }

 private:
  std::optional<std::string> value_;
};

std::string quoted_literal(std::string_view text) {
  std::string literal = "'";
  for (char c : text) {
    if (c == '\'') literal += '\'';
    literal += c;
  }
  return literal + "'";
}

bool is_client_encoding(std::string_view name) {
  constexpr std::string_view kName = "client_encoding";
  return std::ranges::equal(
      name, kName, [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// The server converts nothing, so which client encodings work is the setting's check hook's
// decision (UTF8 and SQL_ASCII); the session need not hear of it.
std::string canonical_client_encoding(std::string_view requested) {
  const SettingDefinition& definition = SettingsRegistry::global().get("client_encoding");
  return definition.check ? definition.check(requested, "UTF8") : std::string(requested);
}

std::string set_config(Session& session, const SettingAssignment& setting) {
  FirstValueSink sink;
  session.execute_simple("SELECT pg_catalog.set_config(" + quoted_literal(setting.name) + ", " +
                             quoted_literal(setting.value) + ", false)",
                         sink);
  return sink.value().value_or(setting.value);
}

}  // namespace

void apply_startup_settings(Session& session, const std::vector<SettingAssignment>& settings,
                            ReportedParameters& reported) {
  for (const SettingAssignment& setting : settings) {
    try {
      if (is_client_encoding(setting.name)) {
        reported.set("client_encoding", canonical_client_encoding(setting.value));
      } else {
        reported.set(setting.name, set_config(session, setting));
      }
    } catch (SqlError& error) {
      error.with_severity(Severity::Fatal);
      error.position.reset();  // a position would point into SQL the client never sent
      throw;
    }
  }
}

}  // namespace chalkdb
