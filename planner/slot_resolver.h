// Slot resolution (PostgreSQL's setrefs): gives each Column reference the position it reads
// in its operator's input row, once the planner knows the row's layout.
#pragma once

#include <utility>
#include <vector>

#include "planner/bound_expr.h"

namespace chalkdb {

// The columns of a row, in order: (range-table entry, attribute) per slot.
using RowLayout = std::vector<std::pair<int, int>>;

// For expressions over a scan or join row: Column(rte, attno) → its slot in `layout`.
BoundExprPtr resolve_slots(const BoundExprPtr& expr, const RowLayout& layout);

// For expressions over an aggregation's output row (group keys, then aggregates):
// GroupKey i → slot i, AggregateRef j → slot key_count + j.
BoundExprPtr resolve_aggregate_slots(const BoundExprPtr& expr, size_t key_count);

// For expressions over a WindowAgg's output: WindowRef i → slots[i]. Other references are
// left for the resolvers above (the windowed row starts with the window input's columns).
BoundExprPtr resolve_window_slots(const BoundExprPtr& expr, const std::vector<int>& slots);

}  // namespace chalkdb
