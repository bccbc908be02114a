// Calendar arithmetic and text I/O for date, time, timestamp and timestamptz.
//
// Representation as PostgreSQL's: a date is days since 2000-01-01 (INT32_MIN / INT32_MAX are
// -infinity / infinity), time and timestamps are microseconds (timestamps since 2000-01-01
// 00:00, INT64_MIN / INT64_MAX for -infinity / infinity). Output is DateStyle ISO; input follows
// DateStyle ISO, MDY: ISO dates, M/D/Y, month names, YYYYMMDD, BC/AD, AM/PM, "T" separators,
// numeric UTC offsets and the special words epoch, infinity, now, today, tomorrow, yesterday,
// allballs. Errors: 22007 invalid input syntax, 22008 field value / date / timestamp out of
// range, 22009 time zone displacement out of range.
//
// Differences from PostgreSQL: TimeZone is always UTC; only UTC, Z, GMT and a table of common
// abbreviations (EST, CET, ...) are known zone names, not the IANA names; "now" reads the clock
// at the moment of parsing rather than the transaction start; ISO 8601 week dates and Julian
// day input ("J2451545") are not accepted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chalkdb {

inline constexpr int32_t kDateMinusInfinity = INT32_MIN;
inline constexpr int32_t kDateInfinity = INT32_MAX;
inline constexpr int64_t kTimestampMinusInfinity = INT64_MIN;
inline constexpr int64_t kTimestampInfinity = INT64_MAX;
inline constexpr int64_t kMicrosPerDay = int64_t{86400} * 1000000;

// Days since 2000-01-01 of a proleptic Gregorian date; year 0 is 1 BC (PostgreSQL's date2j).
int32_t days_from_civil(int year, int month, int day);
void civil_from_days(int32_t days, int& year, int& month, int& day);
bool is_valid_date(int32_t days);          // finite and within 4714-11-24 BC .. 5874897-12-31
bool is_valid_timestamp(int64_t micros);   // finite and within 4714-11-24 BC .. 294276 AD

// The fields of hh:mm[:ss[.frac]] text, split at its colons (empty fields kept), for time and
// interval input.
std::vector<std::string_view> split_at_colons(std::string_view text);

int32_t parse_date(std::string_view text);
int64_t parse_time(std::string_view text);
int64_t parse_timestamp(std::string_view text, bool with_time_zone);

void append_date(std::string& out, int32_t days);
void append_time(std::string& out, int64_t micros);
void append_timestamp(std::string& out, int64_t micros, bool with_time_zone);

// Conversions with PostgreSQL's errors (22008 "date out of range for timestamp").
int64_t date_to_timestamp(int32_t days);
int32_t timestamp_to_date(int64_t micros);
int64_t timestamp_to_time(int64_t micros);
// timestamp(p) / time(p): rounds to p fractional digits, half away from zero.
int64_t round_to_precision(int64_t micros, int32_t precision);

// The clock, as microseconds since 2000-01-01 UTC.
int64_t current_timestamp();

}  // namespace chalkdb
