#include <fmt/format.h>

#include <array>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/julian_calendar.h"
#include "sql/types/time_zone.h"

namespace chalkdb {

using namespace julian_calendar;

namespace {

constexpr int kMaxTimezoneHours = 15;

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// ---- words -----------------------------------------------------------------------------------

std::optional<int> month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t m = 0; m < kNames.size(); ++m) {
    if (word == kNames[m] || (word.size() == 3 && kNames[m].starts_with(word))) return static_cast<int>(m + 1);
  }
  if (word == "sept") return 9;
  return std::nullopt;
}

// ---- tokens ----------------------------------------------------------------------------------

enum class TokenKind { Number, Date, Time, Offset, Word };

struct Token {
  TokenKind kind;
  std::string text;  // words lower-cased
};

// Thrown inside the parser and turned into the type's error message by the caller.
enum class DateError { Syntax, FieldOverflow, MonthDayOverflow, ZoneOverflow };
struct DateErrorException {
  DateError error;
};

[[noreturn]] void fail(DateError error) { throw DateErrorException{error}; }

bool is_date_separator(char c) { return c == '-' || c == '/' || c == '.'; }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  auto take_while = [&](auto predicate) {
    size_t start = i;
    while (i < text.size() && predicate(text[i])) ++i;
    return std::string(text.substr(start, i - start));
  };
  while (i < text.size()) {
    char c = text[i];
    if (is_space(c) || c == ',') {
      ++i;
    } else if (is_digit(c)) {
      size_t start = i;
      while (i < text.size() && is_digit(text[i])) ++i;
      if (i < text.size() && text[i] == ':') {
        i = start;
        tokens.push_back({TokenKind::Time, take_while([](char x) { return is_digit(x) || x == ':' || x == '.'; })});
      } else if (i < text.size() && is_date_separator(text[i])) {
        // Digits, separators and month names; a 'T' followed by a digit starts the time.
        while (i < text.size() && (is_digit(text[i]) || is_date_separator(text[i]) ||
                                   (is_alpha(text[i]) && !(lower(text[i]) == 't' && i + 1 < text.size() &&
                                                           is_digit(text[i + 1])))))
          ++i;
        std::string field(text.substr(start, i - start));
        size_t dots = std::count(field.begin(), field.end(), '.');
        bool plain_number = dots == 1 && field.find_first_of("-/") == std::string::npos &&
                            std::none_of(field.begin(), field.end(), is_alpha);
        tokens.push_back({plain_number ? TokenKind::Number : TokenKind::Date, lowercase(field)});
      } else {
        tokens.push_back({TokenKind::Number, std::string(text.substr(start, i - start))});
      }
    } else if ((c == '+' || c == '-') && i + 1 < text.size() && is_digit(text[i + 1])) {
      ++i;
      std::string offset(1, c);
      offset += take_while([](char x) { return is_digit(x) || x == ':'; });
      tokens.push_back({TokenKind::Offset, offset});
    } else if (is_alpha(c)) {
      size_t start = i;
      std::string word = lowercase(take_while(is_alpha));
      // Jan-02-2024: a month name glued to the rest of a date.
      if (i + 1 < text.size() && is_date_separator(text[i]) && std::isalnum(static_cast<unsigned char>(text[i + 1])) &&
          month_number(word)) {
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || is_date_separator(text[i]))) ++i;
        tokens.push_back({TokenKind::Date, lowercase(text.substr(start, i - start))});
      } else {
        tokens.push_back({TokenKind::Word, std::move(word)});
      }
    } else {
      fail(DateError::Syntax);
    }
  }
  return tokens;
}

bool is_weekday(std::string_view word) {
  static constexpr std::string_view kNames[] = {
      "sun", "sunday", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
      "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday"};
  return std::find(std::begin(kNames), std::end(kNames), word) != std::end(kNames);
}

