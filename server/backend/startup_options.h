// StartupOptions: what a StartupMessage asks for, sorted the way PostgreSQL's
// ProcessStartupPacket sorts it — user, database, application name, the `options`
// command-line string, protocol extensions (`_pq_.*`) and run-time settings (every other
// parameter, e.g. DateStyle or client_encoding, applied as if by set_config()).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "executor/session.h"
#include "server/protocol/startup_packet.h"

namespace chalkdb {

struct SettingAssignment {
  std::string name;
  std::string value;
};

class StartupOptions {
 public:
  // Throws SqlError FATAL 28000 when no user name is given, as PostgreSQL does before
  // anything else is sent.
  static StartupOptions from(const StartupMessage& message);

  const SessionOptions& session_options() const { return session_; }
  const std::vector<std::string>& unrecognized_protocol_options() const {
    return unrecognized_protocol_options_;
  }
  // PostgreSQL answers a newer 3.x minor version or unknown `_pq_.` options with
  // NegotiateProtocolVersion.
  bool needs_protocol_negotiation() const;

  // The settings to apply, in PostgreSQL's order: switches from `options` (-c name=value,
  // --name=value) first, then the other startup parameters. Throws SqlError FATAL 42601 for a
  // switch PostgreSQL would reject.
  std::vector<SettingAssignment> settings() const;

 private:
  uint32_t protocol_minor_ = 0;
  SessionOptions session_;
  std::string command_line_;
  std::vector<SettingAssignment> parameters_;
  std::vector<std::string> unrecognized_protocol_options_;
};

}  // namespace chalkdb
