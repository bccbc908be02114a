// Small helpers shared by the expression binder's files: error positions and new nodes.
#pragma once

#include <memory>

#include "planner/bound_expr.h"
#include "sql/error/sql_error.h"

namespace chalkdb::binder_support {

// PostgreSQL reports positions 1-based; AST locations are 0-based.
inline int position_of(int location) { return location + 1; }

// Adds the position to an error raised while resolving something at `location`.
template <typename F>
auto at_location(int location, F&& resolve) -> decltype(resolve()) {
  try {
    return resolve();
  } catch (SqlError& error) {
    if (!error.position && location >= 0) error.with_position(position_of(location));
    throw;
  }
}

inline std::shared_ptr<BoundExpr> new_node(BoundExprKind kind, DataType type, int location) {
  auto e = std::make_shared<BoundExpr>();
  e->kind = kind;
  e->type = type;
  e->location = location;
  return e;
}

}  // namespace chalkdb::binder_support
