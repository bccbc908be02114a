// BTree: construction, the meta page, the descent every operation starts with (_bt_search,
// _bt_moveright) and page statistics.
#include "storage/index/btree.h"

#include <cstring>

#include "storage/index/btree_search.h"

namespace chalkdb {

using namespace btree;

BTree::BTree(BufferPool& pool, WrittenRelations* written, Oid relfilenode,
             std::vector<IndexKeyColumn> columns, std::string name, std::vector<DataType> include)
    : pool_(pool),
      written_(written),
      relfilenode_(relfilenode),
      codec_(std::move(columns)),
      include_codec_(std::move(include)),
      name_(std::move(name)) {}

BTreePage::LeafParts BTree::leaf_parts(std::string_view item) const {
  if (include_codec_.column_count() == 0) {
    if (item.size() < disk::kBtTidSize) return BTreePage::leaf_parts(item, item.size());  // throws
    return BTreePage::leaf_parts(item, item.size() - disk::kBtTidSize);
  }
  return BTreePage::leaf_parts(item, codec_.key_length(item));
}

std::string BTree::leaf_item(std::string_view key, TupleId tid, std::string_view include) const {
  std::string item;
  item.reserve(key.size() + disk::kBtTidSize + include.size());
  BTreePage::append_leaf_item(item, key, tid, include);
  check_item_size(item.size(), tid);
  return item;
}

void BTree::create() {
  if (pool_.block_count(relfilenode_) != 0) {
    throw SqlError(sqlstate::kInternalError, "index \"" + name_ + "\" already has pages");
  }
  PageGuard meta = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
  if (meta.block() != disk::kBtreeMetaBlock) {
    throw SqlError(sqlstate::kInternalError, "index meta page is not block 0");
  }
  BTreePage::initialize_meta(meta.page().bytes(), BTreeMeta{});
  meta.mark_dirty();
}

BTreeMeta BTree::meta() const {
  PageGuard guard = pool_.read_page(relfilenode_, disk::kBtreeMetaBlock, LatchMode::Shared);
  BTreePage page(guard.page());
  BTreeMeta m = page.meta();
  if (!page.is_meta() || m.magic != disk::kBtreeMagic) {
    throw SqlError(sqlstate::kIndexCorrupted,
                   "index \"" + name_ + "\" is not a btree");
  }
  if (m.version != disk::kBtreeVersion) {
    throw SqlError(sqlstate::kIndexCorrupted,
                   "version mismatch in index \"" + name_ + "\": file version " +
                       std::to_string(m.version) + ", current version " +
                       std::to_string(disk::kBtreeVersion) + ", minimal supported version " +
                       std::to_string(disk::kBtreeVersion));
  }
  return m;
}

void BTree::record_write(TransactionId xid) {
  if (written_ != nullptr && xid != kInvalidTransactionId) written_->record(xid, relfilenode_);
}

// ---- Descent ------------------------------------------------------------------------------

PageGuard BTree::read_root(LatchMode mode) const {
  BlockNumber hint = root_hint_.load(std::memory_order_acquire);
  if (hint != disk::kBtreeNoBlock) {
    PageGuard guard = pool_.read_page(relfilenode_, hint, mode);
    if (BTreePage(guard.page()).is_root()) return guard;
  }  // released before the meta page is latched: one latch at a time while descending
  BlockNumber root = meta().root;
  if (root == disk::kBtreeNoBlock) return {};
  root_hint_.store(root, std::memory_order_release);
  // The root may split between reading the meta page and latching it; the old root is still a
  // valid starting point (the left end of its level), so the descent stays correct.
  return pool_.read_page(relfilenode_, root, mode);
}

PageGuard BTree::move_right(PageGuard guard, const BTreeTarget& target, bool strict,
                            LatchMode mode) const {
  for (;;) {
    BTreePage page(guard.page());
    if (!page.has_high_key() || !before(page.high_key(), target, strict)) return guard;
    BlockNumber next = page.next();
    guard.release();
    guard = pool_.read_page(relfilenode_, next, mode);
  }
}

PageGuard BTree::descend(const BTreeTarget& target, bool strict, LatchMode mode, uint32_t level,
                         Stack* stack) const {
  PageGuard guard = read_root(LatchMode::Shared);
  if (!guard) return {};
  if (BTreePage(guard.page()).level() == level && mode == LatchMode::Exclusive) {
    BlockNumber block = guard.block();
    guard.release();
    guard = pool_.read_page(relfilenode_, block, mode);
  }
  for (;;) {
    LatchMode held = guard.mode();
    guard = move_right(std::move(guard), target, strict, held);
    BTreePage page(guard.page());
    uint32_t page_level = page.level();
    if (page_level == level) return guard;
    if (page_level < level) throw corrupted(name_, "descent went below the wanted level");
    BlockNumber child = choose_child(page, target, strict);
    if (stack != nullptr) stack->push_back(guard.block());
    guard.release();
    guard = pool_.read_page(relfilenode_, child,
                            page_level - 1 == level ? mode : LatchMode::Shared);
  }
}


BTreeStats BTree::stats() const {
  BTreeStats s;
  s.blocks = block_count();
  BTreeMeta m = meta();
  s.height = m.root == disk::kBtreeNoBlock ? 0 : m.level + 1;
  for (BlockNumber b = 1; b < s.blocks; ++b) {
    PageGuard guard = pool_.read_page(relfilenode_, b, LatchMode::Shared);
    BTreePage page(guard.page());
    if (page.page().is_new()) continue;
    if (page.is_leaf()) {
      ++s.leaf_pages;
      s.entries += page.max_offset() + 1 - page.first_data_offset();
    } else {
      ++s.internal_pages;
    }
  }
  return s;
}

}  // namespace chalkdb
