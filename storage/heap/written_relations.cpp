#include "storage/heap/written_relations.h"

namespace chalkdb {

void WrittenRelations::record(TransactionId xid, Oid relfilenode) {
  std::lock_guard lock(mutex_);
  written_[xid].insert(relfilenode);
}

std::vector<Oid> WrittenRelations::take(TransactionId xid) {
  std::lock_guard lock(mutex_);
  auto it = written_.find(xid);
  if (it == written_.end()) return {};
  std::vector<Oid> relations(it->second.begin(), it->second.end());
  written_.erase(it);
  return relations;
}

}  // namespace chalkdb
