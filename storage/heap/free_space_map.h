// FreeSpaceMap: how much room each page of one heap relation has, so an insert finds a page
// without reading the file (PostgreSQL's FSM, storage/freespace).
//
// Like PostgreSQL it records one byte per page, the free space in 32-byte categories
// (category = free bytes / 32, so 255 means "at least 8160 bytes"), and it is advisory: a page
// it names may have filled up meanwhile, in which case the caller records the true value and
// asks again (PostgreSQL's RecordAndGetPageWithFreeSpace). Searching starts where the last
// search ended (PostgreSQL's fp_next_slot), so concurrent and bulk inserts fill pages in turn
// instead of all probing the first one; per-chunk maxima keep a search from reading every
// entry of a large relation (PostgreSQL uses a tree of max-heaps for the same purpose).
//
// Who records: inserts and updates after placing a tuple; scans for each page they read;
// page pruning and VACUUM (when they arrive) after freeing space, through record().
// Difference from PostgreSQL: the map is not a file fork (base/R_fsm) but lives in memory and
// is rebuilt as pages are touched after a restart — a page not yet seen counts as full, so the
// first inserts after a restart append until scans have reported the older pages. That costs
// some space reuse right after a restart and no I/O. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "storage/common/ids.h"

namespace chalkdb {

class FreeSpaceMap {
 public:
  static constexpr size_t kCategoryBytes = 32;  // BLCKSZ / 256, as PostgreSQL
  static constexpr size_t kChunkPages = 256;

  // Records that `block` has `free_bytes` available for a new item (with its line pointer).
  void record(BlockNumber block, size_t free_bytes);
  // A page believed to have room for `needed` bytes, or nothing (the caller extends).
  std::optional<BlockNumber> find(size_t needed);
  // The recorded room of a page in bytes (its category's lower bound); 0 if unknown.
  size_t recorded_free(BlockNumber block) const;
  // Forgets pages from `first` on (the relation was truncated).
  void truncate(BlockNumber first);
  BlockNumber tracked_pages() const;

 private:
  static uint8_t category_of(size_t free_bytes);
  static uint8_t category_needed(size_t needed);
  std::optional<BlockNumber> search(BlockNumber from, BlockNumber to, uint8_t category) const;
  void refresh_chunk(size_t chunk);

  mutable std::mutex mutex_;
  std::vector<uint8_t> categories_;  // per page
  std::vector<uint8_t> chunk_max_;   // per kChunkPages pages: the highest category in it
  BlockNumber next_search_ = 0;
};

}  // namespace chalkdb
