#include "planner/name_matching.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace chalkdb {

namespace {

size_t levenshtein(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_column_hint(
    const std::string& name, const std::vector<std::pair<std::string, std::string>>& candidates) {
  size_t best = name.size() / 2 + 1;  // distances above half the name's length are no match
  const std::pair<std::string, std::string>* match = nullptr;
  bool tie = false;
  for (const auto& candidate : candidates) {
    size_t d = levenshtein(name, candidate.second);
    if (d == 0 || d > name.size() / 2) continue;
    if (d < best) {
      best = d;
      match = &candidate;
      tie = false;
    } else if (d == best) {
      tie = true;
    }
  }
  if (!match || tie) return std::nullopt;
  return fmt::format("Perhaps you meant to reference the column \"{}.{}\".", match->first,
                     match->second);
}

}  // namespace chalkdb
