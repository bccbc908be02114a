#include "storage/page/page.h"

#include <cstring>

namespace chalkdb {

template <typename T>
T Page::load(size_t offset) const {
  T value;
  std::memcpy(&value, bytes_.data() + offset, sizeof value);
  return value;
}

template <typename T>
void Page::store(size_t offset, T value) {
  std::memcpy(bytes_.data() + offset, &value, sizeof value);
}

void Page::initialize(Bytes bytes, uint16_t special_size) {
  std::memset(bytes.data(), 0, bytes.size());
  Page page(bytes);
  auto special = static_cast<uint16_t>(disk::kPageSize - disk::max_align(special_size));
  page.set_lower(static_cast<uint16_t>(disk::kPageHeaderSize));
  page.set_upper(special);
  page.store<uint16_t>(disk::kPdSpecialOffset, special);
  page.store<uint16_t>(disk::kPdPagesizeVersionOffset,
                       static_cast<uint16_t>(disk::kPageSize | disk::kPageLayoutVersion));
}

bool Page::header_is_valid() const {
  if (is_new()) {
    for (std::byte b : bytes_) {
      if (b != std::byte{0}) return false;
    }
    return true;
  }
  return (flags() & ~(disk::kPdHasFreeLines | disk::kPdPageFull | disk::kPdAllVisible)) == 0 &&
         lower() >= disk::kPageHeaderSize && lower() <= upper() && upper() <= special() &&
         special() <= disk::kPageSize &&
         pagesize_version() == (disk::kPageSize | disk::kPageLayoutVersion) &&
         (lower() - disk::kPageHeaderSize) % disk::kLinePointerSize == 0;
}

uint64_t Page::lsn() const { return load<uint64_t>(disk::kPdLsnOffset); }
void Page::set_lsn(uint64_t lsn) { store(disk::kPdLsnOffset, lsn); }
uint16_t Page::checksum() const { return load<uint16_t>(disk::kPdChecksumOffset); }
uint16_t Page::flags() const { return load<uint16_t>(disk::kPdFlagsOffset); }
void Page::set_flags(uint16_t flags) { store(disk::kPdFlagsOffset, flags); }
uint16_t Page::lower() const { return load<uint16_t>(disk::kPdLowerOffset); }
uint16_t Page::upper() const { return load<uint16_t>(disk::kPdUpperOffset); }
uint16_t Page::special() const { return load<uint16_t>(disk::kPdSpecialOffset); }
uint16_t Page::pagesize_version() const { return load<uint16_t>(disk::kPdPagesizeVersionOffset); }
TransactionId Page::prune_xid() const { return load<uint64_t>(disk::kPdPruneXidOffset); }
void Page::set_prune_xid(TransactionId xid) { store<uint64_t>(disk::kPdPruneXidOffset, xid); }
void Page::set_lower(uint16_t v) { store(disk::kPdLowerOffset, v); }
void Page::set_upper(uint16_t v) { store(disk::kPdUpperOffset, v); }

OffsetNumber Page::item_count() const {
  if (lower() < disk::kPageHeaderSize) return 0;
  return static_cast<OffsetNumber>((lower() - disk::kPageHeaderSize) / disk::kLinePointerSize);
}

LinePointer Page::line_pointer(OffsetNumber offset) const {
  auto raw = load<uint32_t>(disk::kPageHeaderSize + (offset - 1) * disk::kLinePointerSize);
  return {static_cast<uint16_t>(raw & disk::kLpOffMask),
          static_cast<uint8_t>((raw >> disk::kLpFlagsShift) & disk::kLpFlagsMask),
          static_cast<uint16_t>((raw >> disk::kLpLenShift) & disk::kLpLenMask)};
}

void Page::set_line_pointer(OffsetNumber offset, LinePointer lp) {
  uint32_t raw = (uint32_t{lp.offset} & disk::kLpOffMask) |
                 ((uint32_t{lp.flags} & disk::kLpFlagsMask) << disk::kLpFlagsShift) |
                 ((uint32_t{lp.length} & disk::kLpLenMask) << disk::kLpLenShift);
  store(disk::kPageHeaderSize + (offset - 1) * disk::kLinePointerSize, raw);
}

size_t Page::free_space() const {
  size_t gap = upper() - lower();
  return gap < disk::kLinePointerSize ? 0 : gap - disk::kLinePointerSize;
}

std::optional<OffsetNumber> Page::add_item(std::span<const std::byte> item) {
  size_t aligned = disk::max_align(item.size());
  if (item.empty() || aligned > free_space()) return std::nullopt;
  auto offset = static_cast<OffsetNumber>(item_count() + 1);
  auto new_upper = static_cast<uint16_t>(upper() - aligned);
  std::memcpy(bytes_.data() + new_upper, item.data(), item.size());
  std::memset(bytes_.data() + new_upper + item.size(), 0, aligned - item.size());
  set_line_pointer(offset, {new_upper, disk::kLpNormal, static_cast<uint16_t>(item.size())});
  set_lower(static_cast<uint16_t>(lower() + disk::kLinePointerSize));
  set_upper(new_upper);
  return offset;
}

bool Page::has_item(OffsetNumber offset) const {
  if (offset < 1 || offset > item_count()) return false;
  LinePointer lp = line_pointer(offset);
  return lp.is_normal() && lp.length > 0 && lp.offset >= upper() &&
         size_t{lp.offset} + lp.length <= special();
}

std::span<std::byte> Page::item(OffsetNumber offset) {
  LinePointer lp = line_pointer(offset);
  return bytes_.subspan(lp.offset, lp.length);
}

std::span<const std::byte> Page::item(OffsetNumber offset) const {
  LinePointer lp = line_pointer(offset);
  return std::span<const std::byte>(bytes_).subspan(lp.offset, lp.length);
}

}  // namespace chalkdb
