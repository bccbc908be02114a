// Fixed-offset time zones for AT TIME ZONE / timezone(): the zone abbreviations datetime input
// knows (UTC, GMT, EST, CET, ...), "Etc/UTC" and "Etc/GMT", and POSIX-style numeric offsets
// such as '+02' or '-05:30', which like PostgreSQL's count hours WEST of Greenwich.
// Region names of the IANA database (Europe/Paris) are not available: ChalkDB's TimeZone is
// always UTC.
#pragma once

#include <optional>
#include <string_view>

namespace chalkdb {

// Seconds east of UTC; nullopt for a zone that is not known.
std::optional<int> time_zone_offset(std::string_view zone);

}  // namespace chalkdb
