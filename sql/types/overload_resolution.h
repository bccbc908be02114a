// Choosing among overloaded operators and functions: PostgreSQL's rules from "Type
// Conversion" (parse_oper.c, parse_func.c func_select_candidate), shared by operators.h and
// functions.h.
//
// Given the candidates' declared argument types and the actual input types it keeps, in order:
// an exact match (for a binary operator with one unknown input, the unknown is first taken to
// be the other input's type); the candidates every input can reach by implicit casts (unknown
// literals reach anything); those with the most exact matches; those taking the preferred type
// of the input's category where a cast is needed; for unknown inputs, the string category if
// any candidate offers it, else the one category all offer, preferring preferred types; and
// last, unknowns assumed to be the one type of the known inputs. Candidates may declare the
// pseudo types anynonarray and "any", which accept any input, and anyelement / anyarray,
// which must agree on one element type (polymorphic_element_type).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "sql/types/type_id.h"

namespace chalkdb {

// Pseudo types of pg_type (category P) usable as a candidate's argument type.
inline constexpr TypeId kAnyType = static_cast<TypeId>(2276);         // "any"
inline constexpr TypeId kAnyNonArrayType = static_cast<TypeId>(2776); // anynonarray

bool is_pseudo_type(TypeId id);

// The element type the polymorphic arguments (anyelement, anyarray) of a candidate agree on
// for these inputs (Unknown when no input decides it), nullopt when they disagree, e.g.
// integer[] || text for anyarray || anyelement.
std::optional<TypeId> polymorphic_element_type(std::span<const TypeId> declared,
                                               std::span<const TypeId> inputs);

struct OverloadChoice {
  enum class Outcome { Found, NotFound, Ambiguous };
  Outcome outcome = Outcome::NotFound;
  size_t index = 0;  // into the candidate list when Found
};

// `candidates[i]` is the argument type list of candidate i (all of the inputs' arity).
// `binary_operator` enables the operator-only exact-match rule for one unknown input.
OverloadChoice select_overload(std::span<const std::vector<TypeId>> candidates,
                               std::span<const TypeId> inputs, bool binary_operator);

// The type an argument takes once a candidate is chosen: the declared type, or for a pseudo
// type the input's own type (text for an unknown literal).
TypeId resolved_argument_type(TypeId declared, TypeId input);

}  // namespace chalkdb