// UTC offsets in seconds of the zone abbreviations PostgreSQL knows by default (a subset).
std::optional<int> zone_offset(std::string_view word) {
  struct Zone {
    std::string_view name;
    int hours_times_4;  // quarter hours east of UTC
  };
  static constexpr Zone kZones[] = {
      {"utc", 0},     {"ut", 0},      {"gmt", 0},     {"z", 0},       {"zulu", 0},
      {"wet", 0},     {"west", 4},    {"bst", 4},     {"cet", 4},     {"cest", 8},
      {"met", 4},     {"mest", 8},    {"eet", 8},     {"eest", 12},   {"msk", 12},
      {"ist", 8},     {"jst", 36},    {"kst", 36},    {"hkt", 32},    {"awst", 32},
      {"acst", 38},   {"acdt", 42},   {"aest", 40},   {"aedt", 44},   {"nzst", 48},
      {"nzdt", 52},   {"est", -20},   {"edt", -16},   {"cst", -24},   {"cdt", -20},
      {"mst", -28},   {"mdt", -24},   {"pst", -32},   {"pdt", -28},   {"akst", -36},
      {"akdt", -32},  {"hst", -40},   {"ast", -16},   {"adt", -12},   {"nst", -14},
      {"ndt", -10},
  };
  for (const Zone& zone : kZones)
    if (zone.name == word) return zone.hours_times_4 * 900;
  return std::nullopt;
}

// ---- fields ----------------------------------------------------------------------------------

struct Fields {
  std::optional<int> year, month, day;
  bool year_two_digits = false;
  std::optional<int> day_of_year;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int64_t fraction_micros = 0;
  std::optional<int> offset_seconds;  // east of UTC
  std::optional<bool> pm;
  bool bc = false, era_given = false;
  std::vector<std::string> loose_numbers;  // numbers placed once all fields are known
};

int to_int(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) fail(DateError::FieldOverflow);
  int value = 0;
  for (char c : digits) {
    if (!is_digit(c)) fail(DateError::Syntax);
    value = value * 10 + (c - '0');
  }
  return value;
}

void set_once(std::optional<int>& field, int value) {
  if (field) fail(DateError::Syntax);
  field = value;
}

void set_year(Fields& f, std::string_view digits) {
  set_once(f.year, to_int(digits));
  f.year_two_digits = digits.size() <= 2;
}

int64_t parse_fraction(std::string_view digits) {
  if (digits.empty()) return 0;
  std::string text = "0." + std::string(digits);
  return static_cast<int64_t>(std::rint(std::strtod(text.c_str(), nullptr) * 1000000));
}

void decode_time(Fields& f, std::string_view text) {
  if (f.has_time) fail(DateError::Syntax);
  f.has_time = true;
  std::vector<std::string_view> parts = split_at_colons(text);
  if (parts.size() < 2 || parts.size() > 3) fail(DateError::Syntax);
  auto number = [](std::string_view part) { return part.empty() ? 0 : to_int(part); };
  f.hour = number(parts[0]);
  if (parts[1].find('.') != std::string_view::npos) fail(DateError::Syntax);
  f.minute = number(parts[1]);
  if (parts.size() == 3) {
    std::string_view seconds = parts[2];
    size_t dot = seconds.find('.');
    f.second = number(seconds.substr(0, dot));
    if (dot != std::string_view::npos) {
      std::string_view fraction = seconds.substr(dot + 1);
      if (fraction.find('.') != std::string_view::npos) fail(DateError::Syntax);
      f.fraction_micros = parse_fraction(fraction);
    }
  }
}

void decode_offset(Fields& f, std::string_view text) {
  if (f.offset_seconds) fail(DateError::Syntax);
  int sign = text[0] == '-' ? -1 : 1;
  std::string_view body = text.substr(1);
  int hours = 0, minutes = 0, seconds = 0;
  size_t colon = body.find(':');
  if (colon != std::string_view::npos) {
    hours = to_int(body.substr(0, colon));
    std::string_view rest = body.substr(colon + 1);
    size_t second_colon = rest.find(':');
    minutes = to_int(rest.substr(0, second_colon));
    if (second_colon != std::string_view::npos) seconds = to_int(rest.substr(second_colon + 1));
  } else if (body.size() <= 2) {
    hours = to_int(body);
  } else if (body.size() <= 4) {
    hours = to_int(body.substr(0, body.size() - 2));
    minutes = to_int(body.substr(body.size() - 2));
  } else if (body.size() <= 6) {
    hours = to_int(body.substr(0, body.size() - 4));
    minutes = to_int(body.substr(body.size() - 4, 2));
    seconds = to_int(body.substr(body.size() - 2));
  } else {
    fail(DateError::Syntax);
  }
  if (hours > kMaxTimezoneHours || minutes >= 60 || seconds >= 60) fail(DateError::ZoneOverflow);
  f.offset_seconds = sign * (hours * 3600 + minutes * 60 + seconds);
}

