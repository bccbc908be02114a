// BTree: a B+tree index over one relation file in the buffer pool (PostgreSQL's nbtree).
//
// Keys are IndexKeyCodec byte strings; an entry is (key, heap TID) and entries are ordered by
// the key bytes, then the TID, so every entry is unique and all comparisons are memcmp
// (btree_page.h describes the items). An index's INCLUDE columns (IndexIncludeCodec bytes)
// follow the TID in leaf entries only: they are carried, never compared. Concurrency follows Lehman & Yao as nbtree does: every
// page but the rightmost of its level has a high key and a right link; a search holds one
// shared latch at a time and moves right when its key is beyond a page's high key, so readers
// never wait for a split to finish. A split builds the right half on a new page, links it into
// the level, then inserts the downlink into the parent found through the descent stack (moving
// right there too), keeping the left page latched and flagged INCOMPLETE_SPLIT until the
// downlink is in; splitting the root makes a new root. Latches are taken bottom-up and
// left-to-right only, so writers cannot deadlock. Backward scans step to the left sibling and
// move right from there until they find the page they came from (_bt_walk_left).
//
// Durability: no WAL yet. Writers name their transaction; the relation is recorded in
// WrittenRelations so commit flushes it (FORCE), as the heap does. bulk_build() flushes itself.
//
// Differences from PostgreSQL: no deduplication (posting lists), no page deletion or VACUUM,
// no fastpath for rightmost inserts, dead-item marking (LP_DEAD) not done, suffix truncation
// works on bytes rather than whole attributes, and INCOMPLETE_SPLIT pages left by a crash are
// not finished by later inserts (searches stay correct through the right links).
// The code is split by responsibility: btree.cpp (meta page, descent, statistics),
// btree_insert.cpp (insertion, unique checks, splits), btree_scan.cpp (range scans),
// btree_build.cpp (bulk build), btree_verify.cpp (amcheck's checks).
// Thread-safe: one BTree object may be shared by every session.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/value/value.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/common/ids.h"
#include "storage/heap/written_relations.h"
#include "storage/index/btree_page.h"
#include "storage/index/index_include_codec.h"
#include "storage/index/index_key_codec.h"

namespace chalkdb {

// What a unique check decides about the entries whose key equals the one being inserted.
struct UniqueVerdict {
  enum class Kind { Insert, Conflict, Wait };
  Kind kind = Kind::Insert;
  TransactionId wait_xid = kInvalidTransactionId;  // Wait: the transaction to wait for
  TupleId conflicting_tid;                         // Conflict: the live duplicate, if known

  static UniqueVerdict insert() { return {}; }
  static UniqueVerdict conflict(TupleId tid = {}) { return {Kind::Conflict, kInvalidTransactionId, tid}; }
  static UniqueVerdict wait_for(TransactionId xid) { return {Kind::Wait, xid, {}}; }
};
// Called with the leaf latched exclusively and the TIDs of every entry with an equal key
// (never called for a key with a NULL, nor when there is no equal entry). It typically looks
// the TIDs up in the heap: a live version → Conflict, one whose inserter or deleter is still
// running → Wait, only dead versions → Insert.
using UniqueChecker = std::function<UniqueVerdict(std::span<const TupleId> equal_entries)>;

struct UniqueInsertResult {
  // MustWait: nothing was inserted and no latch is held; the caller waits for wait_xid (its
  // transaction lock) and calls insert_unique again, as _bt_doinsert retries after XactLockTableWait.
  enum class Status { Inserted, Conflict, MustWait };
  Status status = Status::Inserted;
  TransactionId wait_xid = kInvalidTransactionId;
  TupleId conflicting_tid;
};

enum class ScanDirection { Forward, Backward };

// One end of a range: entries whose first prefix.size() key columns compare to `prefix`
// as <= / < (upper) or >= / > (lower).
struct ScanBound {
  std::vector<Value> prefix;
  bool inclusive = true;
};

struct BTreeEntry {
  IndexKey key;
  TupleId tid;
  std::string include;  // IndexIncludeCodec bytes (empty without INCLUDE columns)
};

// One structural problem verify() found, worded as amcheck reports it (SQLSTATE XX002).
struct BTreeProblem {
  std::string message;  // e.g. item order invariant violated for index "i"
  std::string detail;
};

// Page and entry counts, for the planner's costs and for inspection.
struct BTreeStats {
  BlockNumber blocks = 0;       // relation size in blocks (meta page included)
  BlockNumber leaf_pages = 0;
  BlockNumber internal_pages = 0;
  uint64_t entries = 0;         // leaf entries
  uint32_t height = 0;          // levels (0 for an empty tree)
};

class BTree {
 public:
  // `written` may be null (tests, bulk builds): then nothing is recorded for commit.
  // `include` are the types of the INCLUDE columns, stored in leaf items only.
  BTree(BufferPool& pool, WrittenRelations* written, Oid relfilenode,
        std::vector<IndexKeyColumn> columns, std::string name = "index",
        std::vector<DataType> include = {});

