// JulianCalendar: PostgreSQL's Julian day arithmetic (date2j / j2date) and the limits of
// the date and timestamp ranges, shared by datetime input and the calendar conversions.
#pragma once

#include <cstdint>

namespace chalkdb::julian_calendar {

constexpr int32_t kEpochJulian = 2451545;         // 2000-01-01 (POSTGRES_EPOCH_JDATE)
constexpr int32_t kDateEndJulian = 2147483494;     // 5874898-01-01
constexpr int32_t kTimestampEndJulian = 109203528; // 294277-01-01
constexpr int64_t kMinTimestamp = -211813488000000000;  // 4714-11-24 BC 00:00
constexpr int64_t kEndTimestamp = 9223371331200000000;  // 294277-01-01 00:00

int32_t date2j(int year, int month, int day);
void j2date(int jd, int& year, int& month, int& day);
bool is_leap(int year);
int days_in_month(int year, int month);
// Within the Julian day range PostgreSQL accepts (4714-11-24 BC .. 5874897-12-31).
bool valid_julian(int year, int month, int day);

}  // namespace chalkdb::julian_calendar
