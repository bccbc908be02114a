// BTreeInspector: the rows of pageinspect's B-tree functions (bt_metap, bt_page_stats,
// bt_page_items), computed from a B-tree page with the definitions of btree_page.h.
//
// The column sets are exactly pageinspect 1.10's (PostgreSQL 15), so tutorials work as
// written; the values describe ChalkDB's own layout (docs/formats/btree_page.md):
// - itemlen is the line pointer's length: key bytes plus the 6-byte heap TID for a leaf entry,
//   4-byte child block plus separator for a downlink (there is no 8-byte IndexTupleData header);
// - data is the encoded key (IndexKeyCodec) of a leaf entry followed by its INCLUDE columns'
//   bytes (IndexIncludeCodec), the separator of a downlink or the high key (pivots carry key
//   columns only, as PostgreSQL truncates INCLUDE columns from them), as space-separated hex
//   bytes like PostgreSQL prints them;
// - ctid is the heap TID of a leaf entry, (child block, key column count) of a downlink —
//   (child, 0) for the minus-infinity downlink — and (0, key column count) of a high key, as
//   PostgreSQL puts the attribute count of pivot tuples in the offset;
// - dead is false for leaf entries (no LP_DEAD marking yet) and NULL for pivots, htid the heap
//   TID of leaf entries, tids always NULL (no posting lists).
// Errors follow pageinspect: 22023 "block 0 is a meta page", XX000 "block number out of range".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/index/btree.h"
#include "storage/index/index_key_codec.h"

namespace chalkdb {

struct BtMetapRow {
  int32_t magic = 0;
  int32_t version = 0;
  int64_t root = 0;
  int64_t level = 0;
  int64_t fastroot = 0;
  int64_t fastlevel = 0;
  int64_t last_cleanup_num_delpages = 0;
  double last_cleanup_num_tuples = 0;
  bool allequalimage = false;
};

struct BtPageStatsRow {
  int64_t blkno = 0;
  char type = 'l';  // l leaf, i internal, r root, d deleted, e half-dead (ignored)
  int32_t live_items = 0;
  int32_t dead_items = 0;
  int32_t avg_item_size = 0;
  int32_t page_size = 0;
  int32_t free_size = 0;
  int64_t btpo_prev = 0;
  int64_t btpo_next = 0;
  int64_t btpo_level = 0;
  int32_t btpo_flags = 0;
};

struct BtPageItemRow {
  int16_t itemoffset = 0;
  TupleId ctid;
  int16_t itemlen = 0;
  bool nulls = false;
  bool vars = false;
  std::string data;
  std::optional<bool> dead;
  std::optional<TupleId> htid;
  // tids: always NULL (no posting lists), so not represented.
};

using PageBytes = std::span<const std::byte, disk::kPageSize>;

class BTreeInspector {
 public:
  // From raw page bytes (the bytea variants, over get_raw_page). `tree` (may be null) gives
  // the key and INCLUDE columns, for the nulls and vars columns, the pivot attribute count and
  // where a leaf item's key ends.
  static BtMetapRow metap(PageBytes meta_page);
  static BtPageStatsRow page_stats(int64_t blkno, PageBytes page);
  static std::vector<BtPageItemRow> page_items(PageBytes page, const BTree* tree);

  // From an index, checking the block number like pageinspect (22023 for a negative block or
  // the meta page, XX000 beyond the end).
  static BtMetapRow metap(const BTree& tree);
  static BtPageStatsRow page_stats(const BTree& tree, BufferPool& pool, int64_t blkno);
  static std::vector<BtPageItemRow> page_items(const BTree& tree, BufferPool& pool,
                                               int64_t blkno);

  // "6f 01 00 00": bytes as pageinspect prints them.
  static std::string hex_bytes(std::string_view bytes);

 private:
  static BtMetapRow metap_row(const BTreeMeta& meta);
};

}  // namespace chalkdb
