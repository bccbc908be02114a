#include "storage/index/btree_inspector.h"

#include <array>
#include <cstring>

#include "sql/error/sql_error.h"
#include "storage/index/btree_page.h"

namespace chalkdb {

namespace {

struct alignas(disk::kMaxAlign) PageCopy {
  std::array<std::byte, disk::kPageSize> bytes;
  explicit PageCopy(PageBytes source) { std::memcpy(bytes.data(), source.data(), bytes.size()); }
  BTreePage view() { return BTreePage(Page::Bytes(bytes)); }
};

bool is_variable_length(TypeId type) {
  switch (type) {
    case TypeId::Text:
    case TypeId::Varchar:
    case TypeId::Bpchar:
    case TypeId::Bytea:
    case TypeId::Numeric: return true;
    default: return false;
  }
}

void check_not_meta(int64_t blkno) {
  if (blkno < 0 || blkno > static_cast<int64_t>(UINT32_MAX) - 1) {
    throw SqlError(sqlstate::kInvalidParameterValue, "invalid block number");
  }
  if (blkno == disk::kBtreeMetaBlock) {
    throw SqlError(sqlstate::kInvalidParameterValue,
                   "block " + std::to_string(blkno) + " is a meta page");
  }
}

std::array<std::byte, disk::kPageSize> copy_block(const BTree& tree, BufferPool& pool,
                                                  int64_t blkno) {
  check_not_meta(blkno);
  if (blkno >= static_cast<int64_t>(tree.block_count())) {
    throw SqlError(sqlstate::kInternalError, "block number out of range");
  }
  PageGuard guard =
      pool.read_page(tree.relfilenode(), static_cast<BlockNumber>(blkno), LatchMode::Shared);
  std::array<std::byte, disk::kPageSize> storage;
  std::memcpy(storage.data(), guard.page().bytes().data(), storage.size());
  return storage;
}

// Without the tree (a raw page) the item is taken to have no INCLUDE columns; a leaf item that
// does not parse is shown whole as its key.
BTreePage::LeafParts leaf_parts(const BTree* tree, std::string_view item) {
  if (tree == nullptr) return BTreePage::leaf_parts(item, item.size() - disk::kBtTidSize);
  try {
    return tree->leaf_parts(item);
  } catch (const SqlError&) {
    return BTreePage::leaf_parts(item, item.size() - disk::kBtTidSize);
  }
}

}  // namespace

std::string BTreeInspector::hex_bytes(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 3);
  for (char c : bytes) {
    if (!out.empty()) out.push_back(' ');
    out.push_back(digits[(static_cast<unsigned char>(c) >> 4) & 0xF]);
    out.push_back(digits[static_cast<unsigned char>(c) & 0xF]);
  }
  return out;
}

BtMetapRow BTreeInspector::metap(PageBytes meta_page) {
  PageCopy copy(meta_page);
  BTreePage page = copy.view();
  BTreeMeta m = page.meta();
  if (!page.is_meta() || m.magic != disk::kBtreeMagic) {
    throw SqlError(sqlstate::kIndexCorrupted, "page is not a btree meta page");
  }
  return metap_row(m);
}

BtMetapRow BTreeInspector::metap(const BTree& tree) { return metap_row(tree.meta()); }

BtMetapRow BTreeInspector::metap_row(const BTreeMeta& m) {
  BtMetapRow row;
  row.magic = static_cast<int32_t>(m.magic);
  row.version = static_cast<int32_t>(m.version);
  row.root = m.root;
  row.level = m.level;
  row.fastroot = m.fastroot;
  row.fastlevel = m.fastlevel;
  row.last_cleanup_num_delpages = m.last_cleanup_num_delpages;
  row.last_cleanup_num_tuples = m.last_cleanup_num_heap_tuples;
  row.allequalimage = m.allequalimage;
  return row;
}

