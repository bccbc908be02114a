// BTree verification: amcheck's structural checks over every level of the tree, reported in
// amcheck's words (verify_nbtree.c) so the SQL functions can raise them as they are.
#include "storage/index/btree.h"

#include <fmt/format.h>

#include <cstring>
#include <mutex>
#include <unordered_map>

#include "storage/index/btree_search.h"

namespace chalkdb {

using namespace btree;

namespace {

// The key range a page must hold: [lower, upper), an empty optional being infinite, and the
// parent whose downlink gave it.
struct KeyRange {
  std::optional<std::string> lower;
  std::optional<std::string> upper;
  BlockNumber parent = disk::kBtreeNoBlock;
};

std::string lsn_text(uint64_t lsn) {
  return fmt::format("{:X}/{:X}", static_cast<uint32_t>(lsn >> 32), static_cast<uint32_t>(lsn));
}

// Walks the tree level by level from the root, left to right, comparing every page with the
// range its parent's downlinks give it.
class TreeVerifier {
 public:
  TreeVerifier(const BTree& tree, BufferPool& pool, Oid relfilenode)
      : tree_(tree), pool_(pool), relfilenode_(relfilenode) {}

  std::vector<BTreeProblem> run() {
    BTreeMeta m;
    try {
      m = tree_.meta();
    } catch (const SqlError& e) {
      add(e.message, "");
      return std::move(problems_);
    }
    blocks_ = tree_.block_count();
    root_ = m.root;
    if (m.root == disk::kBtreeNoBlock) {
      if (blocks_ > 1) add(fmt::format("index \"{}\" has {} blocks but no root", tree_.name(), blocks_), "");
      return std::move(problems_);
    }
    if (m.root >= blocks_) {
      add(fmt::format("root block {} of index \"{}\" is beyond the end of the index", m.root, tree_.name()), "");
      return std::move(problems_);
    }
    seen_.assign(blocks_, false);
    seen_[disk::kBtreeMetaBlock] = true;
    expected_ = {{m.root, KeyRange{}}};
    BlockNumber leftmost = m.root;
    for (int64_t level = m.level; level >= 0 && leftmost != disk::kBtreeNoBlock; --level) {
      leftmost = check_level(leftmost, static_cast<uint32_t>(level));
    }
    for (const auto& [block, range] : expected_) {
      add(fmt::format("downlink from leaf block {} in index \"{}\"", range.parent, tree_.name()),
          fmt::format("Child block={}.", block));
    }
    for (BlockNumber b = 1; b < blocks_; ++b) {
      if (!seen_[b]) {
        add(fmt::format("block {} of index \"{}\" is not reachable from the root", b, tree_.name()), "");
      }
    }
    return std::move(problems_);
  }

 private:
  struct alignas(disk::kMaxAlign) PageCopy {
    std::array<std::byte, disk::kPageSize> bytes;
    BTreePage view() { return BTreePage(Page::Bytes(bytes)); }
  };

  void add(std::string message, std::string detail) {
    problems_.push_back({std::move(message), std::move(detail)});
  }

  // Checks one level; returns the leftmost block of the level below.
  BlockNumber check_level(BlockNumber leftmost, uint32_t level) {
    children_.clear();
    next_leftmost_ = disk::kBtreeNoBlock;
    BlockNumber prev = disk::kBtreeNoBlock;
    std::optional<KeyRange> inherited;  // range of a right half whose downlink is missing
    for (BlockNumber block = leftmost; block != disk::kBtreeNoBlock;) {
      if (block >= blocks_ || seen_[block]) {
        add(fmt::format("{} in index \"{}\"",
                        block >= blocks_ ? "right link points beyond the end of the relation"
                                         : "circular link chain found",
                        tree_.name()),
            fmt::format("Block={} left block={}.", block, prev));
        break;
      }
      seen_[block] = true;
      PageCopy copy;
      {
        PageGuard guard = pool_.read_page(relfilenode_, block, LatchMode::Shared);
        std::memcpy(copy.bytes.data(), guard.page().bytes().data(), disk::kPageSize);
      }
      BTreePage page = copy.view();
      check_header(page, block, level, prev, block == leftmost);
      KeyRange range = range_of(page, block, level, inherited);
      inherited.reset();
      if (page.flags() & disk::kBtpIncompleteSplit) {
        if (!page.has_high_key()) {
          add(fmt::format("incomplete split on the rightmost block {} of index \"{}\"", block,
                          tree_.name()),
              "");
        }
        inherited = KeyRange{page.has_high_key() ? std::optional<std::string>(page.high_key())
                                                 : std::nullopt,
                             range.upper, range.parent};
      } else {
        check_high_key_bound(page, block, range);
      }
      check_items(page, block, range, block == leftmost);
      prev = block;
      block = page.next();
    }
    if (inherited) {
      add(fmt::format("incomplete split at the right end of level {} in index \"{}\"", level,
                      tree_.name()),
          "");
    }
    for (const auto& [block, range] : expected_) {
      add(fmt::format("downlink to block {} in index \"{}\" leads outside its level's sibling chain",
                      block, tree_.name()),
          fmt::format("Parent block={}.", range.parent));
    }
    expected_ = std::move(children_);
    children_ = {};
    return next_leftmost_;
  }

