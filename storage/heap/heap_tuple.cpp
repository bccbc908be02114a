#include "storage/heap/heap_tuple.h"

#include "storage/tuple/tuple_codec.h"

namespace chalkdb {

size_t HeapTupleHeader::header_size(size_t natts, bool has_nulls) {
  size_t bitmap = has_nulls ? TupleCodec::null_bitmap_size(natts) : 0;
  return disk::max_align(disk::kHeapTupleHeaderSize + bitmap);
}

void HeapTupleHeader::initialize(size_t natts, bool has_nulls, TransactionId xmin, CommandId cmin,
                                 TupleId self) {
  store<uint64_t>(disk::kTXminOffset, xmin);
  store<uint64_t>(disk::kTXmaxOffset, kInvalidTransactionId);
  store<uint32_t>(disk::kTCminOffset, cmin);
  store<uint32_t>(disk::kTCmaxOffset, 0);
  set_ctid(self);
  store<uint16_t>(disk::kTInfomask2Offset, static_cast<uint16_t>(natts & disk::kHeapNattsMask));
  // A fresh version has no deleter, which PostgreSQL records as XMAX_INVALID right away.
  uint16_t infomask = disk::kHeapXmaxInvalid | (has_nulls ? disk::kHeapHasNull : 0);
  infomask_ref().store(infomask, std::memory_order_relaxed);
  store<uint8_t>(disk::kTHoffOffset, static_cast<uint8_t>(header_size(natts, has_nulls)));
}

std::span<const uint8_t> HeapTupleHeader::null_bitmap() const {
  if (!has_nulls()) return {};
  return {reinterpret_cast<const uint8_t*>(tuple_.data() + disk::kTBitsOffset),
          TupleCodec::null_bitmap_size(natts())};
}

std::span<uint8_t> HeapTupleHeader::null_bitmap() {
  if (!has_nulls()) return {};
  return {reinterpret_cast<uint8_t*>(tuple_.data() + disk::kTBitsOffset),
          TupleCodec::null_bitmap_size(natts())};
}

void HeapTupleHeader::set_deleted(TransactionId xmax, CommandId cmax, TupleId successor) {
  store<uint64_t>(disk::kTXmaxOffset, xmax);
  store<uint32_t>(disk::kTCmaxOffset, cmax);
  set_ctid(successor);
  constexpr uint16_t kXmaxBits = disk::kHeapXmaxCommitted | disk::kHeapXmaxInvalid |
                                 disk::kHeapXmaxLockOnly | disk::kHeapXmaxExclLock;
  infomask_ref().fetch_and(static_cast<uint16_t>(~kXmaxBits), std::memory_order_relaxed);
}

void HeapTupleHeader::set_ctid(TupleId tid) {
  store<uint32_t>(disk::kTCtidBlockOffset, tid.block);
  store<uint16_t>(disk::kTCtidOffsetOffset, tid.offset);
}

void HeapTupleHeader::set_infomask2_flags(uint16_t flags) {
  store<uint16_t>(disk::kTInfomask2Offset, static_cast<uint16_t>(infomask2() | flags));
}

}  // namespace chalkdb
