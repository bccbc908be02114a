// Page: a view over one 8 KiB slotted page, PostgreSQL's layout (docs/formats/page.md).
//
// A 28-byte header (pd_lsn, pd_checksum, pd_flags, pd_lower, pd_upper, pd_special,
// pd_pagesize_version, pd_prune_xid) is followed by an array of 4-byte line pointers growing
// up, and item data growing down from pd_special. Items are MAXALIGNed (8 bytes). Differences
// from PostgreSQL: pd_prune_xid is 64 bits (so the header is 28 bytes, not 24), and the
// checksum is not computed yet (the field is written as 0 and not verified).
// The view does no latching; the buffer pool's PageGuard provides that.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "storage/common/disk_format.h"
#include "storage/common/ids.h"

namespace chalkdb {

struct LinePointer {
  uint16_t offset = 0;  // lp_off: byte offset of the item in the page
  uint8_t flags = disk::kLpUnused;
  uint16_t length = 0;  // lp_len: item length without alignment padding

  bool is_normal() const { return flags == disk::kLpNormal; }
};

class Page {
 public:
  using Bytes = std::span<std::byte, disk::kPageSize>;

  explicit Page(Bytes bytes) : bytes_(bytes) {}

  // Formats an empty page with `special_size` bytes reserved at the end.
  static void initialize(Bytes bytes, uint16_t special_size = 0);
  // A page never initialised reads as all zeros (pd_upper == 0), as after a relation extension.
  bool is_new() const { return upper() == 0; }
  // Sanity check of the header, as PostgreSQL's PageIsVerified: lower <= upper <= special <=
  // page size and a matching size/version; all-zero pages pass.
  bool header_is_valid() const;

  uint64_t lsn() const;
  void set_lsn(uint64_t lsn);
  uint16_t checksum() const;
  uint16_t flags() const;
  void set_flags(uint16_t flags);
  uint16_t lower() const;
  uint16_t upper() const;
  uint16_t special() const;
  uint16_t pagesize_version() const;
  TransactionId prune_xid() const;
  void set_prune_xid(TransactionId xid);

  // Number of line pointers (the highest valid OffsetNumber).
  OffsetNumber item_count() const;
  LinePointer line_pointer(OffsetNumber offset) const;
  void set_line_pointer(OffsetNumber offset, LinePointer lp);

  // Bytes available for one more item including its line pointer (PageGetHeapFreeSpace).
  size_t free_space() const;
  // Adds an item; returns its OffsetNumber, or nothing if it does not fit.
  std::optional<OffsetNumber> add_item(std::span<const std::byte> item);

  // True if `offset` names a normal line pointer whose item lies inside the page's item area
  // (checked before trusting bytes read from disk).
  bool has_item(OffsetNumber offset) const;
  // The item's bytes (lp_len long). The offset must satisfy has_item().
  std::span<std::byte> item(OffsetNumber offset);
  std::span<const std::byte> item(OffsetNumber offset) const;

  Bytes bytes() { return bytes_; }

 private:
  template <typename T>
  T load(size_t offset) const;
  template <typename T>
  void store(size_t offset, T value);
  void set_lower(uint16_t v);
  void set_upper(uint16_t v);

  Bytes bytes_;
};

}  // namespace chalkdb
