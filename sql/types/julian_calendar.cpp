#include "sql/types/julian_calendar.h"

namespace chalkdb::julian_calendar {

int32_t date2j(int year, int month, int day) {
  if (month > 2) {
    month += 1;
    year += 4800;
  } else {
    month += 13;
    year += 4799;
  }
  int century = year / 100;
  int julian = year * 365 - 32167;
  julian += year / 4 - century + century / 4;
  julian += 7834 * month / 256 + day;
  return julian;
}

void j2date(int jd, int& year, int& month, int& day) {
  auto julian = static_cast<unsigned>(jd) + 32044;
  unsigned quad = julian / 146097;
  unsigned extra = (julian - quad * 146097) * 4 + 3;
  julian += 60 + quad * 3 + extra / 146097;
  quad = julian / 1461;
  julian -= quad * 1461;
  int y = static_cast<int>(julian * 4 / 1461);
  julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
  y += static_cast<int>(quad * 4);
  year = y - 4800;
  quad = julian * 2141 / 65536;
  day = static_cast<int>(julian - 7834 * quad / 256);
  month = static_cast<int>((quad + 10) % 12 + 1);
}

bool is_leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid_julian(int year, int month, int day) {
  return (year > -4713 || (year == -4713 && (month > 11 || (month == 11 && day >= 24)))) &&
         year < 5874898;
}

}  // namespace chalkdb::julian_calendar
