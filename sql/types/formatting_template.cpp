#include "sql/types/formatting_template.h"

#include <cctype>
#include <cstdlib>

namespace chalkdb::formatting {

namespace {

// Longest first where one keyword is a prefix of another.
constexpr Keyword kKeywords[] = {
    {"HH24", Field::HH24, false}, {"HH12", Field::HH12, false}, {"HH", Field::HH, false},
    {"MI", Field::MI, false},     {"SSSS", Field::SSSS, false}, {"SS", Field::SS, false},
    {"MS", Field::MS, false},     {"US", Field::US, false},     {"A.M.", Field::AMDots, false},
    {"P.M.", Field::PMDots, false}, {"AM", Field::AM, false},   {"PM", Field::PM, false},
    {"IYYY", Field::IYYY, false}, {"YYYY", Field::YYYY, false}, {"YYY", Field::YYY, false},
    {"YY", Field::YY, false},     {"Y", Field::Y, false},       {"MONTH", Field::Month, true},
    {"MON", Field::Mon, true},    {"MM", Field::MM, false},     {"DAY", Field::Day, true},
    {"DY", Field::Dy, true},      {"DDD", Field::DDD, false},   {"DD", Field::DD, false},
    {"D", Field::D, false},       {"ID", Field::ID, false},     {"IW", Field::IW, false},
    {"WW", Field::WW, false},     {"Q", Field::Q, false},       {"CC", Field::CC, false},
    {"J", Field::J, false},       {"TZ", Field::TZ, true},      {"OF", Field::OF, false},
};

}  // namespace

bool starts_with_ci(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

Case case_of(std::string_view text, size_t at) {
  bool first_upper = std::isupper(static_cast<unsigned char>(text[at])) != 0;
  bool second_upper = at + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 1])) != 0;
  if (first_upper && second_upper) return Case::Upper;
  return first_upper ? Case::Capitalized : Case::Lower;
}

std::string with_case(std::string_view name, Case c) {
  std::string out(name);
  for (size_t i = 0; i < out.size(); ++i) {
    auto ch = static_cast<unsigned char>(out[i]);
    if (c == Case::Upper || (c == Case::Capitalized && i == 0)) out[i] = static_cast<char>(std::toupper(ch));
    else out[i] = static_cast<char>(std::tolower(ch));
  }
  return out;
}

const Keyword* keyword_at(std::string_view text, size_t at) {
  for (const Keyword& k : kKeywords)
    if (starts_with_ci(text, at, k.text)) return &k;
  return nullptr;
}

std::string ordinal_suffix(int64_t n, bool upper) {
  int64_t last_two = std::llabs(n) % 100;
  int64_t last = std::llabs(n) % 10;
  std::string_view s = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) s = "st";
    else if (last == 2) s = "nd";
    else if (last == 3) s = "rd";
  }
  return upper ? with_case(s, Case::Upper) : std::string(s);
}

}  // namespace chalkdb::formatting
