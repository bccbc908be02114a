#include "sql/parser/window_builder.h"

#include "sql/error/sql_error.h"
#include "sql/parser/identifier.h"
#include "sql/parser/parse_tree.h"
#include "sql/parser/query_builder.h"

namespace chalkdb {

namespace {

using P = ChalkSqlParser;
using ast::FrameBoundKind;

SqlError windowing_error(const char* message, int location) {
  return std::move(SqlError(sqlstate::kWindowingError, message).with_position(location + 1));
}

ast::FrameBound frame_bound(QueryBuilder& queries, P::FrameBoundContext* context) {
  ast::FrameBound bound;
  bound.location = location_of(context);
  bool preceding = context->direction && context->direction->getType() == P::PRECEDING;
  if (context->CURRENT_P()) {
    bound.kind = FrameBoundKind::CurrentRow;
  } else if (context->UNBOUNDED()) {
    bound.kind = preceding ? FrameBoundKind::UnboundedPreceding : FrameBoundKind::UnboundedFollowing;
  } else {
    bound.kind = preceding ? FrameBoundKind::OffsetPreceding : FrameBoundKind::OffsetFollowing;
    bound.offset = queries.expressions().build(context->aExpr());
  }
  return bound;
}

// The checks gram.y's frame_extent makes.
void check_frame(const ast::WindowFrame& frame, bool between) {
  const auto start = frame.start.kind, end = frame.end.kind;
  if (start == FrameBoundKind::UnboundedFollowing)
    throw windowing_error("frame start cannot be UNBOUNDED FOLLOWING", frame.start.location);
  if (!between) {
    if (start == FrameBoundKind::OffsetFollowing)
      throw windowing_error("frame starting from following row cannot end with current row",
                            frame.start.location);
    return;
  }
  if (end == FrameBoundKind::UnboundedPreceding)
    throw windowing_error("frame end cannot be UNBOUNDED PRECEDING", frame.end.location);
  if (start == FrameBoundKind::CurrentRow && end == FrameBoundKind::OffsetPreceding)
    throw windowing_error("frame starting from current row cannot have preceding rows",
                          frame.end.location);
  if (start == FrameBoundKind::OffsetFollowing &&
      (end == FrameBoundKind::OffsetPreceding || end == FrameBoundKind::CurrentRow))
    throw windowing_error("frame starting from following row cannot have preceding rows",
                          frame.end.location);
}

ast::WindowFrame frame(QueryBuilder& queries, P::FrameClauseContext* context) {
  ast::WindowFrame frame;
  frame.location = location_of(child_start(context, 1));  // gram.y's frame_extent position
  switch (context->frameMode->getType()) {
    case P::ROWS: frame.mode = ast::FrameMode::Rows; break;
    case P::GROUPS: frame.mode = ast::FrameMode::Groups; break;
    default: frame.mode = ast::FrameMode::Range; break;
  }
  auto bounds = context->frameBound();
  frame.start = frame_bound(queries, bounds[0]);
  if (bounds.size() > 1) frame.end = frame_bound(queries, bounds[1]);
  check_frame(frame, bounds.size() > 1);
  if (auto* exclusion = context->windowExclusionClause()) {
    if (exclusion->CURRENT_P()) frame.exclusion = ast::FrameExclusion::CurrentRow;
    else if (exclusion->GROUP()) frame.exclusion = ast::FrameExclusion::Group;
    else if (exclusion->TIES()) frame.exclusion = ast::FrameExclusion::Ties;
  }
  return frame;
}

ast::ExprPtr group_by_item(QueryBuilder& queries, P::GroupByItemContext* context) {
  if (auto* plain = dynamic_cast<P::PlainGroupItemContext*>(context))
    return queries.expressions().build(plain->aExpr());
  auto set = std::make_unique<ast::GroupingSet>(location_of(context));
  if (auto* rollup = dynamic_cast<P::RollupClauseContext*>(context)) {
    set->set_kind = ast::GroupingSetKind::Rollup;
    set->items = queries.expressions().build_list(rollup->exprList());
  } else if (auto* cube = dynamic_cast<P::CubeClauseContext*>(context)) {
    set->set_kind = ast::GroupingSetKind::Cube;
    set->items = queries.expressions().build_list(cube->exprList());
  } else if (auto* sets = dynamic_cast<P::GroupingSetsClauseContext*>(context)) {
    set->set_kind = ast::GroupingSetKind::Sets;
    for (auto* item : sets->groupByItem()) set->items.push_back(group_by_item(queries, item));
  }
  return set;
}

}  // namespace

ast::WindowSpec build_window_spec(QueryBuilder& queries, P::WindowSpecificationContext* context) {
  ast::WindowSpec spec;
  spec.location = location_of(context);
  if (context->existingWindowName) spec.refname = identifier_name(context->existingWindowName);
  if (auto* partition = context->partitionClause())
    spec.partition_by = queries.expressions().build_list(partition->exprList());
  if (auto* sort = context->sortClause()) spec.order_by = queries.order_items(sort);
  if (auto* frame_clause = context->frameClause()) spec.frame = frame(queries, frame_clause);
  return spec;
}

std::vector<ast::ExprPtr> build_group_by(QueryBuilder& queries, P::GroupClauseContext* context) {
  std::vector<ast::ExprPtr> items;
  for (auto* item : context->groupByItem()) items.push_back(group_by_item(queries, item));
  return items;
}

}  // namespace chalkdb
