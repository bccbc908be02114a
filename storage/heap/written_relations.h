// WrittenRelations: which relations each running transaction has modified.
//
// The heap records every relation a transaction writes; at commit the transaction manager
// takes the list and flushes exactly those relations before writing the commit record (the
// FORCE policy used until there is a WAL). Thread-safe.
#pragma once

#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/common/ids.h"

namespace chalkdb {

class WrittenRelations {
 public:
  void record(TransactionId xid, Oid relfilenode);
  // Removes and returns the relations `xid` wrote.
  std::vector<Oid> take(TransactionId xid);

 private:
  std::mutex mutex_;
  std::unordered_map<TransactionId, std::unordered_set<Oid>> written_;
};

}  // namespace chalkdb
