// BTree insertion: unique checks, page splits, new roots and finding the parent of a split
// page (nbtinsert.c).
#include "storage/index/btree.h"

#include <cstring>

#include "storage/index/btree_search.h"

namespace chalkdb {

using namespace btree;

void BTree::check_item_size(size_t item_size, TupleId tid) const {
  if (item_size > disk::kBtMaxItemSize) {
    throw SqlError(sqlstate::kProgramLimitExceeded,
                   "index row size " + std::to_string(item_size) +
                       " exceeds btree version 4 maximum " +
                       std::to_string(disk::kBtMaxItemSize) + " for index \"" + name_ + "\"")
        .with_detail("Index row references tuple " + tid.to_string() + ".")
        .with_hint("Values larger than 1/3 of a buffer page cannot be indexed.\n"
                   "Consider a function index of an MD5 hash of the value, or use full text "
                   "indexing.");
  }
}

PageGuard BTree::create_root_leaf() {
  PageGuard meta_guard =
      pool_.read_page(relfilenode_, disk::kBtreeMetaBlock, LatchMode::Exclusive);
  BTreePage meta_page(meta_guard.page());
  BTreeMeta m = meta_page.meta();
  if (m.root != disk::kBtreeNoBlock) return {};  // someone else made it first
  PageGuard root = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
  BTreePage::initialize(root.page().bytes(), 0, disk::kBtpLeaf | disk::kBtpRoot);
  root.mark_dirty();
  m.root = m.fastroot = root.block();
  m.level = m.fastlevel = 0;
  meta_page.set_meta(m);
  meta_guard.mark_dirty();
  root_hint_.store(root.block(), std::memory_order_release);
  return root;
}

PageGuard BTree::leaf_for_insert(std::string_view item, Stack& stack) {
  BTreeTarget target{item, false};
  for (;;) {
    stack.clear();
    PageGuard leaf = descend(target, false, LatchMode::Exclusive, 0, &stack);
    if (leaf) return leaf;
    PageGuard root = create_root_leaf();
    if (root) return root;
  }
}

void BTree::insert(std::span<const Value> key, TupleId tid, TransactionId xid,
                   std::span<const Value> include) {
  IndexKey encoded = codec_.encode(key);
  std::string include_bytes;
  include_codec_.encode(include, include_bytes);
  insert_encoded(encoded, tid, xid, include_bytes);
}

void BTree::insert_encoded(std::string_view key, TupleId tid, TransactionId xid,
                           std::string_view include) {
  std::string item = leaf_item(key, tid, include);
  record_write(xid);
  std::shared_lock structure(structure_lock_);
  insert_leaf_item(item);
}

void BTree::insert_leaf_item(std::string_view item) {
  Stack stack;
  PageGuard leaf = leaf_for_insert(item, stack);
  OffsetNumber offset = lower_bound(BTreePage(leaf.page()), {item, false}, false, false);
  insert_on_page(std::move(leaf), offset, item, stack, {});
}

UniqueInsertResult BTree::insert_unique(std::span<const Value> key, TupleId tid,
                                        TransactionId xid, const UniqueChecker& checker,
                                        std::span<const Value> include) {
  IndexKey encoded = codec_.encode(key);
  std::string include_bytes;
  include_codec_.encode(include, include_bytes);
  if (IndexKeyCodec::has_null(key)) {
    insert_encoded(encoded, tid, xid, include_bytes);
    return {};
  }
  std::string item = leaf_item(encoded, tid, include_bytes);
  record_write(xid);
  std::shared_lock structure(structure_lock_);

  // The leaf holding the key's first position: every inserter of this key latches it
  // exclusively before checking, which serialises them.
  Stack stack;
  BTreeTarget key_start{encoded, false};
  PageGuard first;
  for (;;) {
    stack.clear();
    first = descend(key_start, false, LatchMode::Exclusive, 0, &stack);
    if (first) break;
    create_root_leaf();
  }

  std::vector<TupleId> equal;
  BTreeTarget key_end{encoded, true};
  PageGuard later;  // a page right of `first` while scanning duplicates
  for (;;) {
    BTreePage page((later ? later : first).page());
    OffsetNumber offset = lower_bound(page, key_start, false, false);
    bool past_key = false;
    for (; offset <= page.max_offset(); ++offset) {
      std::string_view existing = page.item(offset);
      // A whole encoded key is never a proper prefix of another key (the encoding is
      // prefix-free), so an item starting with it has exactly this key.
      if (existing.size() < encoded.size() + disk::kBtTidSize ||
          existing.compare(0, encoded.size(), encoded) != 0) {
        past_key = true;
        break;
      }
      equal.push_back(BTreePage::tid_at(existing, encoded.size()));
    }
    if (past_key || !page.has_high_key() || !before(page.high_key(), key_end, false)) break;
    BlockNumber next = page.next();
    later = pool_.read_page(relfilenode_, next, LatchMode::Exclusive);
  }
  later.release();

  if (!equal.empty()) {
    UniqueVerdict verdict = checker(equal);
    if (verdict.kind == UniqueVerdict::Kind::Conflict) {
      return {UniqueInsertResult::Status::Conflict, kInvalidTransactionId, verdict.conflicting_tid};
    }
    if (verdict.kind == UniqueVerdict::Kind::Wait) {
      return {UniqueInsertResult::Status::MustWait, verdict.wait_xid, {}};
    }
  }
  // Walk right (coupled, so no other inserter of the key can slip past) to the entry's page.
  BTreeTarget entry{item, false};
  while (BTreePage(first.page()).has_high_key() &&
         before(BTreePage(first.page()).high_key(), entry, false)) {
    PageGuard next = pool_.read_page(relfilenode_, BTreePage(first.page()).next(),
                                     LatchMode::Exclusive);
    first = std::move(next);
  }
  OffsetNumber offset = lower_bound(BTreePage(first.page()), entry, false, false);
  insert_on_page(std::move(first), offset, item, stack, {});
  return {};
}

namespace {

void finish_child_split(PageGuard& child) {
  if (!child) return;
  BTreePage c(child.page());
  c.set_flags(static_cast<uint16_t>(c.flags() & ~disk::kBtpIncompleteSplit));
  child.mark_dirty();
  child.release();
}

}  // namespace

void BTree::insert_on_page(PageGuard page, OffsetNumber offset, std::string_view item,
                           Stack& stack, PageGuard child) {
  std::string owned_item;
  for (;;) {
    if (BTreePage(page.page()).insert_item(offset, item)) {
      page.mark_dirty();
      finish_child_split(child);
      return;
    }
    SplitResult halves = split(page, offset, item);
    finish_child_split(child);
    if (BTreePage(page.page()).is_root()) {
      make_new_root(page, halves.right, halves.separator);
      return;
    }
    BlockNumber right_block = halves.right.block();
    halves.right.release();
    // The left half stays latched (INCOMPLETE_SPLIT) until its sibling's downlink is in.
    auto [parent, downlink] = find_parent(stack, page, halves.separator);
    owned_item.clear();
    BTreePage::append_internal_item(owned_item, right_block, halves.separator);
    item = owned_item;
    child = std::move(page);
    page = std::move(parent);
    offset = static_cast<OffsetNumber>(downlink + 1);
  }
}

namespace {

// Where to split a full page holding `items` (the new one included): left gets [0, k),
// right [k, n). An insert at the end of the rightmost page fills the left page to the
// fillfactor (ascending keys then leave pages 90 % full, as PostgreSQL); otherwise the halves
// are balanced by size. Returns 0 if no split point fits.
size_t choose_split_point(const std::vector<std::string_view>& items, bool leaf,
                          bool rightmost_append, size_t old_high_key_size) {
  size_t n = items.size();
  std::vector<size_t> prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + BTreePage::space_needed(items[i].size());
  const size_t usable = BTreePage::usable_space();
  size_t old_high = old_high_key_size == 0 ? 0 : BTreePage::space_needed(old_high_key_size);
  auto left_size = [&](size_t k) {
    size_t high_key = leaf ? BTreePage::space_needed(items[k].size())
                           : BTreePage::space_needed(BTreePage::separator(items[k]).size());
    return prefix[k] + high_key;
  };
  auto right_size = [&](size_t k) {
    if (leaf) return prefix[n] - prefix[k] + old_high;
    return BTreePage::space_needed(disk::kBtDownlinkSize) + prefix[n] - prefix[k + 1] + old_high;
  };
  size_t target = rightmost_append
                      ? usable * static_cast<size_t>(leaf ? disk::kBtLeafFillFactor
                                                          : disk::kBtInternalFillFactor) / 100
                      : 0;
  size_t best = 0;
  size_t best_score = SIZE_MAX;
  for (size_t k = 1; k < n; ++k) {
    size_t l = left_size(k), r = right_size(k);
    if (l > usable || r > usable) continue;
    size_t score = rightmost_append ? (l <= target ? target - l : SIZE_MAX / 2 + l - target)
                                    : (l > r ? l - r : r - l);
    if (score < best_score) {
      best_score = score;
      best = k;
    }
  }
  return best;
}

}  // namespace

BTree::SplitResult BTree::split(PageGuard& left, OffsetNumber offset, std::string_view item) {
  PageImage copy;
  std::memcpy(copy.bytes.data(), left.page().bytes().data(), disk::kPageSize);
  BTreePage old(copy.span());
  bool leaf = old.is_leaf();
  std::vector<std::string_view> items;
  items.reserve(old.max_offset() + 1);
  for (OffsetNumber off = old.first_data_offset(); off <= old.max_offset(); ++off) {
    if (off == offset) items.push_back(item);
    items.push_back(old.item(off));
  }
  if (offset > old.max_offset()) items.push_back(item);
  std::string_view old_high = old.has_high_key() ? old.high_key() : std::string_view();
  size_t k = choose_split_point(items, leaf, old.is_rightmost() && offset > old.max_offset(),
                                old_high.size());
  if (k == 0) throw corrupted(name_, "no split point fits in block " + std::to_string(left.block()));

  SplitResult result;
  result.separator = leaf ? std::string(truncated_separator(items[k - 1], items[k]))
                          : std::string(BTreePage::separator(items[k]));
  result.right = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
  BTreePage right(result.right.page());
  BTreePage::initialize(result.right.page().bytes(), old.level(), leaf ? disk::kBtpLeaf : 0);
  right.set_prev(left.block());
  right.set_next(old.next());
  if (old.has_high_key()) must_add(right, old_high);
  if (leaf) {
    for (size_t i = k; i < items.size(); ++i) must_add(right, items[i]);
  } else {
    std::string minus_infinity;
    BTreePage::append_internal_item(minus_infinity, BTreePage::child(items[k]), "");
    must_add(right, minus_infinity);
    for (size_t i = k + 1; i < items.size(); ++i) must_add(right, items[i]);
  }
  result.right.mark_dirty();

  if (old.next() != disk::kBtreeNoBlock) {
    PageGuard sibling = pool_.read_page(relfilenode_, old.next(), LatchMode::Exclusive);
    BTreePage(sibling.page()).set_prev(result.right.block());
    sibling.mark_dirty();
  }

  PageImage fresh;
  uint16_t flags = old.flags();
  if (!old.is_root()) flags |= disk::kBtpIncompleteSplit;
  BTreePage::initialize(fresh.span(), old.level(), flags);
  BTreePage rebuilt(fresh.span());
  rebuilt.set_prev(old.prev());
  rebuilt.set_next(result.right.block());
  must_add(rebuilt, result.separator);
  for (size_t i = 0; i < k; ++i) must_add(rebuilt, items[i]);
  std::memcpy(left.page().bytes().data(), fresh.bytes.data(), disk::kPageSize);
  left.mark_dirty();
  return result;
}

void BTree::make_new_root(PageGuard& left, PageGuard& right, std::string_view separator) {
  uint32_t level = BTreePage(left.page()).level() + 1;
  PageGuard root = pool_.new_page(relfilenode_, disk::kBtreeSpecialSize);
  BTreePage::initialize(root.page().bytes(), level, disk::kBtpRoot);
  BTreePage root_page(root.page());
  std::string downlink;
  BTreePage::append_internal_item(downlink, left.block(), "");
  must_add(root_page, downlink);
  downlink.clear();
  BTreePage::append_internal_item(downlink, right.block(), separator);
  must_add(root_page, downlink);
  root.mark_dirty();

  BTreePage left_page(left.page());
  left_page.set_flags(static_cast<uint16_t>(left_page.flags() & ~disk::kBtpRoot));
  left.mark_dirty();

  PageGuard meta_guard =
      pool_.read_page(relfilenode_, disk::kBtreeMetaBlock, LatchMode::Exclusive);
  BTreePage meta_page(meta_guard.page());
  BTreeMeta m = meta_page.meta();
  m.root = m.fastroot = root.block();
  m.level = m.fastlevel = level;
  meta_page.set_meta(m);
  meta_guard.mark_dirty();
  root_hint_.store(root.block(), std::memory_order_release);
}

std::pair<PageGuard, OffsetNumber> BTree::find_parent(Stack& stack, const PageGuard& child,
                                                      std::string_view separator) {
  uint32_t parent_level = BTreePage(child.page()).level() + 1;
  PageGuard parent;
  if (!stack.empty()) {
    BlockNumber block = stack.back();
    stack.pop_back();
    parent = pool_.read_page(relfilenode_, block, LatchMode::Exclusive);
    if (BTreePage(parent.page()).level() != parent_level) parent.release();
  }
  if (!parent) {
    // The tree grew above the level our descent started at (a concurrent root split): find
    // the parent level from the current root.
    stack.clear();
    parent = descend({separator, false}, false, LatchMode::Exclusive, parent_level, &stack);
    if (!parent) throw corrupted(name_, "no parent level for block " + std::to_string(child.block()));
  }
  for (;;) {
    BTreePage page(parent.page());
    for (OffsetNumber off = page.first_data_offset(); off <= page.max_offset(); ++off) {
      if (BTreePage::child(page.item(off)) == child.block()) return {std::move(parent), off};
    }
    if (page.is_rightmost()) {
      throw corrupted(name_, "no downlink to block " + std::to_string(child.block()));
    }
    BlockNumber next = page.next();
    parent = pool_.read_page(relfilenode_, next, LatchMode::Exclusive);
  }
}

}  // namespace chalkdb
