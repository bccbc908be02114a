// Applying the run-time settings a client sends at start-up (DateStyle=ISO, -c search_path=x,
// client_encoding=UTF8, ...), as PostgreSQL does before the first ReadyForQuery.
//
// client_encoding is settled by the server itself (the protocol layer is what would convert).
// Every other setting goes to the session as `SELECT pg_catalog.set_config(name, value,
// false)`, which takes the raw value string exactly as PostgreSQL's start-up processing does
// and returns the canonical value to report (set_config('datestyle', 'ISO') → "ISO, MDY").
#pragma once

#include "executor/session.h"
#include "server/backend/reported_parameters.h"
#include "server/backend/startup_options.h"

namespace chalkdb {

// Applies every setting in order and records reported values; throws SqlError with FATAL
// severity for the first one that fails (e.g. 42704 unrecognized configuration parameter).
void apply_startup_settings(Session& session, const std::vector<SettingAssignment>& settings,
                            ReportedParameters& reported);

}  // namespace chalkdb
