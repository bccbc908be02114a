#include "sql/ast/literal_tracker.h"

#include <algorithm>

namespace chalkdb::ast {

namespace {
thread_local LiteralTracker* active_tracker = nullptr;
}  // namespace

Literal::Literal(int loc) : Expr(ExprKind::Literal, loc) { LiteralTracker::made(*this); }

Literal::~Literal() { LiteralTracker::destroyed(*this); }

LiteralTracker::LiteralTracker() : outer_(active_tracker) { active_tracker = this; }

LiteralTracker::~LiteralTracker() { active_tracker = outer_; }

void LiteralTracker::made(Literal& literal) {
  if (active_tracker) active_tracker->literals_.emplace_back(&literal, literal.location);
}

void LiteralTracker::destroyed(Literal& literal) {
  if (!active_tracker) return;
  std::erase_if(active_tracker->literals_, [&](const Made& made) { return made.first == &literal; });
}

}  // namespace chalkdb::ast
