// WindowFrame: the rows of a window frame, for each row of one sorted partition.
//
// Computes PostgreSQL's frame semantics: ROWS counts rows, RANGE compares ORDER BY values
// (CURRENT ROW meaning the row's peers; n PRECEDING/FOLLOWING offsetting the key, with NULL
// keys framing only their NULL peers), GROUPS counts peer groups; EXCLUDE CURRENT ROW / GROUP /
// TIES remove rows from the middle. Bounds are found by position or binary search, so a frame
// costs O(log n) to locate whatever its size.
#pragma once

#include <cstddef>
#include <vector>

#include "planner/query.h"
#include "sql/value/value.h"

namespace chalkdb {

// The rows [start, end) of a frame, partition-relative, less [exclude_start, exclude_end)
// (except the current row when keep_current).
struct FrameRows {
  size_t start = 0, end = 0;
  size_t exclude_start = 0, exclude_end = 0;
  size_t current = 0;
  bool keep_current = false;

  bool contains(size_t row) const {
    if (row < start || row >= end) return false;
    if (row < exclude_start || row >= exclude_end) return true;
    return keep_current && row == current;
  }
  bool is_excluding() const { return exclude_start < exclude_end; }
};

// Peer groups of a partition: rows with equal ORDER BY values.
struct PeerGroups {
  std::vector<size_t> group_of;     // group of each row
  std::vector<size_t> group_start;  // first row of each group, then the partition size
  size_t group_end(size_t group) const { return group_start[group + 1]; }
};

class WindowFrame {
 public:
  // `range_keys` (RANGE with an offset only): the ORDER BY value of each row in the frame's
  // comparison type; `descending` its direction. Offsets are evaluated and checked already.
  WindowFrame(const WindowFrameSpec& spec, const PeerGroups& peers, size_t size,
              const Value& start_offset, const Value& end_offset,
              std::vector<Value> range_keys, bool descending);

  FrameRows rows(size_t current) const;

 private:
  size_t start_row(size_t current) const;
  size_t end_row(size_t current) const;
  size_t range_bound(size_t current, bool preceding, const Value& offset, bool inclusive_end) const;
  size_t groups_offset(size_t group, bool preceding, int64_t offset, bool end) const;

  const WindowFrameSpec& spec_;
  const PeerGroups& peers_;
  size_t size_;
  Value start_offset_, end_offset_;
  std::vector<Value> range_keys_;
  bool descending_;
  size_t non_null_begin_ = 0, non_null_end_ = 0;  // RANGE keys: the rows whose key is not NULL
};

}  // namespace chalkdb