// 2024-01-02, 01/02/2024, 2024.01.02, 02-Jan-2024, Jan-02-2024, 2024-001.
void decode_date(Fields& f, std::string_view text) {
  if (f.year || f.month || f.day) fail(DateError::Syntax);
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || is_date_separator(text[i])) {
      if (i == start) fail(DateError::Syntax);
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  std::vector<std::string_view> numbers;
  for (std::string_view part : parts) {
    if (is_alpha(part[0])) {
      auto month = month_number(part);
      if (!month) fail(DateError::Syntax);
      set_once(f.month, *month);
    } else {
      numbers.push_back(part);
    }
  }
  if (f.month) {
    if (numbers.size() != 2) fail(DateError::Syntax);
    for (std::string_view n : numbers) f.loose_numbers.emplace_back(n);
    return;
  }
  if (numbers.size() == 2 && numbers[0].size() >= 3 && numbers[1].size() == 3) {
    set_year(f, numbers[0]);
    f.day_of_year = to_int(numbers[1]);
    return;
  }
  if (numbers.size() != 3) fail(DateError::Syntax);
  if (numbers[0].size() >= 3) {  // year first: Y-M-D
    set_year(f, numbers[0]);
    f.month = to_int(numbers[1]);
    f.day = to_int(numbers[2]);
  } else {  // DateStyle MDY
    f.month = to_int(numbers[0]);
    f.day = to_int(numbers[1]);
    set_year(f, numbers[2]);
  }
}

// A run of digits: YYYYMMDD, YYMMDD or HHMMSS when it stands alone, else a year or day.
void decode_number(Fields& f, std::string_view digits, bool time_only) {
  if (digits.find('.') != std::string_view::npos) {
    // A lone number with a fraction: seconds after a time's minutes are not supported.
    fail(DateError::Syntax);
  }
  bool have_date = f.year || f.month || f.day;
  if (digits.size() == 6 && (time_only || have_date) && !f.has_time) {
    f.has_time = true;
    f.hour = to_int(digits.substr(0, 2));
    f.minute = to_int(digits.substr(2, 2));
    f.second = to_int(digits.substr(4, 2));
  } else if ((digits.size() == 8 || digits.size() == 6) && !have_date && f.loose_numbers.empty()) {
    size_t year_length = digits.size() - 4;
    set_year(f, digits.substr(0, year_length));
    f.month = to_int(digits.substr(year_length, 2));
    f.day = to_int(digits.substr(year_length + 2, 2));
  } else {
    f.loose_numbers.emplace_back(digits);
  }
}

void decode_word(Fields& f, const std::string& word) {
  if (word == "t" || is_weekday(word)) return;
  if (auto month = month_number(word)) {
    set_once(f.month, *month);
    return;
  }
  if (word == "am" || word == "pm") {
    if (f.pm) fail(DateError::Syntax);
    f.pm = word == "pm";
    return;
  }
  if (word == "bc" || word == "ad") {
    if (f.era_given) fail(DateError::Syntax);
    f.era_given = true;
    f.bc = word == "bc";
    return;
  }
  if (word == "allballs") {
    if (f.has_time) fail(DateError::Syntax);
    f.has_time = true;
    f.offset_seconds = 0;
    return;
  }
  if (auto offset = zone_offset(word)) {
    if (f.offset_seconds) fail(DateError::Syntax);
    f.offset_seconds = *offset;
    return;
  }
  fail(DateError::Syntax);
}

// Numbers around a month name: the one with more than two digits is the year, then day, year.
void place_loose_numbers(Fields& f) {
  if (f.loose_numbers.empty()) return;
  if (!f.month || f.day || f.loose_numbers.size() > 2) fail(DateError::Syntax);
  std::vector<std::string> numbers = f.loose_numbers;
  auto long_one = std::find_if(numbers.begin(), numbers.end(),
                               [](const std::string& n) { return n.size() > 2; });
  if (long_one != numbers.end()) {
    set_year(f, *long_one);
    numbers.erase(long_one);
  }
  for (const std::string& n : numbers) {
    if (!f.day) f.day = to_int(n);
    else if (!f.year) set_year(f, n);
    else fail(DateError::Syntax);
  }
}

