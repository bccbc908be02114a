// ARRAY(SELECT ...) as a SubPlan: the sublink kind whose answer is an array of every row's
// value, in order (an empty array, not NULL, when there are none). PostgreSQL's
// ARRAY_SUBLINK. It extends SubLinkType (planner/bound_expr.h) by a value past its
// enumerators; code that switches over SubLinkType tests for it first.
#pragma once

#include "planner/bound_expr.h"

namespace chalkdb {

inline constexpr SubLinkType kArraySubLink = static_cast<SubLinkType>(static_cast<int>(SubLinkType::All) + 1);

}  // namespace chalkdb
