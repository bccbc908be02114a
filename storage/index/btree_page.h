// BTreePage: a view over one B-tree index page, PostgreSQL's nbtree layout on top of Page
// (docs/formats/btree_page.md; constants in storage/common/disk_format.h).
//
// Block 0 is the meta page (magic, version, root, level, fastroot, fastlevel). Every other page
// has a 16-byte special space (btpo_prev, btpo_next, btpo_level, btpo_flags, btpo_cycleid). A
// page that has a right sibling keeps its high key — an upper bound for its items and a lower
// bound for the right sibling's — as item 1, as PostgreSQL does; data items follow. Leaf items
// are an encoded key (IndexKeyCodec) followed by the 6-byte heap TID in big-endian order, so
// the whole item compares with memcmp in the tree's total order (key, then TID, like nbtree's
// heapkeyspace); the bytes of INCLUDE columns follow the TID, so they never decide an order.
// Internal items are a 4-byte child block followed by a separator; the first
// data item of an internal page has an empty separator ("minus infinity").
// Differences from PostgreSQL: items carry no IndexTupleData header (its length is the line
// pointer's, its null flags live in the key encoding), and there is no posting-list
// deduplication.
// The view does no latching; PageGuard provides that.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/page/page.h"

namespace chalkdb {

// BTMetaPageData.
struct BTreeMeta {
  uint32_t magic = disk::kBtreeMagic;
  uint32_t version = disk::kBtreeVersion;
  BlockNumber root = disk::kBtreeNoBlock;
  uint32_t level = 0;
  BlockNumber fastroot = disk::kBtreeNoBlock;
  uint32_t fastlevel = 0;
  uint32_t last_cleanup_num_delpages = 0;
  double last_cleanup_num_heap_tuples = -1;
  bool allequalimage = true;
};

class BTreePage {
 public:
  explicit BTreePage(Page page) : page_(page) {}
  explicit BTreePage(Page::Bytes bytes) : page_(bytes) {}

  // Formats an empty index page of the given level and flags.
  static void initialize(Page::Bytes bytes, uint32_t level, uint16_t flags);
  // Formats the meta page.
  static void initialize_meta(Page::Bytes bytes, const BTreeMeta& meta);

  Page& page() { return page_; }
  const Page& page() const { return page_; }

  BTreeMeta meta() const;
  void set_meta(const BTreeMeta& meta);
  bool is_meta() const { return (flags() & disk::kBtpMeta) != 0; }

  BlockNumber prev() const { return load32(disk::kBtpoPrevOffset); }
  BlockNumber next() const { return load32(disk::kBtpoNextOffset); }
  uint32_t level() const { return load32(disk::kBtpoLevelOffset); }
  uint16_t flags() const;
  uint16_t cycle_id() const;
  void set_prev(BlockNumber block) { store32(disk::kBtpoPrevOffset, block); }
  void set_next(BlockNumber block) { store32(disk::kBtpoNextOffset, block); }
  void set_level(uint32_t level) { store32(disk::kBtpoLevelOffset, level); }
  void set_flags(uint16_t flags);

  bool is_leaf() const { return (flags() & disk::kBtpLeaf) != 0; }
  bool is_root() const { return (flags() & disk::kBtpRoot) != 0; }
  bool is_rightmost() const { return next() == disk::kBtreeNoBlock; }
  bool is_leftmost() const { return prev() == disk::kBtreeNoBlock; }
  bool has_high_key() const { return !is_rightmost(); }

  // Number of line pointers (high key included).
  OffsetNumber max_offset() const { return page_.item_count(); }
  OffsetNumber first_data_offset() const {
    return has_high_key() ? disk::kBtHighKeyOffset + 1 : disk::kBtHighKeyOffset;
  }
  // Item bytes; `offset` must be in [1, max_offset()]. Bounds are checked so a corrupt page
  // cannot make a read leave the page (an XX001 error instead).
  std::string_view item(OffsetNumber offset) const;
  std::string_view high_key() const { return item(disk::kBtHighKeyOffset); }

  // Leaf items: key bytes, the heap TID, then the INCLUDE columns' bytes (IndexIncludeCodec).
  // An index without INCLUDE columns has nothing after the TID, so its key is everything but
  // the last 6 bytes (leaf_key, leaf_tid); otherwise the key's length comes from the key codec
  // (BTree::leaf_parts).
  struct LeafParts {
    std::string_view key;
    TupleId tid;
    std::string_view include;
  };
  static LeafParts leaf_parts(std::string_view item, size_t key_length);
  static std::string_view leaf_key(std::string_view item) {
    return item.substr(0, item.size() - disk::kBtTidSize);
  }
  static TupleId leaf_tid(std::string_view item) {
    return tid_at(item, item.size() - disk::kBtTidSize);
  }
  static TupleId tid_at(std::string_view item, size_t position);
  static void append_leaf_item(std::string& out, std::string_view key, TupleId tid,
                               std::string_view include = {});
  static void append_tid(std::string& out, TupleId tid);
  // Internal items.
  static BlockNumber child(std::string_view item);
  static std::string_view separator(std::string_view item) {
    return item.substr(disk::kBtDownlinkSize);
  }
  static void append_internal_item(std::string& out, BlockNumber child,
                                   std::string_view separator);

  // Bytes available for one more item (its MAXALIGNed length plus a line pointer).
  size_t free_space() const { return page_.free_space(); }
  static size_t space_needed(size_t item_size) {
    return disk::max_align(item_size) + disk::kLinePointerSize;
  }
  // Space for items on an empty page (between header and special space).
  static constexpr size_t usable_space() {
    return disk::kPageSize - disk::kPageHeaderSize - disk::max_align(disk::kBtreeSpecialSize);
  }
  // Inserts `item` at `offset` (1..max_offset()+1), shifting later line pointers up. Returns
  // false if it does not fit.
  bool insert_item(OffsetNumber offset, std::string_view item);
  // Appends `item` after the last one; false if it does not fit.
  bool append_item(std::string_view item);

 private:
  uint32_t load32(size_t field) const;
  void store32(size_t field, uint32_t value);
  std::byte* special_ptr() const;

  Page page_;
};

// How an item compares with a search target: memcmp with the shorter string first, where the
// target may stand for "this prefix followed by +infinity" (every key starting with the prefix
// sorts before it). Used for descents, move-rights and scan bounds.
struct BTreeTarget {
  std::string_view bytes;
  bool plus_infinity = false;
};
int compare_with_target(std::string_view item, const BTreeTarget& target);

}  // namespace chalkdb
