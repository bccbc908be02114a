// ExecContext: what a running statement needs from the engine — the catalog, the storage
// engine (buffer pool and files, for the inspection functions), its transaction and snapshot,
// and the cancel flag checked between batches.
#pragma once

#include <atomic>

#include "sql/settings/session_settings.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"
#include "storage/storage_engine.h"
#include "txn/transaction.h"
#include "txn/transaction_manager.h"

namespace chalkdb {

struct ExecContext {
  Catalog& catalog;
  StorageEngine& storage;
  TransactionManager& transactions;
  Transaction& transaction;
  Snapshot snapshot;
  const std::atomic<bool>& cancel_requested;
  SessionSettings& settings;

  // Throws 57014 when the client asked to cancel the statement.
  void check_for_cancel() const;
  // The transaction's xid, assigned on first write like PostgreSQL.
  TransactionId write_xid();
};

}  // namespace chalkdb
