// BTree bulk build for CREATE INDEX: sorted entries written bottom-up (nbtsort.c).
#include "storage/index/btree.h"

#include "storage/index/btree_search.h"

namespace chalkdb {

using namespace btree;

std::vector<std::pair<std::string, BlockNumber>> BTree::build_level(
    const std::vector<std::string>& items, uint32_t level) {
  const bool leaf = level == 0;
  const size_t reserve = BTreePage::usable_space() *
                         static_cast<size_t>(100 - (leaf ? disk::kBtLeafFillFactor
                                                         : disk::kBtInternalFillFactor)) /
                         100;
  std::vector<std::pair<std::string, BlockNumber>> pages;
  PageGuard current = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
  BTreePage::initialize(current.page().bytes(), level, leaf ? disk::kBtpLeaf : 0);
  pages.emplace_back(std::string(), current.block());
  size_t on_page = 0;
  std::string minus_infinity;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string_view item = items[i];
    BTreePage page(current.page());
    // A page is closed when the item and a high key no longer fit above the fillfactor's
    // reserve (a high key is never longer than the item it is cut from).
    size_t needed = 2 * BTreePage::space_needed(item.size()) + reserve;
    if (on_page > 0 && page.free_space() < needed) {
      std::string separator = leaf ? std::string(truncated_separator(items[i - 1], item))
                                   : std::string(BTreePage::separator(item));
      PageGuard next = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
      BTreePage::initialize(next.page().bytes(), level, leaf ? disk::kBtpLeaf : 0);
      BTreePage next_page(next.page());
      next_page.set_prev(current.block());
      page.set_next(next.block());
      if (!page.insert_item(disk::kBtHighKeyOffset, separator)) {
        throw SqlError(sqlstate::kInternalError, "btree high key does not fit while building");
      }
      current.mark_dirty();
      pages.emplace_back(std::move(separator), next.block());
      current = std::move(next);
      on_page = 0;
    }
    if (!leaf && on_page == 0) {
      minus_infinity.clear();
      BTreePage::append_internal_item(minus_infinity, BTreePage::child(item), "");
      item = minus_infinity;
    }
    BTreePage target(current.page());
    must_add(target, item);
    ++on_page;
  }
  current.mark_dirty();
  return pages;
}

void BTree::bulk_build(std::vector<BTreeEntry> entries) {
  BTreeMeta m = meta();
  if (m.root != disk::kBtreeNoBlock || block_count() != 1) {
    throw SqlError(sqlstate::kInternalError, "bulk build of index \"" + name_ + "\" needs an empty index");
  }
  std::vector<std::string> items;
  items.reserve(entries.size());
  for (BTreeEntry& entry : entries) {
    items.push_back(leaf_item(entry.key, entry.tid, entry.include));
    IndexKey().swap(entry.key);
    std::string().swap(entry.include);
  }
  std::sort(items.begin(), items.end());
  if (!items.empty()) {
    uint32_t level = 0;
    auto pages = build_level(items, level);
    while (pages.size() > 1) {
      std::vector<std::string> downlinks;
      downlinks.reserve(pages.size());
      for (auto& [separator, block] : pages) {
        std::string item;
        BTreePage::append_internal_item(item, block, separator);
        downlinks.push_back(std::move(item));
      }
      pages = build_level(downlinks, ++level);
    }
    BlockNumber root = pages.front().second;
    {
      PageGuard root_guard = pool_.read_page(relfilenode_, root, LatchMode::Exclusive);
      BTreePage root_page(root_guard.page());
      root_page.set_flags(static_cast<uint16_t>(root_page.flags() | disk::kBtpRoot));
      root_guard.mark_dirty();
    }
    PageGuard meta_guard =
        pool_.read_page(relfilenode_, disk::kBtreeMetaBlock, LatchMode::Exclusive);
    BTreePage meta_page(meta_guard.page());
    m.root = m.fastroot = root;
    m.level = m.fastlevel = level;
    meta_page.set_meta(m);
    meta_guard.mark_dirty();
    root_hint_.store(root, std::memory_order_release);
  }
  pool_.flush_relation(relfilenode_);
}

}  // namespace chalkdb