Fields decode(std::string_view text, bool time_only) {
  Fields f;
  for (const Token& token : tokenize(text)) {
    switch (token.kind) {
      case TokenKind::Time: decode_time(f, token.text); break;
      case TokenKind::Date: decode_date(f, token.text); break;
      case TokenKind::Number: decode_number(f, token.text, time_only); break;
      case TokenKind::Offset: decode_offset(f, token.text); break;
      case TokenKind::Word: decode_word(f, token.text); break;
    }
  }
  place_loose_numbers(f);
  return f;
}

bool has_date(const Fields& f) { return f.year && (f.day_of_year || (f.month && f.day)); }

// ValidateDate: year with era, month and day ranges.
int32_t julian_of(const Fields& f) {
  int year = *f.year;
  if (f.bc) {
    if (year <= 0) fail(DateError::FieldOverflow);
    year = 1 - year;
  } else if (f.year_two_digits && !f.era_given) {
    year += year < 70 ? 2000 : 1900;
  } else if (year <= 0) {
    fail(DateError::FieldOverflow);
  }
  if (f.day_of_year) {
    int days_in_year = is_leap(year) ? 366 : 365;
    if (*f.day_of_year < 1 || *f.day_of_year > days_in_year) fail(DateError::FieldOverflow);
    return date2j(year, 1, 1) + *f.day_of_year - 1;
  }
  int month = *f.month;
  int day = *f.day;
  if (month < 1 || month > 12 || day < 1 || day > 31) fail(DateError::MonthDayOverflow);
  if (day > days_in_month(year, month)) fail(DateError::FieldOverflow);
  if (!valid_julian(year, month, day)) return INT32_MIN;  // reported as "date out of range"
  return date2j(year, month, day);
}

int64_t time_of_day(Fields& f) {
  if (f.pm) {
    if (f.hour < 0 || f.hour > 12) fail(DateError::FieldOverflow);
    if (*f.pm && f.hour < 12) f.hour += 12;
    else if (!*f.pm && f.hour == 12) f.hour = 0;
  }
  if (f.hour < 0 || f.hour > 24 || f.minute < 0 || f.minute > 59 || f.second < 0 ||
      f.second > 60 || f.fraction_micros < 0 || f.fraction_micros > 1000000 ||
      (f.hour == 24 && (f.minute > 0 || f.second > 0 || f.fraction_micros > 0)))
    fail(DateError::FieldOverflow);
  return ((int64_t{f.hour} * 60 + f.minute) * 60 + f.second) * 1000000 + f.fraction_micros;
}

SqlError error_for(DateError error, std::string_view text, std::string_view type_name) {
  switch (error) {
    case DateError::Syntax: break;
    case DateError::FieldOverflow:
    case DateError::MonthDayOverflow: {
      SqlError e(sqlstate::kDatetimeFieldOverflow,
                 fmt::format("date/time field value out of range: \"{}\"", text));
      if (error == DateError::MonthDayOverflow)
        e.with_hint("Perhaps you need a different \"datestyle\" setting.");
      return e;
    }
    case DateError::ZoneOverflow:
      return SqlError(sqlstate::kInvalidTimeZoneDisplacementValue,
                      fmt::format("time zone displacement out of range: \"{}\"", text));
  }
  return SqlError(sqlstate::kInvalidDatetimeFormat,
                  fmt::format("invalid input syntax for type {}: \"{}\"", type_name, text));
}

// Parses with `decoder`, translating the parser's failures into the type's error.
template <typename F>
auto with_errors(std::string_view text, std::string_view type_name, F&& decoder) {
  try {
    return decoder();
  } catch (const DateErrorException& e) {
    throw error_for(e.error, text, type_name);
  }
}

enum class Special { None, Epoch, Infinity, MinusInfinity, Now, Today, Tomorrow, Yesterday };

Special special_word(std::string_view text) {
  std::string word = lowercase(trim(text));
  if (word == "epoch") return Special::Epoch;
  if (word == "infinity") return Special::Infinity;
  if (word == "-infinity") return Special::MinusInfinity;
  if (word == "now") return Special::Now;
  if (word == "today") return Special::Today;
  if (word == "tomorrow") return Special::Tomorrow;
  if (word == "yesterday") return Special::Yesterday;
  return Special::None;
}

int32_t today() { return static_cast<int32_t>(timestamp_to_date(current_timestamp())); }

// YYYY-MM-DD with a valid day — what COPY and dumps feed in by the million — read without the
// general field decoder. Anything else (other styles, BC, out-of-range fields) returns nullopt
// and takes the full path, which also raises the errors.
std::optional<int32_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t count) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return days_from_civil(year, month, day);
}

}  // namespace

