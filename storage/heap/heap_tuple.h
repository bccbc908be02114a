// HeapTupleHeader: a view over the header of one tuple version stored in a heap page
// (docs/formats/heap_tuple.md).
//
// Fields as PostgreSQL's HeapTupleHeaderData: t_xmin, t_xmax, t_ctid, t_infomask2 (number of
// columns and flags), t_infomask (HEAP_HASNULL, hint bits XMIN_COMMITTED/INVALID,
// XMAX_COMMITTED/INVALID, ...), t_hoff (offset of the data) and the null bitmap t_bits.
// Differences: xids are 64 bits, and the inserting and deleting command ids are stored
// separately (t_cmin, t_cmax) instead of PostgreSQL's single t_cid with combo command ids, so
// a transaction that deletes its own insert needs no in-memory combo-cid table. The header is
// 35 bytes before the bitmap (PostgreSQL: 23).
// t_infomask is read and written atomically because hint bits are set under a shared latch.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <span>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"

namespace chalkdb {

class HeapTupleHeader {
 public:
  // `tuple` is the whole item: header, bitmap, padding and data. It must be 2-byte aligned
  // (items in a page are MAXALIGNed).
  explicit HeapTupleHeader(std::span<std::byte> tuple) : tuple_(tuple) {}

  // Size of header + bitmap, MAXALIGNed: where the data starts.
  static size_t header_size(size_t natts, bool has_nulls);
  // Writes a fresh header for a new version inserted by (xid, cid).
  void initialize(size_t natts, bool has_nulls, TransactionId xmin, CommandId cmin, TupleId self);

  TransactionId xmin() const { return load<uint64_t>(disk::kTXminOffset); }
  TransactionId xmax() const { return load<uint64_t>(disk::kTXmaxOffset); }
  CommandId cmin() const { return load<uint32_t>(disk::kTCminOffset); }
  CommandId cmax() const { return load<uint32_t>(disk::kTCmaxOffset); }
  TupleId ctid() const {
    return {load<uint32_t>(disk::kTCtidBlockOffset), load<uint16_t>(disk::kTCtidOffsetOffset)};
  }
  uint16_t infomask() const { return infomask_ref().load(std::memory_order_relaxed); }
  uint16_t infomask2() const { return load<uint16_t>(disk::kTInfomask2Offset); }
  uint8_t hoff() const { return load<uint8_t>(disk::kTHoffOffset); }
  size_t natts() const { return infomask2() & disk::kHeapNattsMask; }
  bool has_nulls() const { return (infomask() & disk::kHeapHasNull) != 0; }

  // Empty when the tuple has no NULLs.
  std::span<const uint8_t> null_bitmap() const;
  std::span<uint8_t> null_bitmap();
  std::span<const std::byte> data() const { return tuple_.subspan(hoff()); }
  std::span<std::byte> data() { return tuple_.subspan(hoff()); }

  // Marks the version deleted (or updated) by (xid, cid); the ctid names the successor.
  void set_deleted(TransactionId xmax, CommandId cmax, TupleId successor);
  void set_ctid(TupleId tid);
  void set_infomask2_flags(uint16_t flags);
  // ORs bits into t_infomask; atomic, so hint bits may be set under a shared latch.
  void set_infomask_flags(uint16_t bits) {
    infomask_ref().fetch_or(bits, std::memory_order_relaxed);
  }
  void set_hint_bits(uint16_t bits) { set_infomask_flags(bits); }

 private:
  template <typename T>
  T load(size_t offset) const {
    T v;
    std::memcpy(&v, tuple_.data() + offset, sizeof v);
    return v;
  }
  template <typename T>
  void store(size_t offset, T v) {
    std::memcpy(tuple_.data() + offset, &v, sizeof v);
  }
  std::atomic_ref<uint16_t> infomask_ref() const {
    return std::atomic_ref<uint16_t>(
        *reinterpret_cast<uint16_t*>(tuple_.data() + disk::kTInfomaskOffset));
  }

  std::span<std::byte> tuple_;
};

}  // namespace chalkdb
