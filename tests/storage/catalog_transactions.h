// Test helpers: ending catalog transactions without the transaction manager (which lives in a
// higher layer) — commit flushes the transaction's pages and records it in the commit log, as
// the transaction manager does — and a snapshot that sees every transaction ended so far.
#pragma once

#include "storage/storage_engine.h"

namespace chalkdb::testing {

inline Snapshot everything_committed(StorageEngine& engine) {
  Snapshot s;
  s.xmin = s.xmax = engine.control_file().next_xid();
  return s;
}

inline void commit(StorageEngine& engine, TransactionId xid) {
  for (Oid relation : engine.written_relations().take(xid)) engine.buffer_pool().flush_relation(relation);
  engine.commit_log().set_committed(xid);
  engine.commit_log().flush();
  engine.catalog().transaction_finished(xid, true);
}

inline void abort(StorageEngine& engine, TransactionId xid) {
  engine.written_relations().take(xid);
  engine.commit_log().set_aborted(xid);
  engine.catalog().transaction_finished(xid, false);
}

}  // namespace chalkdb::testing