std::vector<std::string_view> split_at_colons(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ':') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

int32_t parse_date(std::string_view text) {
  if (std::optional<int32_t> iso = parse_iso_date(text)) return *iso;
  switch (special_word(text)) {
    case Special::Epoch: return days_from_civil(1970, 1, 1);
    case Special::Infinity: return kDateInfinity;
    case Special::MinusInfinity: return kDateMinusInfinity;
    case Special::Now:
    case Special::Today: return today();
    case Special::Tomorrow: return today() + 1;
    case Special::Yesterday: return today() - 1;
    case Special::None: break;
  }
  int32_t julian = with_errors(text, "date", [&] {
    Fields f = decode(text, false);
    if (!has_date(f)) fail(DateError::Syntax);
    if (f.has_time) time_of_day(f);
    return julian_of(f);
  });
  if (julian == INT32_MIN || !is_valid_date(julian - kEpochJulian)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow, fmt::format("date out of range: \"{}\"", text));
  }
  return julian - kEpochJulian;
}

int64_t parse_time(std::string_view text) {
  if (special_word(text) == Special::Now) return timestamp_to_time(current_timestamp());
  return with_errors(text, "time", [&] {
    Fields f = decode(text, true);
    if (!f.has_time) fail(DateError::Syntax);
    if (f.year || f.month || f.day) {
      if (!has_date(f)) fail(DateError::Syntax);
      julian_of(f);
    }
    return time_of_day(f);
  });
}

int64_t parse_timestamp(std::string_view text, bool with_time_zone) {
  std::string_view type_name = with_time_zone ? "timestamp with time zone" : "timestamp";
  switch (special_word(text)) {
    case Special::Epoch: return int64_t{days_from_civil(1970, 1, 1)} * kMicrosPerDay;
    case Special::Infinity: return kTimestampInfinity;
    case Special::MinusInfinity: return kTimestampMinusInfinity;
    case Special::Now: return current_timestamp();
    case Special::Today: return int64_t{today()} * kMicrosPerDay;
    case Special::Tomorrow: return int64_t{today() + 1} * kMicrosPerDay;
    case Special::Yesterday: return int64_t{today() - 1} * kMicrosPerDay;
    case Special::None: break;
  }
  std::optional<int64_t> micros = with_errors(text, type_name, [&]() -> std::optional<int64_t> {
    Fields f = decode(text, false);
    if (!has_date(f)) fail(DateError::Syntax);
    int32_t julian = julian_of(f);
    int64_t clock = f.has_time ? time_of_day(f) : 0;
    if (julian == INT32_MIN || julian < 0 || julian >= kTimestampEndJulian) return std::nullopt;
    int64_t result = int64_t{julian - kEpochJulian} * kMicrosPerDay + clock;
    if (with_time_zone && f.offset_seconds) result -= int64_t{*f.offset_seconds} * 1000000;
    return result;
  });
  if (!micros || !is_valid_timestamp(*micros)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("timestamp out of range: \"{}\"", text));
  }
  return *micros;
}
std::optional<int> time_zone_offset(std::string_view zone) {
  std::string word;
  for (char c : zone) word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (word == "etc/utc" || word == "etc/gmt" || word == "etc/zulu") return 0;
  if (auto offset = zone_offset(word)) return offset;
  // POSIX offsets: "+02", "-05:30", "3" are hours west of Greenwich.
  size_t i = 0;
  int sign = 1;
  if (i < word.size() && (word[i] == '+' || word[i] == '-')) sign = word[i++] == '-' ? -1 : 1;
  int hours = 0, minutes = 0;
  size_t digits = 0;
  while (i < word.size() && std::isdigit(static_cast<unsigned char>(word[i])) && digits < 2) {
    hours = hours * 10 + (word[i++] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < word.size() && word[i] == ':') {
    ++i;
    size_t minute_digits = 0;
    while (i < word.size() && std::isdigit(static_cast<unsigned char>(word[i])) && minute_digits < 2) {
      minutes = minutes * 10 + (word[i++] - '0');
      ++minute_digits;
    }
    if (minute_digits != 2) return std::nullopt;
  }
  if (i != word.size() || hours > 15 || minutes > 59) return std::nullopt;
  return -sign * (hours * 3600 + minutes * 60);
}

}  // namespace chalkdb