  void check_header(const BTreePage& page, BlockNumber block, uint32_t level, BlockNumber prev,
                    bool leftmost) {
    if (page.level() != level) {
      add(fmt::format("{} in index \"{}\" whose level is not one level down",
                      leftmost ? "leftmost down link for level points to block"
                               : "down link points to block",
                      tree_.name()),
          fmt::format("Block pointed to={} expected level={} level in pointed to block={}.",
                      block, level, page.level()));
    }
    if (page.is_leaf() != (level == 0)) {
      add(fmt::format("block {} of index \"{}\" has a leaf flag that does not match its level {}",
                      block, tree_.name(), level),
          "");
    }
    if (page.is_root() != (block == root_)) {
      add(page.is_root() ? fmt::format("block {} is not true root in index \"{}\"", block, tree_.name())
                         : fmt::format("root block {} of index \"{}\" lacks the root flag", block,
                                       tree_.name()),
          "");
    }
    if (page.prev() != prev) {
      add(fmt::format("left link/right link pair in index \"{}\" not in agreement", tree_.name()),
          fmt::format("Block={} left block={} left link from block={}.", block, prev, page.prev()));
    }
  }

  KeyRange range_of(const BTreePage& page, BlockNumber block, uint32_t level,
                    const std::optional<KeyRange>& inherited) {
    auto it = expected_.find(block);
    if (it != expected_.end()) {
      KeyRange range = it->second;
      expected_.erase(it);
      return range;
    }
    if (inherited) return *inherited;
    add(fmt::format("{} index block lacks downlink in index \"{}\"", level == 0 ? "leaf" : "internal",
                    tree_.name()),
        fmt::format("Block={} level={} page lsn={}.", block, level, lsn_text(page.page().lsn())));
    return {};
  }

  void check_high_key_bound(const BTreePage& page, BlockNumber block, const KeyRange& range) {
    std::optional<std::string> high;
    if (page.has_high_key()) high = std::string(page.high_key());
    if (high == range.upper) return;
    add(fmt::format("mismatch between parent key and child high key in index \"{}\"", tree_.name()),
        fmt::format("Target block={} child block={} target page lsn={}.", range.parent, block,
                    lsn_text(page.page().lsn())));
  }

  // "(block,offset) (points to heap tid=(b,o))" or "... (points to index tid=(child,1))".
  std::string describe(const BTreePage& page, BlockNumber block, OffsetNumber off) {
    std::string_view item = page.item(off);
    std::string target;
    if (page.is_leaf()) {
      try {
        target = "heap tid=" + tree_.leaf_parts(item).tid.to_string();
      } catch (const SqlError&) {
        target = "heap tid=(invalid)";
      }
    } else {
      target = fmt::format("index tid=({},{})", BTreePage::child(item), disk::kBtHighKeyOffset);
    }
    return fmt::format("tid=({},{}) (points to {})", block, off, target);
  }

  bool item_is_valid(const BTreePage& page, BlockNumber block, OffsetNumber off) {
    std::string_view item = page.item(off);
    bool valid = page.is_leaf() ? item.size() > disk::kBtTidSize : item.size() >= disk::kBtDownlinkSize;
    if (valid && page.is_leaf()) {
      try {
        BTreePage::LeafParts parts = tree_.leaf_parts(item);
        tree_.include_codec().decode(parts.include);
      } catch (const SqlError&) {
        valid = false;
      }
    }
    if (!valid) {
      LinePointer lp = page.page().line_pointer(off);
      add(fmt::format("invalid line pointer storage in index \"{}\"", tree_.name()),
          fmt::format("Index tid=({},{}) lp_off={}, lp_len={} lp_flags={}.", block, off, lp.offset,
                      lp.length, lp.flags));
    }
    return valid;
  }