  // Writes the meta page of a new, empty index into the relation's (existing, empty) file.
  void create();

  Oid relfilenode() const { return relfilenode_; }
  const IndexKeyCodec& codec() const { return codec_; }
  const IndexIncludeCodec& include_codec() const { return include_codec_; }
  // A leaf item's key, heap TID and INCLUDE bytes.
  BTreePage::LeafParts leaf_parts(std::string_view item) const;
  const std::string& name() const { return name_; }

  // Adds (key, tid) carrying the INCLUDE column values `include` (as many as the index has).
  // Throws 54000 if the entry exceeds kBtMaxItemSize.
  void insert(std::span<const Value> key, TupleId tid, TransactionId xid,
              std::span<const Value> include = {});
  void insert_encoded(std::string_view key, TupleId tid, TransactionId xid,
                      std::string_view include = {});
  // Adds (key, tid) unless `checker` finds a conflict or must wait (see UniqueChecker). Two
  // inserters of one key serialise on the leaf holding the key's first position, so they
  // cannot both pass the check (PostgreSQL's _bt_check_unique).
  // Only the key columns are compared, never the INCLUDE ones.
  UniqueInsertResult insert_unique(std::span<const Value> key, TupleId tid, TransactionId xid,
                                   const UniqueChecker& checker,
                                   std::span<const Value> include = {});

  // TIDs of every entry whose first key.size() columns equal `key`, in index order.
  std::vector<TupleId> find_equal(std::span<const Value> key) const;

  // A range scan. Each next_batch call latches pages only while copying entries out, so a
  // cursor may live across calls while others insert; entries inserted concurrently may or
  // may not be returned, entries present for the whole scan are returned exactly once.
  class Cursor {
   public:
    // Clears the outputs and fills them with up to `max_entries` entries (keys only if `keys`
    // is given); returns how many, 0 at the end.
    size_t next_batch(std::vector<TupleId>& tids, std::vector<IndexKey>* keys,
                      size_t max_entries);

   private:
    friend class BTree;
    Cursor(const BTree& tree, IndexKey lower, bool lower_plus_infinity, IndexKey upper,
           bool upper_plus_infinity, ScanDirection direction);
    void load_first_page();
    void load_next_page();
    void collect(const PageGuard& guard);

    BTreeTarget lower_target() const { return {lower_, lower_plus_infinity_}; }
    BTreeTarget upper_target() const { return {upper_, upper_plus_infinity_}; }

    const BTree* tree_;
    IndexKey lower_;  // first entry >= (lower_, +inf if lower_plus_infinity_)
    IndexKey upper_;  // last entry < (upper_, +inf if upper_plus_infinity_)
    bool lower_plus_infinity_ = false;
    bool upper_plus_infinity_ = true;
    ScanDirection direction_;
    bool started_ = false;
    bool finished_ = false;
    BlockNumber current_ = disk::kBtreeNoBlock;  // block whose entries are pending
    BlockNumber sibling_ = disk::kBtreeNoBlock;  // next page in scan direction, as read
    std::string pending_items_;                  // the page's entries, copied under its latch
    std::vector<uint32_t> pending_ends_;
    size_t pending_pos_ = 0;
  };
  Cursor scan(const std::optional<ScanBound>& lower, const std::optional<ScanBound>& upper,
              ScanDirection direction = ScanDirection::Forward) const;

