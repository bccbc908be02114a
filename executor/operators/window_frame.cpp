#include "executor/operators/window_frame.h"

#include <algorithm>

#include "sql/types/comparison.h"

namespace chalkdb {

using ast::FrameBoundKind;
using ast::FrameMode;

WindowFrame::WindowFrame(const WindowFrameSpec& spec, const PeerGroups& peers, size_t size,
                         const Value& start_offset, const Value& end_offset,
                         std::vector<Value> range_keys, bool descending)
    : spec_(spec), peers_(peers), size_(size), start_offset_(start_offset), end_offset_(end_offset),
      range_keys_(std::move(range_keys)), descending_(descending) {
  if (range_keys_.empty()) return;
  // NULL keys sort together at one end of the partition.
  non_null_begin_ = 0;
  while (non_null_begin_ < size_ && range_keys_[non_null_begin_].is_null()) ++non_null_begin_;
  non_null_end_ = non_null_begin_;
  while (non_null_end_ < size_ && !range_keys_[non_null_end_].is_null()) ++non_null_end_;
}

FrameRows WindowFrame::rows(size_t current) const {
  FrameRows frame;
  frame.current = current;
  frame.start = start_row(current);
  frame.end = std::max(frame.start, end_row(current));
  size_t group = peers_.group_of[current];
  switch (spec_.exclusion) {
    case ast::FrameExclusion::NoOthers:
      break;
    case ast::FrameExclusion::CurrentRow:
      frame.exclude_start = current;
      frame.exclude_end = current + 1;
      break;
    case ast::FrameExclusion::Group:
    case ast::FrameExclusion::Ties:
      frame.exclude_start = peers_.group_start[group];
      frame.exclude_end = peers_.group_end(group);
      frame.keep_current = spec_.exclusion == ast::FrameExclusion::Ties;
      break;
  }
  return frame;
}

size_t WindowFrame::start_row(size_t current) const {
  size_t group = peers_.group_of[current];
  switch (spec_.start) {
    case FrameBoundKind::UnboundedPreceding: return 0;
    case FrameBoundKind::UnboundedFollowing: return size_;
    case FrameBoundKind::CurrentRow:
      return spec_.mode == FrameMode::Rows ? current : peers_.group_start[group];
    case FrameBoundKind::OffsetPreceding:
    case FrameBoundKind::OffsetFollowing: {
      bool preceding = spec_.start == FrameBoundKind::OffsetPreceding;
      if (spec_.mode == FrameMode::Range) return range_bound(current, preceding, start_offset_, false);
      int64_t offset = start_offset_.as_int();
      if (spec_.mode == FrameMode::Groups) return groups_offset(group, preceding, offset, false);
      if (preceding) return current >= static_cast<uint64_t>(offset) ? current - offset : 0;
      return std::min<uint64_t>(size_, current + static_cast<uint64_t>(offset));
    }
  }
  return 0;
}

size_t WindowFrame::end_row(size_t current) const {
  size_t group = peers_.group_of[current];
  switch (spec_.end) {
    case FrameBoundKind::UnboundedPreceding: return 0;
    case FrameBoundKind::UnboundedFollowing: return size_;
    case FrameBoundKind::CurrentRow:
      return spec_.mode == FrameMode::Rows ? current + 1 : peers_.group_end(group);
    case FrameBoundKind::OffsetPreceding:
    case FrameBoundKind::OffsetFollowing: {
      bool preceding = spec_.end == FrameBoundKind::OffsetPreceding;
      if (spec_.mode == FrameMode::Range) return range_bound(current, preceding, end_offset_, true);
      int64_t offset = end_offset_.as_int();
      if (spec_.mode == FrameMode::Groups) return groups_offset(group, preceding, offset, true);
      if (preceding) return current + 1 >= static_cast<uint64_t>(offset) ? current + 1 - offset : 0;
      return std::min<uint64_t>(size_, current + 1 + static_cast<uint64_t>(offset));
    }
  }
  return size_;
}

// The first row at or past the bound (frame start), or past it (frame end), among the rows
// with non-NULL keys; a NULL current key frames its NULL peers.
size_t WindowFrame::range_bound(size_t current, bool preceding, const Value& offset,
                                bool inclusive_end) const {
  const Value& key = range_keys_[current];
  if (key.is_null()) {
    size_t group = peers_.group_of[current];
    return inclusive_end ? peers_.group_end(group) : peers_.group_start[group];
  }
  // Preceding rows have smaller keys ascending, larger ones descending.
  bool add = preceding == descending_;
  Value bound = add ? spec_.range_add(key, offset) : spec_.range_subtract(key, offset);
  int direction = descending_ ? -1 : 1;
  auto first = range_keys_.begin() + static_cast<std::ptrdiff_t>(non_null_begin_);
  auto last = range_keys_.begin() + static_cast<std::ptrdiff_t>(non_null_end_);
  auto it = std::partition_point(first, last, [&](const Value& k) {
    int c = direction * compare_values(k, bound);
    return inclusive_end ? c <= 0 : c < 0;
  });
  return static_cast<size_t>(it - range_keys_.begin());
}

size_t WindowFrame::groups_offset(size_t group, bool preceding, int64_t offset, bool end) const {
  size_t groups = peers_.group_start.size() - 1;
  uint64_t distance = static_cast<uint64_t>(offset);
  if (preceding) {
    if (group < distance) return 0;
    size_t target = group - distance;
    return end ? peers_.group_end(target) : peers_.group_start[target];
  }
  if (group + distance >= groups) return size_;
  size_t target = group + distance;
  return end ? peers_.group_end(target) : peers_.group_start[target];
}

}  // namespace chalkdb
