// Snapshot: which transactions' effects a statement may see (PostgreSQL's MVCC snapshot).
//
// Transactions with xid < xmin had all finished when the snapshot was taken; xids >= xmax had
// not started; in between, those listed in `in_progress` (sorted ascending) were running.
// The own transaction's rows are visible when made by an earlier command (cid < command_id),
// which is what keeps an INSERT ... SELECT from reading its own inserts. The snapshot is a
// plain value: the transaction manager (txn/) builds it, storage only reads it.
#pragma once

#include <algorithm>
#include <vector>

#include "storage/common/ids.h"

namespace chalkdb {

struct Snapshot {
  TransactionId xmin = kFirstNormalTransactionId;
  TransactionId xmax = kFirstNormalTransactionId;
  std::vector<TransactionId> in_progress;  // sorted ascending
  TransactionId own_xid = kInvalidTransactionId;  // kInvalid until the transaction writes
  CommandId command_id = kFirstCommandId;

  // A snapshot that sees every transaction committed so far, plus the own transaction's
  // changes before command `cid` (PostgreSQL's catalog snapshot). Xids that are still running
  // are simply not committed yet, so their changes stay invisible.
  static Snapshot latest(TransactionId own, CommandId cid) {
    Snapshot snapshot;
    snapshot.xmin = snapshot.xmax = kMaxTransactionId;
    snapshot.own_xid = own;
    snapshot.command_id = cid;
    return snapshot;
  }

  // True if `xid` had not finished (or not started) when the snapshot was taken, so neither
  // its commit nor its abort is visible. The own transaction is never "in progress" to itself.
  bool sees_as_running(TransactionId xid) const {
    if (xid < xmin) return false;
    if (xid >= xmax) return true;
    return std::binary_search(in_progress.begin(), in_progress.end(), xid);
  }
  bool is_own(TransactionId xid) const {
    return own_xid != kInvalidTransactionId && xid == own_xid;
  }
};

}  // namespace chalkdb
