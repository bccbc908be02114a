// TransactionManager: begins, commits and aborts transactions and builds their snapshots.
//
// Xids are assigned lazily at the first write. A snapshot lists the transactions running at
// that moment (PostgreSQL's GetSnapshotData); READ COMMITTED takes one per statement,
// REPEATABLE READ and SERIALIZABLE one per transaction.
//
// Durability (until the WAL arrives) follows a FORCE policy: commit() writes and fsyncs every
// page of the relations the transaction modified (the catalog's included), then records the
// commit in the commit log and fsyncs that, and only then returns. An acknowledged commit
// thus survives kill -9, and a transaction without a commit record is never visible: after a
// crash its xid counts as aborted, and MVCC needs no undo. The cost is that a commit does
// random writes proportional to the dirty pages of what it touched plus two or more fsyncs,
// and cannot share an fsync with other commits (no group commit); the WAL will replace this
// with one sequential log flush. Aborting writes nothing durable.
// Later work hooks in here: row-lock waits use wait_for() (a waiter sleeps until the other
// transaction ends, as on PostgreSQL's transaction lock), SSI and savepoints extend
// Transaction. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>

#include "storage/mvcc/snapshot.h"
#include "storage/storage_engine.h"
#include "txn/transaction.h"

namespace chalkdb {

class TransactionManager {
 public:
  explicit TransactionManager(StorageEngine& storage);

  std::unique_ptr<Transaction> begin(IsolationLevel isolation = IsolationLevel::ReadCommitted);
  // Gives the transaction its xid if it has none yet; returns it.
  TransactionId assign_xid(Transaction& transaction);
  // The snapshot for the transaction's current statement.
  Snapshot snapshot(const Transaction& transaction);
  void commit(Transaction& transaction);
  void abort(Transaction& transaction);

  // True while `xid` has neither committed nor aborted.
  bool is_running(TransactionId xid) const;
  // Blocks until `xid` has committed or aborted (a lock wait on its transaction).
  void wait_for(TransactionId xid);

 private:
  Snapshot take_snapshot() const;  // caller holds mutex_
  void finish(Transaction& transaction, bool committed);

  StorageEngine& storage_;
  mutable std::mutex mutex_;
  std::condition_variable transaction_ended_;
  std::set<TransactionId> running_;
};

}  // namespace chalkdb