  // CREATE INDEX: sorts the entries and builds the tree bottom-up (leaves filled to
  // fillfactor 90 %, internal pages 70 %), then flushes the relation. The tree must be empty.
  void bulk_build(std::vector<BTreeEntry> entries);

  // amcheck-like verification (bt_index_parent_check): order within pages, high keys, sibling
  // links both ways, levels, downlinks against child key ranges, every page reachable, leaf
  // items that parse. Returns the problems found (empty when the tree is sound). Writers are
  // held off while it runs (structure_lock_), so it sees one consistent tree.
  // `root_descend` also finds every leaf entry again by a search from the root
  // (bt_index_parent_check's rootdescend).
  std::vector<BTreeProblem> verify(bool root_descend = false) const;
  // Calls `visit` with every leaf item in index order and its (block, offset), under the
  // page's shared latch (heapallindexed's index side); writers are held off meanwhile, as for
  // verify().
  using LeafItemVisitor = std::function<void(TupleId location, std::string_view item)>;
  void for_each_leaf_item(const LeafItemVisitor& visit) const;

  BTreeMeta meta() const;
  BlockNumber block_count() const { return pool_.block_count(relfilenode_); }
  // Walks every page (O(pages)); for ANALYZE-like statistics and tests.
  BTreeStats stats() const;

 private:
  using Stack = std::vector<BlockNumber>;  // internal pages passed, root first

  // The root page latched in `mode`, or an empty guard when the tree has no root yet.
  PageGuard read_root(LatchMode mode) const;
  // Descends to the page at `level` whose key range holds the target: "first entry >=
  // target" (strict = false) or "last entry < target" (strict = true). The page at `level` is
  // latched in `mode`; internal pages passed are pushed on `stack` if given.
  PageGuard descend(const BTreeTarget& target, bool strict, LatchMode mode, uint32_t level,
                    Stack* stack) const;
  PageGuard move_right(PageGuard guard, const BTreeTarget& target, bool strict,
                       LatchMode mode) const;
  PageGuard create_root_leaf();
  void check_item_size(size_t item_size, TupleId tid) const;
  // Puts `item` at `offset` of the exclusively latched page, splitting as needed; `child` is
  // the left half of a finished child split whose INCOMPLETE_SPLIT flag to clear (or empty).
  void insert_on_page(PageGuard page, OffsetNumber offset, std::string_view item, Stack& stack,
                      PageGuard child);
  struct SplitResult {
    PageGuard right;
    std::string separator;
  };
  SplitResult split(PageGuard& left, OffsetNumber offset, std::string_view item);
  void make_new_root(PageGuard& left, PageGuard& right, std::string_view separator);
  // The exclusively latched parent page holding the downlink to `child`, and that
  // downlink's offset.
  std::pair<PageGuard, OffsetNumber> find_parent(Stack& stack, const PageGuard& child,
                                                 std::string_view separator);
  PageGuard leaf_for_insert(std::string_view item, Stack& stack);
  // Inserts a formed leaf item (the caller holds structure_lock_ shared).
  void insert_leaf_item(std::string_view item);
  // Writes one level of a bulk build; returns each page's lower separator and block.
  std::vector<std::pair<std::string, BlockNumber>> build_level(
      const std::vector<std::string>& items, uint32_t level);
  void record_write(TransactionId xid);
  // for_each_leaf_item without taking structure_lock_ (the caller holds it).
  void visit_leaf_items(const LeafItemVisitor& visit) const;
  // Whether a search from the root for exactly `item` finds it (rootdescend).
  bool contains_item(std::string_view item) const;
  std::string leaf_item(std::string_view key, TupleId tid, std::string_view include) const;

  BufferPool& pool_;
  WrittenRelations* written_;
  Oid relfilenode_;
  IndexKeyCodec codec_;
  IndexIncludeCodec include_codec_;
  std::string name_;
  // Shared by every insertion, exclusive for verify() and for_each_leaf_item(): the checks
  // compare pages read one after another, which a concurrent split would make disagree.
  mutable std::shared_mutex structure_lock_;
  mutable std::atomic<BlockNumber> root_hint_{disk::kBtreeNoBlock};
};

}  // namespace chalkdb
