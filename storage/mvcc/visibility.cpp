#include "storage/mvcc/visibility.h"

namespace chalkdb {

namespace {
constexpr uint16_t kHintBits = disk::kHeapXminCommitted | disk::kHeapXminInvalid |
                               disk::kHeapXmaxCommitted | disk::kHeapXmaxInvalid;
}

VersionStamp VersionStamp::of(const HeapTupleHeader& tuple) {
  return {tuple.xmin(), tuple.cmin(), tuple.xmax(), tuple.cmax(), tuple.infomask()};
}

void Visibility::apply_hints(HeapTupleHeader& tuple, const VersionStamp& stamp, uint16_t before,
                             bool& hints_changed) {
  auto learned = static_cast<uint16_t>(stamp.hints & ~before & kHintBits);
  if (learned != 0) {
    tuple.set_hint_bits(learned);
    hints_changed = true;
  }
}

XidStatus Visibility::xmin_status(VersionStamp& stamp) const {
  if (stamp.hints & disk::kHeapXminCommitted) return XidStatus::Committed;
  if (stamp.hints & disk::kHeapXminInvalid) return XidStatus::Aborted;
  XidStatus status = commit_log_.status(stamp.xmin);
  if (status == XidStatus::Committed) stamp.hints |= disk::kHeapXminCommitted;
  if (status == XidStatus::Aborted) stamp.hints |= disk::kHeapXminInvalid;
  return status;
}

XidStatus Visibility::xmax_status(VersionStamp& stamp) const {
  if (stamp.hints & disk::kHeapXmaxCommitted) return XidStatus::Committed;
  if (stamp.hints & disk::kHeapXmaxInvalid) return XidStatus::Aborted;
  XidStatus status = commit_log_.status(stamp.xmax);
  if (status == XidStatus::Committed) stamp.hints |= disk::kHeapXmaxCommitted;
  if (status == XidStatus::Aborted) stamp.hints |= disk::kHeapXmaxInvalid;
  return status;
}

bool Visibility::has_xmax(const VersionStamp& stamp) {
  return stamp.xmax != kInvalidTransactionId && (stamp.hints & disk::kHeapXmaxInvalid) == 0;
}

bool Visibility::is_visible(HeapTupleHeader& tuple, const Snapshot& snapshot,
                            bool& hints_changed) const {
  VersionStamp stamp = VersionStamp::of(tuple);
  uint16_t before = stamp.hints;
  bool visible = is_visible(stamp, snapshot);
  apply_hints(tuple, stamp, before, hints_changed);
  return visible;
}

// HeapTupleSatisfiesMVCC.
bool Visibility::is_visible(VersionStamp& stamp, const Snapshot& snapshot) const {
  if ((stamp.hints & disk::kHeapXminCommitted) == 0) {
    if (stamp.hints & disk::kHeapXminInvalid) return false;
    if (snapshot.is_own(stamp.xmin)) {
      if (stamp.cmin >= snapshot.command_id) return false;  // inserted after the scan began
      if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return true;
      if (!snapshot.is_own(stamp.xmax)) return true;
      return stamp.cmax >= snapshot.command_id;  // deleted after the scan began
    }
    if (snapshot.sees_as_running(stamp.xmin)) return false;
    // Finished before the snapshot: committed, else aborted or crashed.
    if (xmin_status(stamp) != XidStatus::Committed) return false;
  } else if (!snapshot.is_own(stamp.xmin) && snapshot.sees_as_running(stamp.xmin)) {
    return false;
  }

  if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return true;
  if ((stamp.hints & disk::kHeapXmaxCommitted) == 0) {
    if (snapshot.is_own(stamp.xmax)) return stamp.cmax >= snapshot.command_id;
    if (snapshot.sees_as_running(stamp.xmax)) return true;
    if (xmax_status(stamp) != XidStatus::Committed) return true;
  } else if (snapshot.sees_as_running(stamp.xmax)) {
    return true;
  }
  return false;
}

UpdateCheck Visibility::check_update(HeapTupleHeader& tuple, TupleId self, TransactionId xid,
                                     CommandId cid, bool& hints_changed) const {
  VersionStamp stamp = VersionStamp::of(tuple);
  uint16_t before = stamp.hints;
  UpdateCheck result = check_update(stamp, xid, cid);
  apply_hints(tuple, stamp, before, hints_changed);
  if (result == UpdateCheck::Updated && tuple.ctid() == self) return UpdateCheck::Deleted;
  return result;
}

// HeapTupleSatisfiesUpdate.
UpdateCheck Visibility::check_update(VersionStamp& stamp, TransactionId xid, CommandId cid) const {
  if ((stamp.hints & disk::kHeapXminCommitted) == 0) {
    if (stamp.hints & disk::kHeapXminInvalid) return UpdateCheck::Invisible;
    if (stamp.xmin == xid) {
      if (stamp.cmin >= cid) return UpdateCheck::Invisible;  // inserted after the scan began
      if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return UpdateCheck::Ok;
      if (stamp.xmax != xid) return UpdateCheck::Ok;
      return stamp.cmax >= cid ? UpdateCheck::SelfModified : UpdateCheck::Invisible;
    }
    if (xmin_status(stamp) != XidStatus::Committed) return UpdateCheck::Invisible;
  }

  if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return UpdateCheck::Ok;
  if (stamp.hints & disk::kHeapXmaxCommitted) return UpdateCheck::Updated;
  if (stamp.xmax == xid) {
    return stamp.cmax >= cid ? UpdateCheck::SelfModified : UpdateCheck::Invisible;
  }
  switch (xmax_status(stamp)) {
    case XidStatus::InProgress: return UpdateCheck::BeingModified;
    case XidStatus::Committed: return UpdateCheck::Updated;
    case XidStatus::Aborted: return UpdateCheck::Ok;
  }
  return UpdateCheck::Ok;
}

bool Visibility::is_live_or_pending(HeapTupleHeader& tuple, TransactionId own_xid,
                                    bool& hints_changed) const {
  VersionStamp stamp = VersionStamp::of(tuple);
  uint16_t before = stamp.hints;
  bool live = is_live_or_pending(stamp, own_xid);
  apply_hints(tuple, stamp, before, hints_changed);
  return live;
}

bool Visibility::is_live_or_pending(VersionStamp& stamp, TransactionId own_xid) const {
  if (stamp.xmin != own_xid && xmin_status(stamp) == XidStatus::Aborted) return false;
  if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return true;
  if (stamp.xmax == own_xid) return false;
  return xmax_status(stamp) != XidStatus::Committed;
}

DirtyCheck Visibility::check_dirty(HeapTupleHeader& tuple, TransactionId own_xid,
                                   bool& hints_changed) const {
  VersionStamp stamp = VersionStamp::of(tuple);
  uint16_t before = stamp.hints;
  DirtyCheck check = check_dirty(stamp, own_xid);
  apply_hints(tuple, stamp, before, hints_changed);
  return check;
}

DirtyCheck Visibility::check_dirty(VersionStamp& stamp, TransactionId own_xid) const {
  using Kind = DirtyCheck::Kind;
  if (stamp.xmin != own_xid) {
    switch (xmin_status(stamp)) {
      case XidStatus::Aborted: return {Kind::Dead, kInvalidTransactionId};
      case XidStatus::InProgress: return {Kind::InProgress, stamp.xmin};
      case XidStatus::Committed: break;
    }
  }
  if (!has_xmax(stamp) || (stamp.hints & disk::kHeapXmaxLockOnly)) return {Kind::Live, kInvalidTransactionId};
  if (stamp.xmax == own_xid) return {Kind::Dead, kInvalidTransactionId};
  switch (xmax_status(stamp)) {
    case XidStatus::Committed: return {Kind::Dead, kInvalidTransactionId};
    case XidStatus::InProgress: return {Kind::InProgress, stamp.xmax};
    case XidStatus::Aborted: break;
  }
  return {Kind::Live, kInvalidTransactionId};
}

}  // namespace chalkdb
