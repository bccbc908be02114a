// HeapTable: one relation's heap of tuple versions, over the buffer pool (PostgreSQL's heapam).
//
// insert() places a new version (xmin = xid) on the last page with room or a new page;
// remove() sets xmax on the version; update() does both and links the old version's ctid to
// the new one. Readers see versions through a Snapshot (see Visibility). When a version is
// being changed by another transaction, remove/update do not wait: they report BeingModified
// with that transaction's xid so the layer above can wait on its lock and retry, as
// PostgreSQL's heap_update returns TM_BeingModified to its caller.
// Free space for a new version is found through the relation's FreeSpaceMap (kept up to
// date by every insert, update and scan; see free_space_map.h), extending the file only when
// no page has room.
// Not yet like PostgreSQL: no HOT chains, no pruning or VACUUM, no TOAST (a row must fit a
// page: 54000 "row is too big: size N, maximum size 8160", docs/formats/heap_tuple.md).
// Thread-safe; a HeapTable is shared by every session using the relation.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "sql/value/value.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/common/ids.h"
#include "storage/heap/free_space_map.h"
#include "storage/heap/written_relations.h"
#include "storage/mvcc/commit_log.h"
#include "storage/mvcc/snapshot.h"
#include "storage/mvcc/visibility.h"
#include "storage/tuple/tuple_codec.h"

namespace chalkdb {

class HeapTable {
 public:
  HeapTable(BufferPool& pool, const CommitLog& commit_log, WrittenRelations& written,
            Oid relfilenode, std::vector<DataType> column_types);

  Oid relfilenode() const { return relfilenode_; }
  const TupleCodec& codec() const { return codec_; }

  // Throws SqlError 54000 if the row cannot fit a page.
  TupleId insert(std::span<const Value> row, TransactionId xid, CommandId cid);

  // Visible rows in physical order, a page at a time: the visibility of every version on a
  // page is decided under one shared latch, the visible ones are copied out and decoded after
  // the latch is released (PostgreSQL's page-at-a-time scan mode). The block count is taken
  // when the scan starts, so rows appended later are not visited (and, being newer than the
  // snapshot or command, would not be visible anyway).
  class Scan {
   public:
    // Clears `rows` and `tids` and fills them with up to `max_rows` visible rows; returns
    // how many, 0 at the end of the table.
    size_t next_batch(std::vector<std::vector<Value>>& rows, std::vector<TupleId>& tids,
                      size_t max_rows);

   private:
    friend class HeapTable;
    Scan(const HeapTable& table, Snapshot snapshot, BlockNumber block_count);
    bool load_next_page();

    const HeapTable* table_;
    Snapshot snapshot_;
    BlockNumber next_block_ = 0;
    BlockNumber block_count_ = 0;
    std::vector<std::byte> page_copy_;         // the current page, copied under the latch
    std::vector<OffsetNumber> visible_;        // visible line pointers on the current page
    size_t next_visible_ = 0;
    BlockNumber current_block_ = kInvalidBlockNumber;
  };
  Scan scan(const Snapshot& snapshot) const;

  // The version at `tid` if it exists and is visible to the snapshot.
  std::optional<std::vector<Value>> fetch(TupleId tid, const Snapshot& snapshot) const;

  // The version at `tid` as a unique-index check sees it (Dead when there is none).
  DirtyCheck check_dirty(TupleId tid, TransactionId own_xid) const;

  enum class ModifyStatus { Ok, Invisible, SelfModified, Updated, Deleted, BeingModified };
  struct ModifyResult {
    ModifyStatus status = ModifyStatus::Ok;
    TransactionId other_xid = kInvalidTransactionId;  // the modifier, when not Ok
    TupleId new_tid;  // update: the new version; Updated: the successor version
  };
  // Deletes the version at `tid` as (xid, cid). The snapshot acts as PostgreSQL's crosscheck
  // snapshot: a version that may be modified but that the snapshot does not see (reached by
  // following an update chain) reports Updated, which REPEATABLE READ turns into 40001; a
  // READ COMMITTED re-check after a wait should pass a fresh snapshot.
  ModifyResult remove(TupleId tid, TransactionId xid, CommandId cid, const Snapshot& snapshot);
  // Writes a new version of the row at `tid` and links the old one to it (ctid chain).
  ModifyResult update(TupleId tid, std::span<const Value> new_row, TransactionId xid,
                      CommandId cid, const Snapshot& snapshot);

  // Kills a version this transaction has just inserted in the current command (PostgreSQL's
  // heap_abort_speculative, for an INSERT ... ON CONFLICT that found a conflict after
  // inserting): it is marked deleted by its own inserter, so nobody ever sees it live.
  void abort_speculative_insert(TupleId tid, TransactionId xid, CommandId cid);

  BlockNumber page_count() const;
  const FreeSpaceMap& free_space_map() const { return fsm_; }
  // Reports a page's current free space to the map (pruning and VACUUM call this after
  // freeing space on a page they hold latched).
  void record_free_space(BlockNumber block, const Page& page) const;

  // Every version not known to be dead (Visibility::is_live_or_pending for `own_xid`), with
  // its MVCC stamp, in physical order. Loads the catalog cache; not for queries.
  using VersionVisitor =
      std::function<void(TupleId, const VersionStamp&, const std::vector<Value>&)>;
  void scan_live_versions(TransactionId own_xid, const VersionVisitor& visit) const;

  // Non-transactional access, for sequences (PostgreSQL also overwrites a sequence's single
  // tuple in place): the row at `tid` whatever its visibility, and an in-place rewrite of its
  // data with a row of the same encoded size.
  std::optional<std::vector<Value>> read_any(TupleId tid) const;
  void overwrite(TupleId tid, std::span<const Value> row);

 private:
  std::vector<std::byte> build_tuple(std::span<const Value> row, TransactionId xid,
                                     CommandId cid) const;
  // Checks that (xid, cid) may modify the version at `tid` on the exclusively latched page.
  ModifyResult check_modifiable(PageGuard& guard, TupleId tid, TransactionId xid, CommandId cid,
                                const Snapshot& snapshot);
  bool tid_in_range(TupleId tid) const;
  // An exclusively latched page with room for `size` bytes (plus a line pointer).
  PageGuard page_with_room(size_t size);
  void seed_free_space_map();
  // The old version's page and a page with room for the new version, both exclusively
  // latched in block order (the same guard twice is avoided: `target` is empty then).
  void latch_for_update(TupleId tid, size_t size, PageGuard& old_page, PageGuard& target);
  static bool has_room(PageGuard& guard, size_t size);
  TupleId place(PageGuard& guard, std::span<const std::byte> tuple);
  void link_versions(PageGuard& old_page, TupleId old_tid, TupleId new_tid, TransactionId xid,
                     CommandId cid);

  BufferPool& pool_;
  Visibility visibility_;
  WrittenRelations& written_;
  Oid relfilenode_;
  TupleCodec codec_;
  mutable FreeSpaceMap fsm_;  // scans (const) report the pages they read
  std::atomic<bool> fsm_seeded_{false};
};

}  // namespace chalkdb
