#include "storage/index/btree_page.h"

#include <algorithm>
#include <cstring>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

template <typename T>
T load_at(const std::byte* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T>
void store_at(std::byte* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

}  // namespace

void BTreePage::initialize(Page::Bytes bytes, uint32_t level, uint16_t flags) {
  Page::initialize(bytes, disk::kBtreeSpecialSize);
  BTreePage page(bytes);
  page.set_prev(disk::kBtreeNoBlock);
  page.set_next(disk::kBtreeNoBlock);
  page.set_level(level);
  page.set_flags(flags);
}

void BTreePage::initialize_meta(Page::Bytes bytes, const BTreeMeta& meta) {
  initialize(bytes, 0, disk::kBtpMeta);
  BTreePage(bytes).set_meta(meta);
}

std::byte* BTreePage::special_ptr() const {
  return const_cast<Page&>(page_).bytes().data() + page_.special();
}

uint32_t BTreePage::load32(size_t field) const { return load_at<uint32_t>(special_ptr() + field); }
void BTreePage::store32(size_t field, uint32_t value) { store_at(special_ptr() + field, value); }
uint16_t BTreePage::flags() const { return load_at<uint16_t>(special_ptr() + disk::kBtpoFlagsOffset); }
uint16_t BTreePage::cycle_id() const {
  return load_at<uint16_t>(special_ptr() + disk::kBtpoCycleIdOffset);
}
void BTreePage::set_flags(uint16_t flags) { store_at(special_ptr() + disk::kBtpoFlagsOffset, flags); }

BTreeMeta BTreePage::meta() const {
  const std::byte* base = const_cast<Page&>(page_).bytes().data() + disk::kBtMetaOffset;
  BTreeMeta m;
  m.magic = load_at<uint32_t>(base + disk::kBtmMagicOffset);
  m.version = load_at<uint32_t>(base + disk::kBtmVersionOffset);
  m.root = load_at<uint32_t>(base + disk::kBtmRootOffset);
  m.level = load_at<uint32_t>(base + disk::kBtmLevelOffset);
  m.fastroot = load_at<uint32_t>(base + disk::kBtmFastRootOffset);
  m.fastlevel = load_at<uint32_t>(base + disk::kBtmFastLevelOffset);
  m.last_cleanup_num_delpages = load_at<uint32_t>(base + disk::kBtmLastCleanupDelPagesOffset);
  m.last_cleanup_num_heap_tuples = load_at<double>(base + disk::kBtmLastCleanupHeapTuplesOffset);
  m.allequalimage = load_at<uint8_t>(base + disk::kBtmAllEqualImageOffset) != 0;
  return m;
}

void BTreePage::set_meta(const BTreeMeta& m) {
  std::byte* base = page_.bytes().data() + disk::kBtMetaOffset;
  std::memset(base, 0, disk::kBtMetaSize);
  store_at(base + disk::kBtmMagicOffset, m.magic);
  store_at(base + disk::kBtmVersionOffset, m.version);
  store_at(base + disk::kBtmRootOffset, m.root);
  store_at(base + disk::kBtmLevelOffset, m.level);
  store_at(base + disk::kBtmFastRootOffset, m.fastroot);
  store_at(base + disk::kBtmFastLevelOffset, m.fastlevel);
  store_at(base + disk::kBtmLastCleanupDelPagesOffset, m.last_cleanup_num_delpages);
  store_at(base + disk::kBtmLastCleanupHeapTuplesOffset, m.last_cleanup_num_heap_tuples);
  store_at(base + disk::kBtmAllEqualImageOffset, static_cast<uint8_t>(m.allequalimage ? 1 : 0));
  // As _bt_initmetapage: pd_lower covers the metadata so it is not mistaken for free space
  // (rounded up to a whole line pointer, which the page header check expects).
  std::byte* header = page_.bytes().data();
  store_at(header + disk::kPdLowerOffset, static_cast<uint16_t>(disk::kBtMetaLower));
}

std::string_view BTreePage::item(OffsetNumber offset) const {
  const std::byte* base = const_cast<Page&>(page_).bytes().data();
  auto raw = load_at<uint32_t>(base + disk::kPageHeaderSize + (offset - 1) * disk::kLinePointerSize);
  uint32_t off = raw & disk::kLpOffMask;
  uint32_t len = (raw >> disk::kLpLenShift) & disk::kLpLenMask;
  if (off + len > disk::kPageSize || off < disk::kPageHeaderSize) {
    throw SqlError(sqlstate::kIndexCorrupted, "index item pointer out of page");
  }
  return {reinterpret_cast<const char*>(base + off), len};
}

BTreePage::LeafParts BTreePage::leaf_parts(std::string_view item, size_t key_length) {
  if (key_length + disk::kBtTidSize > item.size()) {
    throw SqlError(sqlstate::kIndexCorrupted, "index leaf item too short for its key and TID");
  }
  return {item.substr(0, key_length), tid_at(item, key_length),
          item.substr(key_length + disk::kBtTidSize)};
}

TupleId BTreePage::tid_at(std::string_view item, size_t position) {
  auto p = reinterpret_cast<const unsigned char*>(item.data() + position);
  TupleId tid;
  tid.block = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  tid.offset = static_cast<OffsetNumber>((p[4] << 8) | p[5]);
  return tid;
}

void BTreePage::append_tid(std::string& out, TupleId tid) {
  const char bytes[disk::kBtTidSize] = {
      static_cast<char>(tid.block >> 24), static_cast<char>(tid.block >> 16),
      static_cast<char>(tid.block >> 8),  static_cast<char>(tid.block),
      static_cast<char>(tid.offset >> 8), static_cast<char>(tid.offset)};
  out.append(bytes, sizeof bytes);
}

void BTreePage::append_leaf_item(std::string& out, std::string_view key, TupleId tid,
                                 std::string_view include) {
  out.append(key);
  append_tid(out, tid);
  out.append(include);
}

BlockNumber BTreePage::child(std::string_view item) {
  BlockNumber block;
  std::memcpy(&block, item.data(), sizeof block);
  return block;
}

void BTreePage::append_internal_item(std::string& out, BlockNumber child,
                                     std::string_view separator) {
  out.append(reinterpret_cast<const char*>(&child), sizeof child);
  out.append(separator);
}

bool BTreePage::append_item(std::string_view item) {
  return insert_item(static_cast<OffsetNumber>(max_offset() + 1), item);
}

bool BTreePage::insert_item(OffsetNumber offset, std::string_view item) {
  OffsetNumber count = max_offset();
  auto added = page_.add_item(std::as_bytes(std::span(item.data(), item.size())));
  if (!added) return false;
  if (offset <= count) {
    // add_item put the new line pointer last: rotate it into place.
    std::byte* lps = page_.bytes().data() + disk::kPageHeaderSize;
    std::byte* at = lps + (offset - 1) * disk::kLinePointerSize;
    std::byte* last = lps + count * disk::kLinePointerSize;
    std::byte saved[disk::kLinePointerSize];
    std::memcpy(saved, last, sizeof saved);
    std::memmove(at + disk::kLinePointerSize, at, static_cast<size_t>(last - at));
    std::memcpy(at, saved, sizeof saved);
  }
  return true;
}

int compare_with_target(std::string_view item, const BTreeTarget& target) {
  size_t n = std::min(item.size(), target.bytes.size());
  int c = n == 0 ? 0 : std::memcmp(item.data(), target.bytes.data(), n);
  if (c != 0) return c;
  if (item.size() < target.bytes.size()) return -1;
  if (target.plus_infinity) return -1;
  return item.size() == target.bytes.size() ? 0 : 1;
}

}  // namespace chalkdb
