// ExecContext: what a running statement needs from the engine — the catalog, the storage
// engine (buffer pool and files, for the inspection functions), its transaction and snapshot,
// and the cancel flag checked between batches.
#pragma once

#include <atomic>
#include <memory>
#include <unordered_map>
#include <vector>

#include "executor/sequence_session_state.h"
#include "sql/settings/session_settings.h"
#include "sql/value/value.h"
#include "storage/catalog/catalog.h"
#include "storage/mvcc/snapshot.h"
#include "storage/storage_engine.h"
#include "txn/transaction.h"
#include "txn/transaction_manager.h"

namespace chalkdb {

class Operator;
class TempTables;

// What the statement's subqueries keep between runs: an operator tree per subplan (reopened
// for each run), the rows of an uncorrelated subplan, the work tables of WITH RECURSIVE.
struct SubqueryState {
  std::vector<Value> exec_params;  // by param id
  std::unordered_map<const void*, std::shared_ptr<Operator>> operators;
  std::unordered_map<const void*, std::vector<std::vector<Value>>> cached_rows;
  std::unordered_map<int, std::vector<std::vector<Value>>> worktables;
};

struct ExecContext {
  Catalog& catalog;
  StorageEngine& storage;
  TransactionManager& transactions;
  Transaction& transaction;
  Snapshot snapshot;
  const std::atomic<bool>& cancel_requested;
  SessionSettings& settings;
  SequenceSessionState& sequences;  // currval / lastval
  TempTables& temp_tables;          // the session's temporary schema and ON COMMIT actions
  // TRUNCATE empties tables without foreign-key checks or actions, as PostgreSQL's does.
  bool skip_foreign_keys = false;
  std::shared_ptr<SubqueryState> subqueries = std::make_shared<SubqueryState>();
  // The $n values when a generic plan runs (its Param nodes read them); null otherwise.
  const std::vector<Value>* parameters = nullptr;

  // Throws 57014 when the client asked to cancel the statement.
  void check_for_cancel() const;
  // The transaction's xid, assigned on first write like PostgreSQL.
  TransactionId write_xid();
};

}  // namespace chalkdb
