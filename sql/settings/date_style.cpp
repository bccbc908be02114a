#include "sql/settings/date_style.h"

#include <cctype>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr std::string_view kDefault = "ISO, MDY";

std::string lower_trimmed(std::string_view item) {
  while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
  while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
  if (item.size() >= 2 && item.front() == '"' && item.back() == '"') return std::string(item.substr(1, item.size() - 2));
  std::string lower(item);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::vector<std::string> split_items(std::string_view value) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    items.push_back(lower_trimmed(value.substr(start, comma - start)));
    start = comma + 1;
  }
  return items;
}

struct DateStyle {
  std::optional<std::string> style;  // "ISO", "SQL", "Postgres", "German"
  std::optional<std::string> order;  // "MDY", "DMY", "YMD"
};

SqlError invalid(std::string_view value, std::string detail) {
  return std::move(SqlError(sqlstate::kInvalidParameterValue,
                            fmt::format("invalid value for parameter \"DateStyle\": \"{}\"", value))
                       .with_detail(std::move(detail)));
}

// Records one part; a second, different value for the same part is a conflict.
bool assign(std::optional<std::string>& part, std::string value) {
  if (part && *part != value) return false;
  part = std::move(value);
  return true;
}

std::optional<std::string> style_of(const std::string& item) {
  if (item == "iso") return "ISO";
  if (item == "sql") return "SQL";
  if (item == "postgres") return "Postgres";
  if (item == "german") return "German";
  return std::nullopt;
}

std::optional<std::string> order_of(const std::string& item) {
  if (item == "ymd") return "YMD";
  if (item == "dmy" || item.starts_with("euro")) return "DMY";
  if (item == "mdy" || item == "us" || item.starts_with("noneuro")) return "MDY";
  return std::nullopt;
}

DateStyle parse(std::string_view value) {
  DateStyle parsed;
  bool consistent = true;
  for (const std::string& item : split_items(value)) {
    if (auto style = style_of(item)) {
      consistent = assign(parsed.style, *style) && consistent;
      if (*style == "German" && !parsed.order) parsed.order = "DMY";
    } else if (auto order = order_of(item)) {
      consistent = assign(parsed.order, *order) && consistent;
    } else if (item == "default") {
      if (!parsed.style) parsed.style = "ISO";
      if (!parsed.order) parsed.order = "MDY";
    } else {
      throw invalid(value, fmt::format("Unrecognized key word: \"{}\".", item));
    }
  }
  if (!consistent) throw invalid(value, "Conflicting \"datestyle\" specifications.");
  return parsed;
}

}  // namespace

std::string check_date_style(std::string_view value, std::string_view current) {
  DateStyle parsed = parse(value);
  const DateStyle previous = parse(current.empty() ? kDefault : current);
  const std::string style = parsed.style.value_or(*previous.style);
  if (style != "ISO") throw invalid(value, "ChalkDB supports only the ISO output style.");
  return fmt::format("{}, {}", style, parsed.order.value_or(*previous.order));
}

}  // namespace chalkdb
