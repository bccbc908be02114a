#include "sql/settings/setting_value.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

// PostgreSQL's memory_unit_conversion_table and time_unit_conversion_table: for each base
// unit, the units a value may be written in, largest first, with their size in the base unit.
struct UnitConversion {
  std::string_view unit;
  SettingUnit base;
  double multiplier;
};

constexpr double kKB = 1024.0;
constexpr double kBlock = 8.0;  // kB per 8kB block
constexpr double kSecond = 1000.0;
constexpr double kMinute = 60.0 * kSecond;
constexpr double kHour = 60.0 * kMinute;
constexpr double kDay = 24.0 * kHour;

constexpr UnitConversion kConversions[] = {
    {"TB", SettingUnit::Bytes, kKB * kKB * kKB * kKB},
    {"GB", SettingUnit::Bytes, kKB * kKB * kKB},
    {"MB", SettingUnit::Bytes, kKB * kKB},
    {"kB", SettingUnit::Bytes, kKB},
    {"B", SettingUnit::Bytes, 1.0},
    {"TB", SettingUnit::Kilobytes, kKB * kKB * kKB},
    {"GB", SettingUnit::Kilobytes, kKB * kKB},
    {"MB", SettingUnit::Kilobytes, kKB},
    {"kB", SettingUnit::Kilobytes, 1.0},
    {"B", SettingUnit::Kilobytes, 1.0 / kKB},
    {"TB", SettingUnit::Megabytes, kKB * kKB},
    {"GB", SettingUnit::Megabytes, kKB},
    {"MB", SettingUnit::Megabytes, 1.0},
    {"kB", SettingUnit::Megabytes, 1.0 / kKB},
    {"B", SettingUnit::Megabytes, 1.0 / (kKB * kKB)},
    {"TB", SettingUnit::Blocks8kB, kKB * kKB * kKB / kBlock},
    {"GB", SettingUnit::Blocks8kB, kKB * kKB / kBlock},
    {"MB", SettingUnit::Blocks8kB, kKB / kBlock},
    {"kB", SettingUnit::Blocks8kB, 1.0 / kBlock},
    {"B", SettingUnit::Blocks8kB, 1.0 / (kBlock * kKB)},
    {"d", SettingUnit::Milliseconds, kDay},
    {"h", SettingUnit::Milliseconds, kHour},
    {"min", SettingUnit::Milliseconds, kMinute},
    {"s", SettingUnit::Milliseconds, kSecond},
    {"ms", SettingUnit::Milliseconds, 1.0},
    {"us", SettingUnit::Milliseconds, 1.0 / kSecond},
    {"d", SettingUnit::Seconds, kDay / kSecond},
    {"h", SettingUnit::Seconds, kHour / kSecond},
    {"min", SettingUnit::Seconds, kMinute / kSecond},
    {"s", SettingUnit::Seconds, 1.0},
    {"ms", SettingUnit::Seconds, 1.0 / kSecond},
    {"us", SettingUnit::Seconds, 1.0 / (kSecond * kSecond)},
    {"d", SettingUnit::Minutes, kDay / kMinute},
    {"h", SettingUnit::Minutes, kHour / kMinute},
    {"min", SettingUnit::Minutes, 1.0},
    {"s", SettingUnit::Minutes, kSecond / kMinute},
    {"ms", SettingUnit::Minutes, 1.0 / kMinute},
    {"us", SettingUnit::Minutes, 1.0 / (kMinute * kSecond)},
};

bool is_memory_unit(SettingUnit unit) {
  return unit == SettingUnit::Bytes || unit == SettingUnit::Kilobytes || unit == SettingUnit::Megabytes ||
         unit == SettingUnit::Blocks8kB;
}

const char* units_hint(SettingUnit unit) {
  return is_memory_unit(unit) ? "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."
                              : "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
}

SqlError invalid_value(const SettingDefinition& definition, std::string_view text) {
  return SqlError(sqlstate::kInvalidParameterValue,
                  fmt::format("invalid value for parameter \"{}\": \"{}\"", definition.name, text));
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// convert_to_base_unit(): `unit` is what follows the number (after spaces). A fractional value
// is rounded to a whole number of the next smaller unit ("30.1GB").
std::optional<double> to_base_unit(double value, std::string_view unit, SettingUnit base) {
  size_t length = 0;
  while (length < unit.size() && !is_space(unit[length]) && length < 3) ++length;
  const std::string_view name = unit.substr(0, length);
  for (size_t i = length; i < unit.size(); ++i) {
    if (!is_space(unit[i])) return std::nullopt;  // unit too long, or garbage after it
  }
  for (size_t i = 0; i < std::size(kConversions); ++i) {
    if (kConversions[i].base != base || kConversions[i].unit != name) continue;
    double converted = value * kConversions[i].multiplier;
    const bool has_smaller = i + 1 < std::size(kConversions) && kConversions[i + 1].base == base;
    if (has_smaller) {
      converted = std::rint(converted / kConversions[i + 1].multiplier) * kConversions[i + 1].multiplier;
    }
    return converted;
  }
  return std::nullopt;
}

// The number and the unit after it; strtol first (so 0x1F and 017 work), strtod for decimals.
struct NumberWithUnit {
  double value = 0;
  std::string_view unit;
};

std::optional<NumberWithUnit> split_number(const std::string& text, bool integer) {
  const char* begin = text.c_str();
  char* end = nullptr;
  double value = 0;
  bool parsed = false;
  if (integer) {
    errno = 0;
    const long long whole = std::strtoll(begin, &end, 0);
    parsed = end != begin && errno != ERANGE && *end != '.' && *end != 'e' && *end != 'E';
    value = static_cast<double>(whole);
  }
  if (!parsed) {
    errno = 0;
    value = std::strtod(begin, &end);
    if (end == begin || errno == ERANGE || std::isnan(value)) return std::nullopt;
  }
  while (is_space(*end)) ++end;
  return NumberWithUnit{value, std::string_view(end)};
}

double parse_number(const SettingDefinition& definition, std::string_view text, bool integer) {
  const std::string copy(text);
  std::optional<NumberWithUnit> number = split_number(copy, integer);
  if (!number) throw invalid_value(definition, text);
  if (number->unit.empty()) return number->value;
  if (definition.unit == SettingUnit::None) throw invalid_value(definition, text);
  std::optional<double> converted = to_base_unit(number->value, number->unit, definition.unit);
  if (!converted) throw std::move(invalid_value(definition, text).with_hint(units_hint(definition.unit)));
  return *converted;
}

std::string unit_suffix(const SettingDefinition& definition) {
  return definition.unit == SettingUnit::None ? "" : fmt::format(" {}", unit_name(definition.unit));
}

int64_t parse_int(const SettingDefinition& definition, std::string_view text) {
  const double value = std::rint(parse_number(definition, text, true));
  if (value > INT_MAX || value < INT_MIN) {
    throw std::move(invalid_value(definition, text).with_hint("Value exceeds integer range."));
  }
  const auto result = static_cast<int64_t>(value);
  if (value < definition.min || value > definition.max) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("{}{} is outside the valid range for parameter \"{}\" ({} .. {})", result,
                               unit_suffix(definition), definition.name, static_cast<int64_t>(definition.min),
                               static_cast<int64_t>(definition.max)));
  }
  return result;
}

