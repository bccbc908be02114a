#include <charconv>

#include "sql/types/datetime.h"

namespace chalkdb {

namespace {

void append_two_digits(std::string& out, int value) {
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

void append_year(std::string& out, int year) {
  int shown = year > 0 ? year : 1 - year;
  char buffer[16];
  auto end = std::to_chars(buffer, buffer + sizeof(buffer), shown).ptr;
  auto length = static_cast<size_t>(end - buffer);
  if (length < 4) out.append(4 - length, '0');
  out.append(buffer, length);
}

// HH:MM:SS[.ffffff] with trailing fractional zeros removed (AppendSeconds).
void append_clock(std::string& out, int64_t micros_of_day) {
  int64_t seconds = micros_of_day / 1000000;
  auto fraction = static_cast<int>(micros_of_day % 1000000);
  append_two_digits(out, static_cast<int>(seconds / 3600));
  out.push_back(':');
  append_two_digits(out, static_cast<int>(seconds / 60 % 60));
  out.push_back(':');
  append_two_digits(out, static_cast<int>(seconds % 60));
  if (fraction != 0) {
    char digits[6];
    for (int i = 5; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    size_t length = 6;
    while (digits[length - 1] == '0') --length;
    out.push_back('.');
    out.append(digits, length);
  }
}

// "infinity" / "-infinity" for the special values; false (nothing written) for a finite one.
bool append_if_infinite(std::string& out, int64_t value, int64_t infinity, int64_t minus_infinity) {
  if (value == infinity) out.append("infinity");
  else if (value == minus_infinity) out.append("-infinity");
  else return false;
  return true;
}

// YYYY-MM-DD of a day number; returns the year (<= 0 for a BC date, whose era the caller adds).
int append_calendar_date(std::string& out, int32_t days) {
  int year, month, day;
  civil_from_days(days, year, month, day);
  append_year(out, year);
  out.push_back('-');
  append_two_digits(out, month);
  out.push_back('-');
  append_two_digits(out, day);
  return year;
}

}  // namespace

void append_date(std::string& out, int32_t days) {
  if (append_if_infinite(out, days, kDateInfinity, kDateMinusInfinity)) return;
  int year = append_calendar_date(out, days);
  if (year <= 0) out.append(" BC");
}

void append_time(std::string& out, int64_t micros) { append_clock(out, micros); }

void append_timestamp(std::string& out, int64_t micros, bool with_time_zone) {
  if (append_if_infinite(out, micros, kTimestampInfinity, kTimestampMinusInfinity)) return;
  int64_t days = micros / kMicrosPerDay;
  int64_t clock = micros % kMicrosPerDay;
  if (clock < 0) {
    clock += kMicrosPerDay;
    --days;
  }
  int year = append_calendar_date(out, static_cast<int32_t>(days));
  out.push_back(' ');
  append_clock(out, clock);
  if (with_time_zone) out.append("+00");
  if (year <= 0) out.append(" BC");
}

}  // namespace chalkdb
