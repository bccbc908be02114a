// ReportedParameters: the run-time settings a server announces with ParameterStatus at
// start-up (PostgreSQL's GUC_REPORT settings), in PostgreSQL 15's order and with its default
// values. server_version reports a 15.x version so that libpq's PQserverVersion() is 150018
// and psql and pgbench choose their PostgreSQL 15 behaviour.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "executor/session.h"
#include "server/protocol/backend_message_writer.h"

namespace chalkdb {

inline constexpr std::string_view kServerVersion = "15.18 (ChalkDB 0.1)";

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
