#include "sql/types/datetime_template_parser.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "sql/error/sql_error.h"
#include "sql/types/datetime.h"
#include "sql/types/formatting_template.h"

namespace chalkdb::formatting {

namespace {

using T = TypeId;
using Args = std::span<const Value>;

// ---- to_date / to_timestamp ------------------------------------------------------------------

struct ParsedMoment {
  int64_t year = 2000;
  bool year_set = false;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t micros = 0;
  std::optional<bool> pm;
  bool hour12 = false;
  std::optional<int> day_of_year;
};

SqlError bad_field(std::string_view value, std::string_view keyword, std::string detail) {
  return SqlError(sqlstate::kInvalidDatetimeFormat,
                  fmt::format("invalid value \"{}\" for \"{}\"", value, keyword))
      .with_detail(std::move(detail));
}

class MomentParser {
 public:
  MomentParser(std::string_view input, std::string_view pattern) : input_(input), pattern_(pattern) {}

  ParsedMoment parse() {
    ParsedMoment p;
    for (size_t i = 0; i < pattern_.size();) {
      if (starts_with_ci(pattern_, i, "FM") || starts_with_ci(pattern_, i, "FX")) {
        i += 2;
        continue;
      }
      if (pattern_[i] == '"') {
        for (++i; i < pattern_.size() && pattern_[i] != '"'; ++i) skip_one();
        ++i;
        continue;
      }
      const Keyword* k = keyword_at(pattern_, i);
      if (k == nullptr) {
        if (std::isspace(static_cast<unsigned char>(pattern_[i]))) {
          skip_spaces();
        } else {
          skip_spaces();
          if (pos_ < input_.size() && !std::isalnum(static_cast<unsigned char>(input_[pos_]))) ++pos_;
        }
        ++i;
        continue;
      }
      std::string_view text = pattern_.substr(i, k->text.size());
      i += k->text.size();
      if (starts_with_ci(pattern_, i, "TH")) i += 2;
      skip_spaces();
      read_field(*k, text, p);
    }
    return p;
  }

 private:
  void skip_spaces() {
    while (pos_ < input_.size() && std::isspace(static_cast<unsigned char>(input_[pos_]))) ++pos_;
  }
  void skip_one() {
    if (pos_ < input_.size()) ++pos_;
  }

  int64_t read_number(std::string_view keyword, size_t max_digits) {
    size_t start = pos_;
    if (pos_ < input_.size() && (input_[pos_] == '-' || input_[pos_] == '+')) ++pos_;
    while (pos_ < input_.size() && pos_ - start < max_digits && std::isdigit(static_cast<unsigned char>(input_[pos_]))) ++pos_;
    std::string_view digits = input_.substr(start, pos_ - start);
    if (digits.empty() || digits == "-" || digits == "+") {
      size_t end = start;
      while (end < input_.size() && !std::isspace(static_cast<unsigned char>(input_[end]))) ++end;
      throw bad_field(input_.substr(start, std::min<size_t>(end - start, max_digits)), keyword,
                      "Value must be an integer.");
    }
    return std::stoll(std::string(digits));
  }

  int read_name(std::string_view keyword, bool days, bool abbreviated) {
    size_t count = days ? kDays.size() : kMonths.size();
    for (size_t n = 0; n < count; ++n) {
      std::string_view full = days ? kDays[n] : kMonths[n];
      std::string_view candidate = abbreviated ? full.substr(0, 3) : full;
      if (starts_with_ci(input_, pos_, with_case(candidate, Case::Upper))) {
        pos_ += candidate.size();
        return static_cast<int>(n);
      }
    }
    throw bad_field(input_.substr(pos_, 9), keyword, "The given value did not match any of the allowed values for this field.");
  }

