// The settings that sql/ registers itself: the ones psql, pgbench and drivers read or set on
// every connection (server_version, client_encoding, DateStyle, TimeZone, search_path, ...),
// session limits (statement_timeout, lock_timeout, work_mem) and the server-start settings
// every layer needs (max_connections, shared_buffers, port, listen_addresses). Definitions,
// defaults, ranges, categories and descriptions are PostgreSQL 15's (pg_settings).
#pragma once

namespace chalkdb {

class SettingsRegistry;

inline constexpr const char* kPostgresServerVersion = "15.18";
inline constexpr int kPostgresServerVersionNum = 150018;

void register_core_settings(SettingsRegistry& registry);

}  // namespace chalkdb
