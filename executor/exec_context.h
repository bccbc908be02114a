// ExecContext: what a running statement needs from the engine — the catalog, its transaction
// and snapshot, and the cancel flag checked between batches.
#pragma once

#include <atomic>

#include "executor/sequence_session_state.h"
#include "sql/settings/session_settings.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"
#include "txn/transaction.h"
#include "txn/transaction_manager.h"

namespace chalkdb {

struct ExecContext {
  Catalog& catalog;
  TransactionManager& transactions;
  Transaction& transaction;
  Snapshot snapshot;
  const std::atomic<bool>& cancel_requested;
  SessionSettings& settings;
  SequenceSessionState& sequences;  // currval / lastval
  // TRUNCATE empties tables without foreign-key checks or actions, as PostgreSQL's does.
  bool skip_foreign_keys = false;

  // Throws 57014 when the client asked to cancel the statement.
  void check_for_cancel() const;
  // The transaction's xid, assigned on first write like PostgreSQL.
  TransactionId write_xid();
};

}  // namespace chalkdb
