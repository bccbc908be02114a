#include "txn/transaction_manager.h"

#include "sql/error/sql_error.h"

namespace chalkdb {

TransactionManager::TransactionManager(StorageEngine& storage) : storage_(storage) {}

std::unique_ptr<Transaction> TransactionManager::begin(IsolationLevel isolation) {
  return std::make_unique<Transaction>(Transaction::Key{}, *this, isolation);
}

TransactionId TransactionManager::assign_xid(Transaction& transaction) {
  if (transaction.xid_ != kInvalidTransactionId) return transaction.xid_;
  if (!transaction.active_) {
    throw SqlError(sqlstate::kInvalidTransactionState, "transaction is no longer active");
  }
  std::lock_guard lock(mutex_);
  // Allocated and registered under one lock, so no snapshot can miss a running xid.
  transaction.xid_ = storage_.control_file().allocate_xid();
  running_.insert(transaction.xid_);
  return transaction.xid_;
}

Snapshot TransactionManager::take_snapshot() const {
  Snapshot snapshot;
  snapshot.xmax = storage_.control_file().next_xid();
  snapshot.xmin = running_.empty() ? snapshot.xmax : *running_.begin();
  snapshot.in_progress.assign(running_.begin(), running_.end());
  return snapshot;
}

Snapshot TransactionManager::snapshot(const Transaction& transaction) {
  Snapshot snapshot;
  if (transaction.uses_transaction_snapshot() && transaction.transaction_snapshot_) {
    snapshot = *transaction.transaction_snapshot_;
  } else {
    std::lock_guard lock(mutex_);
    snapshot = take_snapshot();
    if (transaction.uses_transaction_snapshot()) transaction.transaction_snapshot_ = snapshot;
  }
  snapshot.own_xid = transaction.xid_;
  snapshot.command_id = transaction.command_id_;
  return snapshot;
}

void TransactionManager::commit(Transaction& transaction) {
  if (!transaction.active_) {
    throw SqlError(sqlstate::kInvalidTransactionState, "transaction is no longer active");
  }
  TransactionId xid = transaction.xid_;
  if (xid != kInvalidTransactionId) {
    // FORCE: the data first, then the commit record; each fsynced before the next step.
    for (Oid relfilenode : storage_.written_relations().take(xid)) {
      if (storage_.relation_files().exists(relfilenode)) {
        storage_.buffer_pool().flush_relation(relfilenode);
      }
    }
    storage_.commit_log().set_committed(xid);
    storage_.commit_log().flush();
  }
  finish(transaction, true);
}

void TransactionManager::abort(Transaction& transaction) {
  if (!transaction.active_) return;
  TransactionId xid = transaction.xid_;
  if (xid != kInvalidTransactionId) {
    storage_.written_relations().take(xid);
    // Not flushed: a transaction without a commit record counts as aborted anyway.
    storage_.commit_log().set_aborted(xid);
  }
  finish(transaction, false);
}

void TransactionManager::finish(Transaction& transaction, bool committed) {
  transaction.active_ = false;
  TransactionId xid = transaction.xid_;
  if (xid == kInvalidTransactionId) return;
  storage_.catalog().transaction_finished(xid, committed);
  {
    std::lock_guard lock(mutex_);
    running_.erase(xid);
  }
  transaction_ended_.notify_all();
}

bool TransactionManager::is_running(TransactionId xid) const {
  std::lock_guard lock(mutex_);
  return running_.contains(xid);
}

void TransactionManager::wait_for(TransactionId xid) {
  std::unique_lock lock(mutex_);
  transaction_ended_.wait(lock, [&] { return !running_.contains(xid); });
}

}  // namespace chalkdb
