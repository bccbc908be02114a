#include "sql/types/datetime.h"

#include <chrono>

#include "sql/error/sql_error.h"
#include "sql/types/julian_calendar.h"

namespace chalkdb {

using namespace julian_calendar;

namespace {

constexpr int64_t kUnixEpochMicros = int64_t{946684800} * 1000000;

}  // namespace

// ---- public API ------------------------------------------------------------------------------

int32_t days_from_civil(int year, int month, int day) { return date2j(year, month, day) - kEpochJulian; }

void civil_from_days(int32_t days, int& year, int& month, int& day) {
  j2date(days + kEpochJulian, year, month, day);
}

bool is_valid_date(int32_t days) {
  return days >= -kEpochJulian && days < kDateEndJulian - kEpochJulian;
}

bool is_valid_timestamp(int64_t micros) { return micros >= kMinTimestamp && micros < kEndTimestamp; }

int64_t date_to_timestamp(int32_t days) {
  if (days == kDateInfinity) return kTimestampInfinity;
  if (days == kDateMinusInfinity) return kTimestampMinusInfinity;
  if (days >= kTimestampEndJulian - kEpochJulian)
    throw SqlError(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
  return int64_t{days} * kMicrosPerDay;
}

int32_t timestamp_to_date(int64_t micros) {
  if (micros == kTimestampInfinity) return kDateInfinity;
  if (micros == kTimestampMinusInfinity) return kDateMinusInfinity;
  int64_t days = micros / kMicrosPerDay;
  if (micros % kMicrosPerDay < 0) --days;
  return static_cast<int32_t>(days);
}

int64_t timestamp_to_time(int64_t micros) {
  int64_t clock = micros % kMicrosPerDay;
  return clock < 0 ? clock + kMicrosPerDay : clock;
}

int64_t round_to_precision(int64_t micros, int32_t precision) {
  if (precision < 0 || precision >= 6 || micros == kTimestampInfinity ||
      micros == kTimestampMinusInfinity)
    return micros;
  int64_t scale = 1;
  for (int i = precision; i < 6; ++i) scale *= 10;
  int64_t offset = scale / 2;
  if (micros >= 0) return (micros + offset) / scale * scale;
  return -(((-micros) + offset) / scale * scale);
}

int64_t current_timestamp() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kUnixEpochMicros;
}

}  // namespace chalkdb