  void read_field(const Keyword& k, std::string_view text, ParsedMoment& p) {
    switch (k.field) {
      case Field::YYYY: p.year = read_number(text, 4); p.year_set = true; break;
      case Field::YYY: p.year = 2000 + read_number(text, 3) % 1000; p.year_set = true; break;
      case Field::YY: {
        int64_t yy = read_number(text, 2);
        p.year = yy < 70 ? 2000 + yy : 1900 + yy;
        p.year_set = true;
        break;
      }
      case Field::Y: p.year = 2000 + read_number(text, 1); p.year_set = true; break;
      case Field::MM: p.month = static_cast<int>(read_number(text, 2)); break;
      case Field::DD: p.day = static_cast<int>(read_number(text, 2)); break;
      case Field::DDD: p.day_of_year = static_cast<int>(read_number(text, 3)); break;
      case Field::HH24: p.hour = static_cast<int>(read_number(text, 2)); break;
      case Field::HH12:
      case Field::HH: p.hour = static_cast<int>(read_number(text, 2)); p.hour12 = true; break;
      case Field::MI: p.minute = static_cast<int>(read_number(text, 2)); break;
      case Field::SS: p.second = static_cast<int>(read_number(text, 2)); break;
      case Field::MS: p.micros = read_number(text, 3) * 1000; break;
      case Field::US: p.micros = read_number(text, 6); break;
      case Field::Month: p.month = read_name(text, false, false) + 1; break;
      case Field::Mon: p.month = read_name(text, false, true) + 1; break;
      case Field::Day: read_name(text, true, false); break;
      case Field::Dy: read_name(text, true, true); break;
      case Field::D:
      case Field::ID: read_number(text, 1); break;
      case Field::AM:
      case Field::PM:
      case Field::AMDots:
      case Field::PMDots: {
        bool dots = k.field == Field::AMDots || k.field == Field::PMDots;
        if (starts_with_ci(input_, pos_, dots ? "P.M." : "PM")) p.pm = true;
        else if (starts_with_ci(input_, pos_, dots ? "A.M." : "AM")) p.pm = false;
        else throw bad_field(input_.substr(pos_, dots ? 4 : 2), text, "The given value did not match any of the allowed values for this field.");
        pos_ += dots ? 4 : 2;
        break;
      }
      default:
        throw SqlError(sqlstate::kFeatureNotSupported,
                       fmt::format("formatting field \"{}\" is only supported in to_char", text));
    }
  }

  std::string_view input_, pattern_;
  size_t pos_ = 0;
};

int64_t parsed_timestamp(std::string_view input, std::string_view pattern, bool date_only) {
  ParsedMoment p = MomentParser(input, pattern).parse();
  if (p.hour12) {
    if (p.hour < 1 || p.hour > 12) {
      throw SqlError(sqlstate::kInvalidDatetimeFormat,
                     fmt::format("hour \"{}\" is invalid for the 12-hour clock", p.hour))
          .with_hint("Use the 24-hour clock, or give an hour between 1 and 12.");
    }
  }
  if (p.pm) {
    if (*p.pm && p.hour < 12) p.hour += 12;
    if (!*p.pm && p.hour == 12) p.hour = 0;
  }
  int64_t year = p.year <= 0 ? p.year + 1 : p.year;
  bool valid = p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 && year > -4713 && year < 294277;
  int32_t days = 0;
  if (valid) {
    if (p.day_of_year) {
      days = days_from_civil(static_cast<int>(year), 1, 1) + *p.day_of_year - 1;
    } else {
      days = days_from_civil(static_cast<int>(year), p.month, p.day);
      int y, m, d;
      civil_from_days(days, y, m, d);
      valid = y == year && m == p.month && d == p.day;
    }
  }
  bool time_valid = p.hour >= 0 && p.hour <= 24 && p.minute >= 0 && p.minute < 60 && p.second >= 0 && p.second < 60;
  if (!valid || (!date_only && !time_valid)) {
    throw SqlError(sqlstate::kDatetimeFieldOverflow,
                   fmt::format("date/time field value out of range: \"{}\"", input));
  }
  if (date_only) return days;
  return int64_t{days} * 86400 * kMicrosPerSecond +
         ((int64_t{p.hour} * 60 + p.minute) * 60 + p.second) * kMicrosPerSecond + p.micros;
}

}  // namespace

Value to_date_fn(Args a) {
  return Value::date(static_cast<int32_t>(parsed_timestamp(a[0].as_text(), a[1].as_text(), true)));
}

Value to_timestamp_text_fn(Args a) {
  return Value::timestamp(parsed_timestamp(a[0].as_text(), a[1].as_text(), false), T::TimestampTz);
}

}  // namespace chalkdb::formatting
