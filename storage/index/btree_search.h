// B-tree search primitives shared by the component files of BTree (btree.cpp: descent;
// btree_insert.cpp: insertion and page splits; btree_scan.cpp: range scans; btree_build.cpp:
// bulk build; btree_verify.cpp: verification). Internal to storage/index: every comparison is
// a memcmp of encoded items against a BTreeTarget (btree_page.h).
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "sql/error/sql_error.h"
#include "storage/index/btree_page.h"

namespace chalkdb::btree {

inline SqlError corrupted(const std::string& index, const std::string& what) {
  return SqlError(sqlstate::kIndexCorrupted, "index \"" + index + "\" is corrupted: " + what);
}

// "item comes before the target" in the sense of the descent mode.
inline bool before(std::string_view item, const BTreeTarget& target, bool strict) {
  int c = compare_with_target(item, target);
  return strict ? c < 0 : c <= 0;
}

// First data offset whose item is not before the target (binary search over leaf items, or
// internal items' separators).
inline OffsetNumber lower_bound(const BTreePage& page, const BTreeTarget& target, bool strict,
                         bool internal) {
  OffsetNumber lo = page.first_data_offset();
  OffsetNumber hi = static_cast<OffsetNumber>(page.max_offset() + 1);
  while (lo < hi) {
    auto mid = static_cast<OffsetNumber>(lo + (hi - lo) / 2);
    std::string_view item = page.item(mid);
    if (internal) item = BTreePage::separator(item);
    if (before(item, target, strict)) {
      lo = static_cast<OffsetNumber>(mid + 1);
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The downlink to follow on an internal page: the last one whose separator is before the
// target; the first downlink is minus infinity and always qualifies.
inline BlockNumber choose_child(const BTreePage& page, const BTreeTarget& target, bool strict) {
  OffsetNumber first = page.first_data_offset();
  OffsetNumber lo = static_cast<OffsetNumber>(first + 1);
  OffsetNumber hi = static_cast<OffsetNumber>(page.max_offset() + 1);
  while (lo < hi) {
    auto mid = static_cast<OffsetNumber>(lo + (hi - lo) / 2);
    if (before(BTreePage::separator(page.item(mid)), target, strict)) {
      lo = static_cast<OffsetNumber>(mid + 1);
    } else {
      hi = mid;
    }
  }
  return BTreePage::child(page.item(static_cast<OffsetNumber>(lo - 1)));
}

// The shortest prefix of `right` that still sorts above `left` (left < right): a separator
// between two neighbouring items (suffix truncation on bytes).
inline std::string_view truncated_separator(std::string_view left, std::string_view right) {
  size_t n = std::min(left.size(), right.size());
  size_t i = 0;
  while (i < n && left[i] == right[i]) ++i;
  return right.substr(0, std::min(i + 1, right.size()));
}

struct alignas(disk::kMaxAlign) PageImage {
  std::array<std::byte, disk::kPageSize> bytes;
  Page::Bytes span() { return Page::Bytes(bytes); }
};

// Appends an item to a page being built, where it must fit.
inline void must_add(BTreePage& page, std::string_view item) {
  if (!page.append_item(item)) {
    throw SqlError(sqlstate::kInternalError, "btree item does not fit the page being built");
  }
}

}  // namespace chalkdb::btree
