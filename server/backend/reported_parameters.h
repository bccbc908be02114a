// ReportedParameters: the settings a server announces with ParameterStatus at start-up —
// those the settings registry marks as reported (PostgreSQL's GUC_REPORT), in PostgreSQL's
// order (by name, ignoring case) and with their server-wide values, adjusted for the session:
// its application_name and user, and is_superuser on (every ChalkDB user is a superuser).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "executor/session.h"
#include "server/protocol/backend_message_writer.h"

namespace chalkdb {

class ReportedParameters {
 public:
  explicit ReportedParameters(const SessionOptions& session);

  // Setting names are case-insensitive, as in PostgreSQL; a name that is not reported is
  // ignored.
  void set(std::string_view name, std::string value);
  bool is_reported(std::string_view name) const;
  const std::string* find(std::string_view name) const;

  void write_to(BackendMessageWriter& out) const;

 private:
  std::vector<std::pair<std::string, std::string>> parameters_;
};

}  // namespace chalkdb
