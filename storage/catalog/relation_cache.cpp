#include "storage/catalog/relation_cache.h"

#include <algorithm>
#include <mutex>

namespace chalkdb {

bool RelationCache::visible(const Version& version, const Snapshot& snapshot) const {
  VersionStamp stamp = version.stamp;  // hints learned here are not kept: the copy is cheap
  return visibility_.is_visible(stamp, snapshot);
}

void RelationCache::clear() {
  std::unique_lock lock(mutex_);
  by_oid_.clear();
}

void RelationCache::add(std::shared_ptr<const TableInfo> info, VersionStamp stamp) {
  std::unique_lock lock(mutex_);
  Oid oid = info->oid;
  by_oid_.emplace(oid, Version{std::move(info), stamp});
}

void RelationCache::mark_deleted(Oid oid, TransactionId xid, CommandId cid) {
  std::unique_lock lock(mutex_);
  auto [begin, end] = by_oid_.equal_range(oid);
  for (auto it = begin; it != end; ++it) {
    VersionStamp stamp = it->second.stamp;
    if (visibility_.check_update(stamp, xid, cid) == UpdateCheck::Ok) {
      it->second.stamp.xmax = xid;
      it->second.stamp.cmax = cid;
      it->second.stamp.hints &= static_cast<uint16_t>(
          ~(disk::kHeapXmaxCommitted | disk::kHeapXmaxInvalid));
    }
  }
}

void RelationCache::forget_inserted_by(TransactionId xid) {
  std::unique_lock lock(mutex_);
  std::erase_if(by_oid_, [xid](const auto& entry) { return entry.second.stamp.xmin == xid; });
}

std::shared_ptr<const TableInfo> RelationCache::find(Oid namespace_oid, std::string_view name,
                                                     const Snapshot& snapshot) const {
  std::shared_lock lock(mutex_);
  for (const auto& [oid, version] : by_oid_) {
    if (version.info->namespace_oid == namespace_oid && version.info->name == name &&
        visible(version, snapshot)) {
      return version.info;
    }
  }
  return nullptr;
}

std::shared_ptr<const TableInfo> RelationCache::by_oid(Oid oid, const Snapshot& snapshot) const {
  std::shared_lock lock(mutex_);
  auto [begin, end] = by_oid_.equal_range(oid);
  for (auto it = begin; it != end; ++it) {
    if (visible(it->second, snapshot)) return it->second.info;
  }
  return nullptr;
}

std::vector<std::shared_ptr<const TableInfo>> RelationCache::all(const Snapshot& snapshot) const {
  std::vector<std::shared_ptr<const TableInfo>> result;
  std::shared_lock lock(mutex_);
  for (const auto& [oid, version] : by_oid_) {
    if (visible(version, snapshot)) result.push_back(version.info);
  }
  return result;
}

bool RelationCache::name_in_use(Oid namespace_oid, std::string_view name,
                                TransactionId xid) const {
  std::shared_lock lock(mutex_);
  return std::any_of(by_oid_.begin(), by_oid_.end(), [&](const auto& entry) {
    const Version& version = entry.second;
    VersionStamp stamp = version.stamp;
    return version.info->namespace_oid == namespace_oid && version.info->name == name &&
           visibility_.is_live_or_pending(stamp, xid);
  });
}

}  // namespace chalkdb
