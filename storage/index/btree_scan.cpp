// BTree range scans in both directions and equality lookups (nbtsearch.c).
#include "storage/index/btree.h"

#include "storage/index/btree_search.h"

namespace chalkdb {

using namespace btree;

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
      BTreePage::LeafParts parts = tree_->leaf_parts(item);
      tids.push_back(parts.tid);
      if (keys != nullptr) keys->emplace_back(parts.key);
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
  // Entries >= (key) and < (key, +infinity); the key is encoded once for both bounds.
  IndexKey encoded = codec_.encode(key);
  Cursor cursor(*this, encoded, false, encoded, true, ScanDirection::Forward);
  std::vector<TupleId> result;
  std::vector<TupleId> batch;
  while (cursor.next_batch(batch, nullptr, 1024) > 0) {
    if (result.empty()) {
      result.swap(batch);
    } else {
      result.insert(result.end(), batch.begin(), batch.end());
    }
  }
  return result;
}

}  // namespace chalkdb
