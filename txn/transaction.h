// Transaction: one transaction's state — its xid (assigned lazily on first write, like
// PostgreSQL), current command id, isolation level and, for REPEATABLE READ and SERIALIZABLE,
// the snapshot taken by its first statement.
//
// Created by TransactionManager::begin(); a transaction dropped without commit() or abort()
// is aborted by its destructor, so the manager must outlive its transactions.
#pragma once

#include <optional>

#include "storage/common/ids.h"
#include "storage/mvcc/snapshot.h"

namespace chalkdb {

enum class IsolationLevel { ReadCommitted, RepeatableRead, Serializable };

class TransactionManager;

class Transaction {
 public:
  // Only TransactionManager can make the key, so transactions come from begin().
  class Key {
    friend class TransactionManager;
    Key() = default;
  };
  Transaction(Key, TransactionManager& manager, IsolationLevel isolation)
      : manager_(manager), isolation_(isolation) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  TransactionId xid() const { return xid_; }  // kInvalidTransactionId until the first write
  CommandId command_id() const { return command_id_; }
  // Starts the next command (statement) of the transaction: its writes become visible to
  // later commands, and an INSERT ... SELECT never sees its own rows.
  void next_command() { ++command_id_; }
  IsolationLevel isolation() const { return isolation_; }
  // BEGIN ISOLATION LEVEL / SET TRANSACTION decide the level after the transaction began; it
  // takes effect until the transaction's snapshot is taken (its first query).
  void set_isolation(IsolationLevel isolation) {
    if (!transaction_snapshot_) isolation_ = isolation;
  }
  // A transaction keeps one snapshot for its whole life at REPEATABLE READ and above.
  bool uses_transaction_snapshot() const { return isolation_ != IsolationLevel::ReadCommitted; }
  bool is_active() const { return active_; }

 private:
  friend class TransactionManager;

  TransactionManager& manager_;
  IsolationLevel isolation_;
  TransactionId xid_ = kInvalidTransactionId;
  CommandId command_id_ = kFirstCommandId;
  bool active_ = true;
  // The transaction snapshot (REPEATABLE READ), cached on first use; own_xid and command_id
  // are refreshed each time it is handed out.
  mutable std::optional<Snapshot> transaction_snapshot_;
};

}  // namespace chalkdb
