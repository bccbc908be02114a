// RelationCache: every known pg_class row version with its MVCC stamp, for catalog lookups
// without scanning the system tables.
//
// A version is visible to a snapshot by the same rules as a heap tuple (Visibility), decided
// from the cached xmin/xmax/command ids and the commit log. Versions of aborted transactions
// are forgotten when those end; a committed drop leaves its version behind until the next
// reload. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "storage/catalog/table_info.h"
#include "storage/mvcc/snapshot.h"
#include "storage/mvcc/visibility.h"

namespace chalkdb {

class RelationCache {
 public:
  explicit RelationCache(const CommitLog& commit_log) : visibility_(commit_log) {}

  void clear();
  void add(std::shared_ptr<const TableInfo> info, VersionStamp stamp);
  // Records that (xid, cid) deleted the version of `oid` visible to it.
  void mark_deleted(Oid oid, TransactionId xid, CommandId cid);
  // Drops the versions inserted by `xid` (it aborted).
  void forget_inserted_by(TransactionId xid);

  std::shared_ptr<const TableInfo> find(Oid namespace_oid, std::string_view name,
                                        const Snapshot& snapshot) const;
  std::shared_ptr<const TableInfo> by_oid(Oid oid, const Snapshot& snapshot) const;
  std::vector<std::shared_ptr<const TableInfo>> all(const Snapshot& snapshot) const;
  // True if a version with the name is live or being created by a running transaction.
  bool name_in_use(Oid namespace_oid, std::string_view name, TransactionId xid) const;

 private:
  struct Version {
    std::shared_ptr<const TableInfo> info;
    VersionStamp stamp;
  };
  bool visible(const Version& version, const Snapshot& snapshot) const;

  Visibility visibility_;
  mutable std::shared_mutex mutex_;
  std::multimap<Oid, Version> by_oid_;
};

}  // namespace chalkdb
