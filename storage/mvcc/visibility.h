// Visibility: which tuple versions a snapshot sees and whether a version may be modified —
// PostgreSQL's HeapTupleSatisfiesMVCC and HeapTupleSatisfiesUpdate.
//
// Decisions come from the version's xmin/xmax, command ids and hint bits, the snapshot and
// the commit log. Once the commit log has been consulted about a finished transaction the
// answer is cached in the tuple as a hint bit (XMIN_COMMITTED / XMIN_INVALID /
// XMAX_COMMITTED / XMAX_INVALID) so later readers skip the lookup. A transaction that is
// neither in progress by the snapshot nor committed in the log aborted (or crashed).
// Differences from PostgreSQL: no subtransactions or multixacts yet, and the "is it still
// running" test of HeapTupleSatisfiesUpdate is the commit log's in-progress status (after a
// restart every unfinished xid is marked aborted, so in-progress there means running).
#pragma once

#include <cstdint>

#include "storage/common/ids.h"
#include "storage/heap/heap_tuple.h"
#include "storage/mvcc/commit_log.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

// The MVCC fields of one version, wherever it is kept (a heap tuple, the catalog cache).
// `hints` holds t_infomask's hint bits; decisions add to it what they learn from the log.
struct VersionStamp {
  TransactionId xmin = kInvalidTransactionId;
  CommandId cmin = kFirstCommandId;
  TransactionId xmax = kInvalidTransactionId;
  CommandId cmax = kFirstCommandId;
  uint16_t hints = 0;

  static VersionStamp of(const HeapTupleHeader& tuple);
};

// What HeapTupleSatisfiesUpdate concludes (PostgreSQL's TM_Result).
enum class UpdateCheck {
  Ok,             // the version is live and may be updated or deleted
  Invisible,      // the version was never visible to this command
  SelfModified,   // already updated/deleted by this transaction in a later command
  Updated,        // updated by a committed transaction (ctid names the successor)
  Deleted,        // deleted by a committed transaction
  BeingModified,  // updated/deleted by a transaction still in progress
};

// What a unique-index check concludes about one version (PostgreSQL's SnapshotDirty as
// _bt_check_unique uses it): dead, live, or depending on a transaction still running.
struct DirtyCheck {
  enum class Kind { Dead, Live, InProgress };
  Kind kind = Kind::Dead;
  TransactionId xid = kInvalidTransactionId;  // InProgress: the inserter or deleter
};

class Visibility {
 public:
  explicit Visibility(const CommitLog& commit_log) : commit_log_(commit_log) {}

  // True if the version is visible to the snapshot. `hints_changed` is set when hint bits
  // were written (the page must then be marked dirty as a hint).
  bool is_visible(HeapTupleHeader& tuple, const Snapshot& snapshot, bool& hints_changed) const;
  bool is_visible(VersionStamp& stamp, const Snapshot& snapshot) const;

  // Whether (xid, cid) may update or delete the version now.
  // `self` is the version's own tid: a committed xmax with ctid == self is a delete, with
  // ctid elsewhere an update.
  UpdateCheck check_update(HeapTupleHeader& tuple, TupleId self, TransactionId xid, CommandId cid,
                           bool& hints_changed) const;
  // As above, reporting a committed xmax as Updated (no ctid to tell a delete apart).
  UpdateCheck check_update(VersionStamp& stamp, TransactionId xid, CommandId cid) const;

  // True if the version is not known dead: inserted by a committed, running or own
  // transaction and not deleted by a committed one (PostgreSQL's SnapshotDirty, roughly).
  // Catalog uniqueness checks use it, as a unique index would.
  bool is_live_or_pending(HeapTupleHeader& tuple, TransactionId own_xid,
                          bool& hints_changed) const;
  bool is_live_or_pending(VersionStamp& stamp, TransactionId own_xid) const;

  // For unique checks: a version inserted or deleted by another running transaction is
  // InProgress (the checker waits for it), one the own transaction deleted is Dead.
  DirtyCheck check_dirty(HeapTupleHeader& tuple, TransactionId own_xid, bool& hints_changed) const;
  DirtyCheck check_dirty(VersionStamp& stamp, TransactionId own_xid) const;

 private:
  // Commit-log status of xmin/xmax, read from and recorded into the hint bits. Only asked
  // about xids the caller knows are not running by its snapshot (or in check_update, where the
  // log's in-progress status is the truth).
  XidStatus xmin_status(VersionStamp& stamp) const;
  XidStatus xmax_status(VersionStamp& stamp) const;
  static bool has_xmax(const VersionStamp& stamp);
  static void apply_hints(HeapTupleHeader& tuple, const VersionStamp& stamp, uint16_t before,
                          bool& hints_changed);

  const CommitLog& commit_log_;
};

}  // namespace chalkdb
