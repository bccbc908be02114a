#include "storage/index/btree.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

SqlError corrupted(const std::string& index, const std::string& what) {
  return SqlError(sqlstate::kIndexCorrupted, "index \"" + index + "\" is corrupted: " + what);
}

// "item comes before the target" in the sense of the descent mode.
bool before(std::string_view item, const BTreeTarget& target, bool strict) {
  int c = compare_with_target(item, target);
  return strict ? c < 0 : c <= 0;
}

// First data offset whose item is not before the target (binary search over leaf items, or
// internal items' separators).
OffsetNumber lower_bound(const BTreePage& page, const BTreeTarget& target, bool strict,
                         bool internal) {
  OffsetNumber lo = page.first_data_offset();
  OffsetNumber hi = static_cast<OffsetNumber>(page.max_offset() + 1);
  while (lo < hi) {
    auto mid = static_cast<OffsetNumber>(lo + (hi - lo) / 2);
    std::string_view item = page.item(mid);
    if (internal) item = BTreePage::separator(item);
    if (before(item, target, strict)) {
      lo = static_cast<OffsetNumber>(mid + 1);
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The downlink to follow on an internal page: the last one whose separator is before the
// target; the first downlink is minus infinity and always qualifies.
BlockNumber choose_child(const BTreePage& page, const BTreeTarget& target, bool strict) {
  OffsetNumber first = page.first_data_offset();
  OffsetNumber lo = static_cast<OffsetNumber>(first + 1);
  OffsetNumber hi = static_cast<OffsetNumber>(page.max_offset() + 1);
  while (lo < hi) {
    auto mid = static_cast<OffsetNumber>(lo + (hi - lo) / 2);
    if (before(BTreePage::separator(page.item(mid)), target, strict)) {
      lo = static_cast<OffsetNumber>(mid + 1);
    } else {
      hi = mid;
    }
  }
  return BTreePage::child(page.item(static_cast<OffsetNumber>(lo - 1)));
}

// The shortest prefix of `right` that still sorts above `left` (left < right): a separator
// between two neighbouring items (suffix truncation on bytes).
std::string_view truncated_separator(std::string_view left, std::string_view right) {
  size_t n = std::min(left.size(), right.size());
  size_t i = 0;
  while (i < n && left[i] == right[i]) ++i;
  return right.substr(0, std::min(i + 1, right.size()));
}

struct alignas(disk::kMaxAlign) PageImage {
  std::array<std::byte, disk::kPageSize> bytes;
  Page::Bytes span() { return Page::Bytes(bytes); }
};

}  // namespace

BTree::BTree(BufferPool& pool, WrittenRelations* written, Oid relfilenode,
             std::vector<IndexKeyColumn> columns, std::string name)
    : pool_(pool),
      written_(written),
      relfilenode_(relfilenode),
      codec_(std::move(columns)),
      name_(std::move(name)) {}

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
  }
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
    guard = move_right(std::move(guard), target, strict, guard.mode());
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

// ---- Insertion ----------------------------------------------------------------------------

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

void BTree::insert(std::span<const Value> key, TupleId tid, TransactionId xid) {
  IndexKey encoded = codec_.encode(key);
  insert_encoded(encoded, tid, xid);
}

void BTree::insert_encoded(std::string_view key, TupleId tid, TransactionId xid) {
  std::string item;
  item.reserve(key.size() + disk::kBtTidSize);
  BTreePage::append_leaf_item(item, key, tid);
  check_item_size(item.size(), tid);
  record_write(xid);
  Stack stack;
  PageGuard leaf = leaf_for_insert(item, stack);
  OffsetNumber offset = lower_bound(BTreePage(leaf.page()), {item, false}, false, false);
  insert_on_page(std::move(leaf), offset, item, stack, {});
}

UniqueInsertResult BTree::insert_unique(std::span<const Value> key, TupleId tid,
                                        TransactionId xid, const UniqueChecker& checker) {
  IndexKey encoded = codec_.encode(key);
  if (IndexKeyCodec::has_null(key)) {
    insert_encoded(encoded, tid, xid);
    return {};
  }
  std::string item;
  BTreePage::append_leaf_item(item, encoded, tid);
  check_item_size(item.size(), tid);
  record_write(xid);

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
      if (BTreePage::leaf_key(existing) != encoded) {
        past_key = true;
        break;
      }
      equal.push_back(BTreePage::leaf_tid(existing));
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

void must_add(BTreePage& page, std::string_view item) {
  if (!page.append_item(item)) {
    throw SqlError(sqlstate::kInternalError, "btree item does not fit the page being built");
  }
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

// ---- Scans --------------------------------------------------------------------------------

BTree::Cursor BTree::scan(const std::optional<ScanBound>& lower,
                          const std::optional<ScanBound>& upper, ScanDirection direction) const {
  IndexKey lower_key = lower ? codec_.encode(lower->prefix) : IndexKey();
  IndexKey upper_key = upper ? codec_.encode(upper->prefix) : IndexKey();
  // Lower: first entry >= (prefix) or > (prefix, +infinity). Upper: last entry < (prefix,
  // +infinity) when inclusive, < (prefix) when exclusive; no upper bound is (empty, +infinity).
  bool lower_plus_infinity = lower && !lower->inclusive;
  bool upper_plus_infinity = !upper || upper->inclusive;
  return Cursor(*this, std::move(lower_key), lower_plus_infinity, std::move(upper_key),
                upper_plus_infinity, direction);
}

BTree::Cursor::Cursor(const BTree& tree, IndexKey lower, bool lower_plus_infinity, IndexKey upper,
                      bool upper_plus_infinity, ScanDirection direction)
    : tree_(&tree),
      lower_(std::move(lower)),
      upper_(std::move(upper)),
      lower_plus_infinity_(lower_plus_infinity),
      upper_plus_infinity_(upper_plus_infinity),
      direction_(direction) {}

size_t BTree::Cursor::next_batch(std::vector<TupleId>& tids, std::vector<IndexKey>* keys,
                                 size_t max_entries) {
  tids.clear();
  if (keys != nullptr) keys->clear();
  while (tids.size() < max_entries) {
    if (pending_pos_ < pending_ends_.size()) {
      size_t start = pending_pos_ == 0 ? 0 : pending_ends_[pending_pos_ - 1];
      std::string_view item(pending_items_.data() + start, pending_ends_[pending_pos_] - start);
      tids.push_back(BTreePage::leaf_tid(item));
      if (keys != nullptr) keys->emplace_back(BTreePage::leaf_key(item));
      ++pending_pos_;
      continue;
    }
    if (finished_) break;
    if (!started_) {
      started_ = true;
      load_first_page();
    } else {
      load_next_page();
    }
  }
  return tids.size();
}

void BTree::Cursor::load_first_page() {
  bool forward = direction_ == ScanDirection::Forward;
  PageGuard guard = forward ? tree_->descend(lower_target(), false, LatchMode::Shared, 0, nullptr)
                            : tree_->descend(upper_target(), true, LatchMode::Shared, 0, nullptr);
  if (!guard) {
    finished_ = true;
    return;
  }
  collect(guard);
}

void BTree::Cursor::load_next_page() {
  if (sibling_ == disk::kBtreeNoBlock) {
    finished_ = true;
    return;
  }
  BufferPool& pool = tree_->pool_;
  PageGuard guard =
      pool.read_page(tree_->relfilenode_, sibling_, LatchMode::Shared);
  if (direction_ == ScanDirection::Backward) {
    // The left sibling may have split since we read its right neighbour: move right until the
    // page whose right link is where we came from.
    while (BTreePage(guard.page()).next() != current_) {
      BlockNumber next = BTreePage(guard.page()).next();
      if (next == disk::kBtreeNoBlock) {
        throw corrupted(tree_->name_, "left sibling chain does not lead back to block " +
                                          std::to_string(current_));
      }
      guard.release();
      guard = pool.read_page(tree_->relfilenode_, next,
                                                      LatchMode::Shared);
    }
  }
  collect(guard);
}

void BTree::Cursor::collect(const PageGuard& guard) {
  BTreePage page(guard.page());
  pending_items_.clear();
  pending_ends_.clear();
  pending_pos_ = 0;
  OffsetNumber first = page.first_data_offset();
  OffsetNumber lo = lower_bound(page, lower_target(), false, false);
  OffsetNumber hi = lower_bound(page, upper_target(), true, false);  // first entry not < upper
  auto take = [&](OffsetNumber off) {
    std::string_view item = page.item(off);
    pending_items_.append(item);
    pending_ends_.push_back(static_cast<uint32_t>(pending_items_.size()));
  };
  current_ = guard.block();
  if (direction_ == ScanDirection::Forward) {
    for (OffsetNumber off = lo; off < hi; ++off) take(off);
    bool beyond_upper = hi <= page.max_offset() ||
                        (page.has_high_key() && !before(page.high_key(), upper_target(), true));
    sibling_ = page.next();
    if (beyond_upper || page.is_rightmost()) finished_ = true;
  } else {
    for (OffsetNumber off = hi; off > lo; --off) take(static_cast<OffsetNumber>(off - 1));
    sibling_ = page.prev();
    if (lo > first || page.is_leftmost()) finished_ = true;
  }
}

std::vector<TupleId> BTree::find_equal(std::span<const Value> key) const {
  ScanBound bound{std::vector<Value>(key.begin(), key.end()), true};
  Cursor cursor = scan(bound, bound);
  std::vector<TupleId> result;
  std::vector<TupleId> batch;
  while (cursor.next_batch(batch, nullptr, 1024) > 0) {
    result.insert(result.end(), batch.begin(), batch.end());
  }
  return result;
}

// ---- Bulk build ---------------------------------------------------------------------------

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
    std::string item;
    item.reserve(entry.key.size() + disk::kBtTidSize);
    BTreePage::append_leaf_item(item, entry.key, entry.tid);
    check_item_size(item.size(), entry.tid);
    items.push_back(std::move(item));
    IndexKey().swap(entry.key);
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

// ---- Verification and statistics ----------------------------------------------------------

namespace {

// The key range a page must hold: [lower, upper), an empty optional being infinite.
struct KeyRange {
  std::optional<std::string> lower;
  std::optional<std::string> upper;
};

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out.push_back(digits[(static_cast<unsigned char>(c) >> 4) & 0xF]);
    out.push_back(digits[static_cast<unsigned char>(c) & 0xF]);
  }
  return out;
}

}  // namespace

std::vector<std::string> BTree::verify() const {
  std::vector<std::string> problems;
  auto problem = [&](BlockNumber block, const std::string& what) {
    problems.push_back("block " + std::to_string(block) + ": " + what);
  };
  BTreeMeta m;
  try {
    m = meta();
  } catch (const SqlError& e) {
    problems.push_back(e.message);
    return problems;
  }
  BlockNumber blocks = block_count();
  if (m.root == disk::kBtreeNoBlock) {
    if (blocks > 1) problems.push_back("index has " + std::to_string(blocks) + " blocks but no root");
    return problems;
  }
  if (m.root >= blocks) {
    problems.push_back("root block " + std::to_string(m.root) + " beyond the end of the index");
    return problems;
  }
  std::vector<bool> seen(blocks, false);
  seen[disk::kBtreeMetaBlock] = true;
  std::unordered_map<BlockNumber, KeyRange> expected{{m.root, KeyRange{}}};
  BlockNumber leftmost = m.root;
  for (int64_t level = m.level; level >= 0 && leftmost != disk::kBtreeNoBlock; --level) {
    std::unordered_map<BlockNumber, KeyRange> children;
    BlockNumber next_leftmost = disk::kBtreeNoBlock;
    BlockNumber prev = disk::kBtreeNoBlock;
    std::optional<KeyRange> inherited;  // range of a right half whose downlink is missing
    for (BlockNumber block = leftmost; block != disk::kBtreeNoBlock;) {
      if (block >= blocks || seen[block]) {
        problem(block, block >= blocks ? "sibling link beyond the end of the index"
                                       : "page reached twice (sibling link cycle)");
        break;
      }
      seen[block] = true;
      PageImage image;
      {
        PageGuard guard = pool_.read_page(relfilenode_, block, LatchMode::Shared);
        std::memcpy(image.bytes.data(), guard.page().bytes().data(), disk::kPageSize);
      }
      BTreePage page(image.span());
      bool leaf = level == 0;
      if (page.level() != level) problem(block, "level " + std::to_string(page.level()) + ", expected " + std::to_string(level));
      if (page.is_leaf() != leaf) problem(block, "leaf flag does not match its level");
      if (page.is_root() != (block == m.root)) problem(block, "root flag does not match the meta page");
      if (page.prev() != prev) {
        problem(block, "btpo_prev is " + std::to_string(page.prev()) + ", expected " + std::to_string(prev));
      }
      KeyRange range;
      auto it = expected.find(block);
      if (it != expected.end()) {
        range = it->second;
        expected.erase(it);
      } else if (inherited) {
        range = *inherited;
      } else {
        problem(block, "no downlink points to this page and its left sibling has no incomplete split");
      }
      inherited.reset();
      std::optional<std::string> high;
      if (page.has_high_key()) high = std::string(page.high_key());
      if (page.flags() & disk::kBtpIncompleteSplit) {
        if (!high) problem(block, "incomplete split on a rightmost page");
        inherited = KeyRange{high, range.upper};
      } else if (high != range.upper) {
        problem(block, "high key " + (high ? hex(*high) : std::string("+inf")) +
                           " differs from the parent's bound " +
                           (range.upper ? hex(*range.upper) : std::string("+inf")));
      }
      std::string_view previous;
      bool have_previous = false;
      for (OffsetNumber off = page.first_data_offset(); off <= page.max_offset(); ++off) {
        std::string_view item = page.item(off);
        std::string_view key = item;
        if (!leaf) {
          if (item.size() < disk::kBtDownlinkSize) {
            problem(block, "item " + std::to_string(off) + " too short for a downlink");
            continue;
          }
          key = BTreePage::separator(item);
          BlockNumber child = BTreePage::child(item);
          if (off == page.first_data_offset()) {
            if (!key.empty()) problem(block, "first downlink is not minus infinity");
            if (block == leftmost) next_leftmost = child;
          }
          std::optional<std::string> child_upper = range.upper;
          if (high) child_upper = high;
          if (off < page.max_offset()) child_upper = std::string(BTreePage::separator(page.item(off + 1)));
          std::optional<std::string> child_lower =
              off == page.first_data_offset() ? range.lower : std::optional<std::string>(std::string(key));
          if (!children.emplace(child, KeyRange{child_lower, child_upper}).second) {
            problem(block, "two downlinks to block " + std::to_string(child));
          }
          if (off == page.first_data_offset()) continue;
        } else if (item.size() <= disk::kBtTidSize) {
          problem(block, "item " + std::to_string(off) + " too short for a key and TID");
          continue;
        }
        if (have_previous && !(previous < key)) problem(block, "item " + std::to_string(off) + " out of order");
        if (range.lower && key < *range.lower) problem(block, "item " + std::to_string(off) + " below the page's lower bound");
        if (high && !(key < *high)) problem(block, "item " + std::to_string(off) + " not below the high key");
        previous = key;
        have_previous = true;
      }
      prev = block;
      block = page.next();
    }
    if (inherited) problems.push_back("incomplete split at the right end of level " + std::to_string(level));
    for (const auto& [block, range] : expected) {
      problem(block, "has a downlink but is not in its level's sibling chain");
    }
    expected = std::move(children);
    leftmost = next_leftmost;
  }
  for (const auto& [block, range] : expected) problem(block, "downlink from a leaf level");
  for (BlockNumber b = 1; b < blocks; ++b) {
    if (!seen[b]) problem(b, "not reachable from the root");
  }
  return problems;
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
