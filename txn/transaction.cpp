#include "txn/transaction.h"

#include "txn/transaction_manager.h"

namespace chalkdb {

Transaction::~Transaction() {
  if (!active_) return;
  try {
    manager_.abort(*this);
  } catch (...) {
    // Aborting only records the outcome in memory; should even that fail, the xid still
    // counts as aborted after the next restart.
  }
}

}  // namespace chalkdb
