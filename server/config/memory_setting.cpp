#include "server/config/memory_setting.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

namespace chalkdb {

namespace {

constexpr double kPageBytes = 8192;
constexpr double kMinPages = 16;
constexpr double kMaxPages = 1073741823;  // INT_MAX / 2, PostgreSQL's limit

std::optional<double> unit_bytes(std::string_view unit) {
  if (unit.empty()) return kPageBytes;
  if (unit == "B") return 1.0;
  if (unit == "kB") return 1024.0;
  if (unit == "MB") return 1024.0 * 1024;
  if (unit == "GB") return 1024.0 * 1024 * 1024;
  if (unit == "TB") return 1024.0 * 1024 * 1024 * 1024;
  return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

size_t parse_shared_buffers(std::string_view text) {
  std::string invalid = fmt::format("invalid value for parameter \"shared_buffers\": \"{}\"", text);
  std::string value(trimmed(text));
  bool starts_numeric = !value.empty() && (std::isdigit(static_cast<unsigned char>(value[0])) ||
                                           value[0] == '-' || value[0] == '+' || value[0] == '.');
  char* end = nullptr;
  double number = starts_numeric ? std::strtod(value.c_str(), &end) : 0;
  if (!starts_numeric || end == value.c_str() || !std::isfinite(number)) {
    throw InvalidSettingValue(invalid);
  }
  std::optional<double> unit = unit_bytes(trimmed(std::string_view(end)));
  if (!unit) {
    throw InvalidSettingValue(invalid + "\nHINT:  Valid units for this parameter are \"B\", "
                                        "\"kB\", \"MB\", \"GB\", and \"TB\".");
  }
  double pages = std::rint(number * *unit / kPageBytes);
  if (pages < kMinPages || pages > kMaxPages) {
    throw InvalidSettingValue(fmt::format(
        "{} 8kB is outside the valid range for parameter \"shared_buffers\" (16 .. 1073741823)",
        pages));
  }
  return static_cast<size_t>(pages);
}

}  // namespace chalkdb
