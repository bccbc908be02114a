#include "sql/types/overload_resolution.h"

#include <algorithm>
#include <optional>

#include "sql/types/array_type.h"
#include "sql/types/cast.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

namespace {

using Candidates = std::vector<size_t>;

struct CategoryInfo {
  char category;
  bool preferred;
};

CategoryInfo category_of(TypeId id) {
  if (is_pseudo_type(id)) return {type_category::kPseudo, false};
  const TypeInfo& info = type_info(id);
  return {info.category, info.preferred};
}

bool can_coerce_implicitly(TypeId input, TypeId declared) {
  if (declared == TypeId::AnyArray) return input == TypeId::Unknown || is_array_type(input);
  return input == declared || input == TypeId::Unknown ||
         (is_pseudo_type(declared) && !(declared == kAnyNonArrayType && is_array_type(input))) ||
         can_cast(input, declared, CastContext::Implicit);
}

bool accepts_all(const std::vector<TypeId>& declared, std::span<const TypeId> inputs) {
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!can_coerce_implicitly(inputs[i], declared[i])) return false;
  return polymorphic_element_type(declared, inputs).has_value();
}

bool is_preferred_in(char category, TypeId type) {
  CategoryInfo info = category_of(type);
  return info.preferred && info.category == category;
}

// Keeps the candidates with the highest score, or all of them when every score is zero.
template <typename Score>
Candidates keep_best(const Candidates& candidates, Score score) {
  int best = 0;
  Candidates kept;
  for (size_t c : candidates) {
    int s = score(c);
    if (s > best) {
      best = s;
      kept.clear();
    }
    if (s == best) kept.push_back(c);
  }
  return best == 0 ? candidates : kept;
}

// Step e: decide the category (and preference) of each unknown input from what the
// candidates offer there. On a category conflict nothing is narrowed.
Candidates narrow_by_unknown_categories(std::span<const std::vector<TypeId>> all,
                                        const Candidates& candidates,
                                        std::span<const TypeId> inputs) {
  std::vector<char> slot_category(inputs.size(), 0);
  std::vector<bool> slot_preferred(inputs.size(), false);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i] != TypeId::Unknown) continue;
    bool conflict = false;
    for (size_t c : candidates) {
      CategoryInfo info = category_of(all[c][i]);
      if (slot_category[i] == 0) {
        slot_category[i] = info.category;
        slot_preferred[i] = info.preferred;
      } else if (info.category == slot_category[i]) {
        slot_preferred[i] = slot_preferred[i] || info.preferred;
      } else if (info.category == type_category::kString) {
        slot_category[i] = info.category;  // the string category wins
        slot_preferred[i] = info.preferred;
      } else {
        conflict = true;
      }
    }
    if (conflict && slot_category[i] != type_category::kString) return candidates;
  }
  Candidates kept;
  for (size_t c : candidates) {
    bool keep = true;
    for (size_t i = 0; i < inputs.size() && keep; ++i) {
      if (inputs[i] != TypeId::Unknown) continue;
      CategoryInfo info = category_of(all[c][i]);
      keep = info.category == slot_category[i] && (!slot_preferred[i] || info.preferred);
    }
    if (keep) kept.push_back(c);
  }
  return kept.empty() ? candidates : kept;
}

// Step f: unknown inputs assumed to have the type shared by all known inputs.
OverloadChoice assume_known_type(std::span<const std::vector<TypeId>> all,
                                 const Candidates& candidates, std::span<const TypeId> inputs) {
  TypeId known = TypeId::Unknown;
  for (TypeId input : inputs) {
    if (input == TypeId::Unknown) continue;
    if (known != TypeId::Unknown && known != input) return {OverloadChoice::Outcome::Ambiguous};
    known = input;
  }
  if (known == TypeId::Unknown) return {OverloadChoice::Outcome::Ambiguous};
  std::vector<TypeId> assumed(inputs.size(), known);
  OverloadChoice choice{OverloadChoice::Outcome::Ambiguous};
  int matches = 0;
  for (size_t c : candidates) {
    if (accepts_all(all[c], assumed)) {
      ++matches;
      choice.index = c;
    }
  }
  if (matches == 1) choice.outcome = OverloadChoice::Outcome::Found;
  return choice;
}

OverloadChoice found(size_t index) { return {OverloadChoice::Outcome::Found, index}; }

}  // namespace

bool is_pseudo_type(TypeId id) {
  return id == kAnyType || id == kAnyNonArrayType || id == TypeId::AnyElement || id == TypeId::AnyArray;
}

std::optional<TypeId> polymorphic_element_type(std::span<const TypeId> declared,
                                               std::span<const TypeId> inputs) {
  TypeId element = TypeId::Unknown;
  for (size_t i = 0; i < inputs.size() && i < declared.size(); ++i) {
    if (inputs[i] == TypeId::Unknown) continue;
    TypeId found;
    if (declared[i] == TypeId::AnyArray) {
      std::optional<TypeId> e = array_element_type(inputs[i]);
      if (!e) return std::nullopt;
      found = *e;
    } else if (declared[i] == TypeId::AnyElement) {
      found = inputs[i];
    } else {
      continue;
    }
    if (element != TypeId::Unknown && element != found) return std::nullopt;
    element = found;
  }
  return element;
}

TypeId resolved_argument_type(TypeId declared, TypeId input) {
  if (!is_pseudo_type(declared)) return declared;
  return input == TypeId::Unknown ? TypeId::Text : input;
}

OverloadChoice select_overload(std::span<const std::vector<TypeId>> all,
                               std::span<const TypeId> inputs, bool binary_operator) {
  // Exact match, with the binary-operator rule for a single unknown input.
  std::vector<TypeId> exact(inputs.begin(), inputs.end());
  if (binary_operator && exact.size() == 2) {
    if (exact[0] == TypeId::Unknown && exact[1] != TypeId::Unknown) exact[0] = exact[1];
    else if (exact[1] == TypeId::Unknown && exact[0] != TypeId::Unknown) exact[1] = exact[0];
  }
  for (size_t c = 0; c < all.size(); ++c)
    if (std::equal(all[c].begin(), all[c].end(), exact.begin(), exact.end())) return found(c);

  Candidates candidates;
  for (size_t c = 0; c < all.size(); ++c)
    if (accepts_all(all[c], inputs)) candidates.push_back(c);
  if (candidates.empty()) return {};
  if (candidates.size() == 1) return found(candidates[0]);

  candidates = keep_best(candidates, [&](size_t c) {
    int n = 0;
    for (size_t i = 0; i < inputs.size(); ++i)
      if (inputs[i] != TypeId::Unknown && all[c][i] == inputs[i]) ++n;
    return n;
  });
  if (candidates.size() == 1) return found(candidates[0]);

  candidates = keep_best(candidates, [&](size_t c) {
    int n = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (inputs[i] == TypeId::Unknown) continue;
      if (all[c][i] == inputs[i] || is_preferred_in(category_of(inputs[i]).category, all[c][i])) ++n;
    }
    return n;
  });
  if (candidates.size() == 1) return found(candidates[0]);

  bool any_unknown = std::find(inputs.begin(), inputs.end(), TypeId::Unknown) != inputs.end();
  if (!any_unknown) return {OverloadChoice::Outcome::Ambiguous};
  candidates = narrow_by_unknown_categories(all, candidates, inputs);
  if (candidates.size() == 1) return found(candidates[0]);
  return assume_known_type(all, candidates, inputs);
}

}  // namespace chalkdb