  void check_items(const BTreePage& page, BlockNumber block, const KeyRange& range, bool leftmost) {
    const bool leaf = page.is_leaf();
    std::optional<std::string> high;
    if (page.has_high_key()) high = std::string(page.high_key());
    std::string lsn = lsn_text(page.page().lsn());
    std::string_view previous;
    OffsetNumber previous_off = 0;
    for (OffsetNumber off = page.first_data_offset(); off <= page.max_offset(); ++off) {
      if (!item_is_valid(page, block, off)) continue;
      std::string_view item = page.item(off);
      std::string_view key = item;
      if (!leaf) {
        key = BTreePage::separator(item);
        note_downlink(page, block, off, range, high, leftmost);
        if (off == page.first_data_offset()) continue;
      }
      if (previous_off != 0 && !(previous < key)) {
        add(fmt::format("item order invariant violated for index \"{}\"", tree_.name()),
            fmt::format("Lower index {} higher index {} page lsn={}.",
                        describe(page, block, previous_off), describe(page, block, off), lsn));
      }
      if (range.lower && key < *range.lower) {
        add(fmt::format("down-link lower bound invariant violated for index \"{}\"", tree_.name()),
            fmt::format("Parent block={} child index tid=({},{}) parent page lsn={}.", range.parent,
                        block, off, lsn));
      }
      if (high && !(key < *high)) {
        add(fmt::format("high key invariant violated for index \"{}\"", tree_.name()),
            fmt::format("Index {} page lsn={}.", describe(page, block, off), lsn));
      }
      previous = key;
      previous_off = off;
    }
  }

  // Records the key range the child of downlink `off` must hold.
  void note_downlink(const BTreePage& page, BlockNumber block, OffsetNumber off,
                     const KeyRange& range, const std::optional<std::string>& high, bool leftmost) {
    std::string_view item = page.item(off);
    BlockNumber child = BTreePage::child(item);
    bool first = off == page.first_data_offset();
    if (first) {
      if (!BTreePage::separator(item).empty()) {
        add(fmt::format("first downlink of block {} in index \"{}\" is not minus infinity", block,
                        tree_.name()),
            "");
      }
      if (leftmost) next_leftmost_ = child;
    }
    KeyRange child_range;
    child_range.parent = block;
    child_range.upper = high ? high : range.upper;
    if (off < page.max_offset()) {
      child_range.upper = std::string(BTreePage::separator(page.item(static_cast<OffsetNumber>(off + 1))));
    }
    child_range.lower = first ? range.lower : std::optional<std::string>(BTreePage::separator(item));
    if (!children_.emplace(child, child_range).second) {
      add(fmt::format("block {} of index \"{}\" has two downlinks", child, tree_.name()),
          fmt::format("Parent block={}.", block));
    }
  }

  const BTree& tree_;
  BufferPool& pool_;
  Oid relfilenode_;
  BlockNumber blocks_ = 0;
  BlockNumber root_ = disk::kBtreeNoBlock;
  std::vector<bool> seen_;
  std::unordered_map<BlockNumber, KeyRange> expected_;  // this level's pages, from downlinks
  std::unordered_map<BlockNumber, KeyRange> children_;  // the next level's
  BlockNumber next_leftmost_ = disk::kBtreeNoBlock;
  std::vector<BTreeProblem> problems_;
};

}  // namespace

std::vector<BTreeProblem> BTree::verify(bool root_descend) const {
  std::unique_lock structure(structure_lock_);
  std::vector<BTreeProblem> problems = TreeVerifier(*this, pool_, relfilenode_).run();
  if (problems.empty() && root_descend) {
    // Items are copied a page at a time, so no latch is held while searching from the root.
    std::vector<std::pair<TupleId, std::string>> items;
    visit_leaf_items([&](TupleId location, std::string_view item) {
      items.emplace_back(location, std::string(item));
    });
    for (const auto& [index_tid, item] : items) {
      if (contains_item(item)) continue;
      problems.push_back(
          {"could not find tuple using search from root page in index \"" + name_ + "\"",
           fmt::format("Index tid={} points to heap tid={}.", index_tid.to_string(),
                       leaf_parts(item).tid.to_string())});
      break;
    }
  }
  return problems;
}

bool BTree::contains_item(std::string_view item) const {
  BTreeTarget target{item, false};
  PageGuard leaf = descend(target, false, LatchMode::Shared, 0, nullptr);
  if (!leaf) return false;
  BTreePage page(leaf.page());
  // Not strict: the first item after every item <= target, so the item itself is just before.
  OffsetNumber after = lower_bound(page, target, false, false);
  return after > page.first_data_offset() && page.item(static_cast<OffsetNumber>(after - 1)) == item;
}

void BTree::for_each_leaf_item(const LeafItemVisitor& visit) const {
  std::unique_lock structure(structure_lock_);
  visit_leaf_items(visit);
}

void BTree::visit_leaf_items(const LeafItemVisitor& visit) const {
  PageGuard guard = descend({"", false}, false, LatchMode::Shared, 0, nullptr);
  while (guard) {
    BTreePage page(guard.page());
    for (OffsetNumber off = page.first_data_offset(); off <= page.max_offset(); ++off) {
      visit(TupleId{guard.block(), off}, page.item(off));
    }
    BlockNumber next = page.next();
    guard.release();
    if (next == disk::kBtreeNoBlock) break;
    guard = pool_.read_page(relfilenode_, next, LatchMode::Shared);
  }
}

}  // namespace chalkdb
