#include "planner/type_resolution.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/types/cast.h"
#include "sql/types/type_registry.h"

namespace chalkdb {

DataType common_type(const std::vector<BoundExprPtr>& exprs, const char* construct) {
  const BoundExpr* chosen = nullptr;
  for (const auto& expr : exprs) {
    if (expr->type.id == TypeId::Unknown) continue;
    if (!chosen) {
      chosen = expr.get();
      continue;
    }
    TypeId current = chosen->type.id, next = expr->type.id;
    if (next == current) continue;
    const TypeInfo& current_info = type_info(current);
    const TypeInfo& next_info = type_info(next);
    if (current_info.category != next_info.category) {
      throw SqlError(sqlstate::kDatatypeMismatch,
                     fmt::format("{} types {} and {} cannot be matched", construct,
                                 format_type(chosen->type), format_type(expr->type)))
          .with_position(expr->location + 1);
    }
    // Move to the new type when it is preferred, or when only the old converts to it.
    if (!current_info.preferred && can_cast(current, next, CastContext::Implicit) &&
        !can_cast(next, current, CastContext::Implicit))
      chosen = expr.get();
  }
  if (!chosen) return DataType{TypeId::Text};
  // The result keeps a modifier only when every branch has the same type and modifier
  // (select_common_typmod): numeric(12,2) and an integer give plain numeric, so the
  // integer's value is not rescaled to two decimals.
  DataType result = chosen->type;
  for (const auto& expr : exprs)
    if (expr->type.id != result.id || expr->type.typmod != result.typmod) result.typmod = -1;
  return result;
}

void throw_cannot_cast(DataType from, DataType to) {
  throw SqlError(sqlstate::kCannotCoerce,
                 fmt::format("cannot cast type {} to {}", format_type(from), format_type(to)));
}

}  // namespace chalkdb