BtPageStatsRow BTreeInspector::page_stats(int64_t blkno, PageBytes bytes) {
  PageCopy copy(bytes);
  BTreePage page = copy.view();
  if (page.is_meta()) check_not_meta(disk::kBtreeMetaBlock);
  BtPageStatsRow row;
  row.blkno = blkno;
  uint16_t flags = page.flags();
  if (flags & disk::kBtpDeleted) {
    row.type = 'd';
  } else if (flags & disk::kBtpHalfDead) {
    row.type = 'e';
  } else if (flags & disk::kBtpLeaf) {
    row.type = 'l';
  } else if (flags & disk::kBtpRoot) {
    row.type = 'r';
  } else {
    row.type = 'i';
  }
  size_t item_bytes = 0;
  for (OffsetNumber off = 1; off <= page.max_offset(); ++off) {
    LinePointer lp = page.page().line_pointer(off);
    if (lp.flags == disk::kLpDead) {
      ++row.dead_items;
    } else {
      ++row.live_items;
    }
    item_bytes += lp.length;
  }
  int32_t items = row.live_items + row.dead_items;
  row.avg_item_size = items > 0 ? static_cast<int32_t>(item_bytes / static_cast<size_t>(items)) : 0;
  row.page_size = static_cast<int32_t>(disk::kPageSize);
  row.free_size = static_cast<int32_t>(page.free_space());
  row.btpo_prev = page.prev();
  row.btpo_next = page.next();
  row.btpo_level = page.level();
  row.btpo_flags = flags;
  return row;
}

std::vector<BtPageItemRow> BTreeInspector::page_items(PageBytes bytes, const BTree* tree) {
  PageCopy copy(bytes);
  BTreePage page = copy.view();
  if (page.is_meta()) check_not_meta(disk::kBtreeMetaBlock);
  const IndexKeyCodec* codec = tree != nullptr ? &tree->codec() : nullptr;
  auto column_count = static_cast<OffsetNumber>(codec != nullptr ? codec->column_count() : 1);
  bool key_vars = false;
  if (codec != nullptr) {
    for (const IndexKeyColumn& column : codec->columns()) key_vars = key_vars || is_variable_length(column.type.id);
  }
  auto has_null = [&](std::string_view key) {
    if (codec == nullptr) return false;
    try {
      return IndexKeyCodec::has_null(codec->decode(key));
    } catch (const SqlError&) {
      return false;  // a truncated separator is not a whole key
    }
  };
  std::vector<BtPageItemRow> rows;
  for (OffsetNumber off = 1; off <= page.max_offset(); ++off) {
    std::string_view item = page.item(off);
    BtPageItemRow row;
    row.itemoffset = static_cast<int16_t>(off);
    row.itemlen = static_cast<int16_t>(item.size());
    row.vars = key_vars;
    bool high_key = page.has_high_key() && off == disk::kBtHighKeyOffset;
    std::string_view key;
    std::string_view include;  // leaf items only: pivots carry no INCLUDE columns
    if (high_key) {
      key = item;
      row.ctid = TupleId{0, column_count};
    } else if (page.is_leaf() && item.size() >= disk::kBtTidSize) {
      BTreePage::LeafParts parts = leaf_parts(tree, item);
      key = parts.key;
      include = parts.include;
      row.ctid = parts.tid;
      row.htid = row.ctid;
      row.dead = page.page().line_pointer(off).flags == disk::kLpDead;
      if (tree != nullptr) row.vars = key_vars || tree->include_codec().has_variable_width(include);
    } else if (!page.is_leaf() && item.size() >= disk::kBtDownlinkSize) {
      key = BTreePage::separator(item);
      row.ctid = TupleId{BTreePage::child(item), key.empty() ? OffsetNumber{0} : column_count};
    }
    row.nulls = has_null(key) || (tree != nullptr && tree->include_codec().has_null(include));
    row.data = hex_bytes(std::string(key).append(include));
    rows.push_back(std::move(row));
  }
  return rows;
}

BtPageStatsRow BTreeInspector::page_stats(const BTree& tree, BufferPool& pool, int64_t blkno) {
  std::array<std::byte, disk::kPageSize> storage = copy_block(tree, pool, blkno);
  return page_stats(blkno, PageBytes(storage));
}

std::vector<BtPageItemRow> BTreeInspector::page_items(const BTree& tree, BufferPool& pool,
                                                      int64_t blkno) {
  std::array<std::byte, disk::kPageSize> storage = copy_block(tree, pool, blkno);
  return page_items(PageBytes(storage), &tree);
}

}  // namespace chalkdb