double parse_real(const SettingDefinition& definition, std::string_view text) {
  const double value = parse_number(definition, text, false);
  if (value < definition.min || value > definition.max) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   fmt::format("{:g}{} is outside the valid range for parameter \"{}\" ({:g} .. {:g})", value,
                               unit_suffix(definition), definition.name, definition.min, definition.max));
  }
  return value;
}

bool is_prefix_ignoring_case(std::string_view text, std::string_view word) {
  if (text.empty() || text.size() > word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  }
  return true;
}

// parse_bool(): true/false/yes/no and any prefix of them, on/off (at least two letters), 1/0.
std::optional<bool> parse_bool(std::string_view text) {
  if (text == "1") return true;
  if (text == "0") return false;
  if (is_prefix_ignoring_case(text, "true") || is_prefix_ignoring_case(text, "yes")) return true;
  if (is_prefix_ignoring_case(text, "false") || is_prefix_ignoring_case(text, "no")) return false;
  if (text.size() >= 2 && is_prefix_ignoring_case(text, "on")) return true;
  if (text.size() >= 2 && is_prefix_ignoring_case(text, "off")) return false;
  return std::nullopt;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string parse_enum(const SettingDefinition& definition, std::string_view text) {
  for (const std::string& value : definition.enum_values) {
    if (equal_ignoring_case(value, text)) return value;
  }
  throw std::move(invalid_value(definition, text)
                      .with_hint(fmt::format("Available values: {}.", fmt::join(definition.enum_values, ", "))));
}

// convert_int_from_base_unit(): the largest unit that divides the value evenly.
std::string show_int(const SettingDefinition& definition, int64_t value) {
  if (value <= 0 || definition.unit == SettingUnit::None) return std::to_string(value);
  for (const UnitConversion& conversion : kConversions) {
    if (conversion.base != definition.unit) continue;
    if (conversion.multiplier <= 1.0 || value % static_cast<int64_t>(conversion.multiplier) == 0) {
      return fmt::format("{}{}", static_cast<int64_t>(std::rint(static_cast<double>(value) / conversion.multiplier)),
                         conversion.unit);
    }
  }
  return std::to_string(value);
}

// convert_real_from_base_unit(): the first unit giving a whole number, else the smallest.
std::string show_real(const SettingDefinition& definition, double value) {
  if (value <= 0 || definition.unit == SettingUnit::None) return fmt::format("{:g}", value);
  double shown = value;
  std::string_view unit;
  for (const UnitConversion& conversion : kConversions) {
    if (conversion.base != definition.unit) continue;
    shown = value / conversion.multiplier;
    unit = conversion.unit;
    if (shown > 0 && std::rint(shown) == shown) break;
  }
  return fmt::format("{:g}{}", shown, unit);
}

}  // namespace

SettingValue parse_setting_value(const SettingDefinition& definition, std::string_view text,
                                 const SettingValue& current) {
  switch (definition.type) {
    case SettingType::Bool: {
      std::optional<bool> value = parse_bool(text);
      if (!value) {
        throw SqlError(sqlstate::kInvalidParameterValue,
                       fmt::format("parameter \"{}\" requires a Boolean value", definition.name));
      }
      return *value;
    }
    case SettingType::Int: return parse_int(definition, text);
    case SettingType::Real: return parse_real(definition, text);
    case SettingType::Enum: return parse_enum(definition, text);
    case SettingType::String: {
      if (!definition.check) return std::string(text);
      const auto* previous = std::get_if<std::string>(&current);
      return definition.check(text, previous ? *previous : std::string_view());
    }
  }
  throw invalid_value(definition, text);
}

std::string show_setting_value(const SettingDefinition& definition, const SettingValue& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "on" : "off";
  if (const auto* integer = std::get_if<int64_t>(&value)) return show_int(definition, *integer);
  if (const auto* real = std::get_if<double>(&value)) return show_real(definition, *real);
  return std::get<std::string>(value);
}

std::string raw_setting_value(const SettingDefinition& definition, const SettingValue& value) {
  if (const auto* integer = std::get_if<int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) return fmt::format("{:g}", *real);
  return show_setting_value(definition, value);
}

}  // namespace chalkdb
