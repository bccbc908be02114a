// FormattingTemplate: the template vocabulary to_char and to_date/to_timestamp share —
// date/time keywords (HH24, YYYY, Month, ...), month and day names, case-insensitive matching,
// the output case of name keywords and TH/th ordinal suffixes (PostgreSQL's formatting.c
// tables DCH_keywords and friends).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace chalkdb::formatting {

inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
inline constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

enum class Field {
  HH24, HH12, HH, MI, SS, MS, US, AM, PM, AMDots, PMDots, YYYY, YYY, YY, Y, IYYY, Month, Mon,
  MM, Day, Dy, DDD, DD, D, ID, IW, WW, Q, CC, J, TZ, OF, SSSS,
};

struct Keyword {
  std::string_view text;
  Field field;
  bool case_sensitive;  // name fields take their output case from the template
};

bool starts_with_ci(std::string_view text, size_t at, std::string_view word);

// Name keywords (Month, Mon, Day, Dy) need their first letter's case; MONTH vs Month vs month.
enum class Case { Upper, Capitalized, Lower };

Case case_of(std::string_view text, size_t at);
std::string with_case(std::string_view name, Case c);
// The keyword of the template at `at`, nullptr when none starts there.
const Keyword* keyword_at(std::string_view text, size_t at);
// "st", "nd", "rd" or "th" for n (upper case for TH).
std::string ordinal_suffix(int64_t n, bool upper);

}  // namespace chalkdb::formatting
