#include "storage/index/btree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <tuple>

#include "sql/error/sql_error.h"
#include "storage/file/posix_file_system.h"
#include "storage/index/btree_inspector.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

constexpr Oid kIndex = 16500;

TupleId tid_for(int64_t n) {
  return TupleId{static_cast<BlockNumber>(n / 100), static_cast<OffsetNumber>(n % 100 + 1)};
}

std::vector<Value> int_key(int64_t v) { return {Value::int8(v)}; }

class BTreeTest : public ::testing::Test {
 protected:
  BTreeTest() {
    std::filesystem::create_directories(dir_.path() / "base");
    files_.create(kIndex);
  }

  std::unique_ptr<BTree> make_tree(std::vector<IndexKeyColumn> columns = {
                                       IndexKeyColumn::ordered(DataType{TypeId::Int8, -1})}) {
    return std::make_unique<BTree>(*pool_, &written_, kIndex, std::move(columns), "t_idx");
  }
  std::unique_ptr<BTree> new_tree(std::vector<IndexKeyColumn> columns = {
                                      IndexKeyColumn::ordered(DataType{TypeId::Int8, -1})}) {
    auto tree = make_tree(std::move(columns));
    tree->create();
    return tree;
  }

  static std::vector<TupleId> all(BTree::Cursor cursor) {
    std::vector<TupleId> result, batch;
    while (cursor.next_batch(batch, nullptr, 100) > 0) result.insert(result.end(), batch.begin(), batch.end());
    return result;
  }

  static void expect_sound(const BTree& tree) {
    std::vector<BTreeProblem> problems = tree.verify();
    EXPECT_TRUE(problems.empty()) << problems.front().message;
  }

  void reopen_pool(size_t frames) {
    pool_->flush_all();
    pool_ = std::make_unique<BufferPool>(files_, frames);
  }

  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  RelationFiles files_{fs_, dir_.path()};
  std::unique_ptr<BufferPool> pool_ = std::make_unique<BufferPool>(files_, 256);
  WrittenRelations written_;
};

TEST_F(BTreeTest, EmptyTreeHasOnlyAMetaPage) {
  auto tree = new_tree();
  BTreeMeta m = tree->meta();
  EXPECT_EQ(m.magic, 0x053162u);
  EXPECT_EQ(m.version, 4u);
  EXPECT_EQ(m.root, 0u);
  EXPECT_EQ(tree->block_count(), 1u);
  EXPECT_TRUE(tree->find_equal(int_key(1)).empty());
  EXPECT_TRUE(all(tree->scan(std::nullopt, std::nullopt, ScanDirection::Backward)).empty());
  expect_sound(*tree);
}

TEST_F(BTreeTest, InsertAndFind) {
  auto tree = new_tree();
  tree->insert(int_key(5), tid_for(5), 10);
  tree->insert(int_key(3), tid_for(3), 10);
  tree->insert(int_key(5), tid_for(6), 10);
  EXPECT_EQ(tree->find_equal(int_key(5)), (std::vector<TupleId>{tid_for(5), tid_for(6)}));
  EXPECT_EQ(tree->find_equal(int_key(3)), std::vector<TupleId>{tid_for(3)});
  EXPECT_TRUE(tree->find_equal(int_key(4)).empty());
  EXPECT_EQ(written_.take(10), std::vector<Oid>{kIndex});
  expect_sound(*tree);
}

TEST_F(BTreeTest, SequentialInsertsSplitAndStayOrdered) {
  auto tree = new_tree();
  constexpr int kCount = 200'000;
  for (int i = 0; i < kCount; ++i) tree->insert(int_key(i), tid_for(i), 10);
  expect_sound(*tree);
  BTreeStats s = tree->stats();
  EXPECT_EQ(s.entries, static_cast<uint64_t>(kCount));
  EXPECT_GE(s.height, 2u);
  // Rightmost splits leave leaves ~90 % full, as PostgreSQL's: 200k 16-byte items need ~530.
  EXPECT_LT(s.leaf_pages, 620u);
  std::vector<TupleId> tids = all(tree->scan(std::nullopt, std::nullopt));
  ASSERT_EQ(tids.size(), static_cast<size_t>(kCount));
  for (int i = 0; i < kCount; ++i) ASSERT_EQ(tids[i], tid_for(i));
  for (int i = 0; i < kCount; i += 997) EXPECT_EQ(tree->find_equal(int_key(i)), std::vector<TupleId>{tid_for(i)});
}

TEST_F(BTreeTest, RandomInsertsWithDuplicates) {
  auto tree = new_tree();
  std::mt19937_64 rng(1);
  std::multimap<int64_t, TupleId> expected;
  for (int i = 0; i < 200'000; ++i) {
    int64_t key = static_cast<int64_t>(rng() % 50'000) - 25'000;
    tree->insert(int_key(key), tid_for(i), 10);
    expected.emplace(key, tid_for(i));
  }
  expect_sound(*tree);
  for (int64_t key = -25'000; key < 25'000; key += 331) {
    std::vector<TupleId> want;
    auto [lo, hi] = expected.equal_range(key);
    for (auto it = lo; it != hi; ++it) want.push_back(it->second);
    std::sort(want.begin(), want.end());
    EXPECT_EQ(tree->find_equal(int_key(key)), want) << key;
  }
}

TEST_F(BTreeTest, RangeScansForwardAndBackward) {
  auto tree = new_tree();
  std::vector<int> order(20'000);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937(3));
  for (int i : order) tree->insert(int_key(i / 2), tid_for(i), 10);  // every key twice

  auto range = [&](std::optional<int64_t> lo, bool lo_incl, std::optional<int64_t> hi, bool hi_incl,
                   ScanDirection dir) {
    std::optional<ScanBound> lower, upper;
    if (lo) lower = ScanBound{int_key(*lo), lo_incl};
    if (hi) upper = ScanBound{int_key(*hi), hi_incl};
    return all(tree->scan(lower, upper, dir));
  };
  auto expected = [&](int64_t first_key, int64_t last_key, ScanDirection dir) {
    std::vector<TupleId> want;
    for (int64_t k = first_key; k <= last_key; ++k) {
      want.push_back(tid_for(2 * k));
      want.push_back(tid_for(2 * k + 1));
    }
    if (dir == ScanDirection::Backward) std::reverse(want.begin(), want.end());
    return want;
  };
  for (ScanDirection dir : {ScanDirection::Forward, ScanDirection::Backward}) {
    EXPECT_EQ(range(100, true, 200, true, dir), expected(100, 200, dir));
    EXPECT_EQ(range(100, false, 200, false, dir), expected(101, 199, dir));
    EXPECT_EQ(range(std::nullopt, true, 50, false, dir), expected(0, 49, dir));
    EXPECT_EQ(range(9'990, false, std::nullopt, true, dir), expected(9'991, 9'999, dir));
    EXPECT_EQ(range(std::nullopt, true, std::nullopt, true, dir), expected(0, 9'999, dir));
    EXPECT_EQ(range(-10, true, -1, true, dir), expected(0, -1, dir));
    EXPECT_EQ(range(500, true, 400, true, dir), expected(0, -1, dir));
  }
  // Keys come back with the TIDs.
  BTree::Cursor cursor = tree->scan(ScanBound{int_key(7), true}, ScanBound{int_key(7), true});
  std::vector<TupleId> tids;
  std::vector<IndexKey> keys;
  ASSERT_EQ(cursor.next_batch(tids, &keys, 10), 2u);
  EXPECT_EQ(tree->codec().decode(keys[0])[0].as_int(), 7);
}

TEST_F(BTreeTest, CompositeKeysWithNullsAndDescendingColumns) {
  auto tree = new_tree({IndexKeyColumn::ordered(DataType{TypeId::Text, -1}),
                        IndexKeyColumn::ordered(DataType{TypeId::Int4, -1}, true)});
  int n = 0;
  for (const char* name : {"b", "a", "c"}) {
    for (int v : {1, 3, 2}) tree->insert(std::vector<Value>{Value::text(name), Value::int4(v)}, tid_for(n++), 10);
    tree->insert(std::vector<Value>{Value::text(name), Value::null(TypeId::Int4)}, tid_for(n++), 10);
  }
  tree->insert(std::vector<Value>{Value::null(TypeId::Text), Value::int4(1)}, tid_for(n++), 10);
  std::vector<std::string> seen;
  BTree::Cursor cursor = tree->scan(std::nullopt, std::nullopt);
  std::vector<TupleId> tids;
  std::vector<IndexKey> keys;
  while (cursor.next_batch(tids, &keys, 4) > 0) {
    for (const IndexKey& key : keys) {
      std::vector<Value> row = tree->codec().decode(key);
      seen.push_back((row[0].is_null() ? "null" : row[0].as_text()) + ":" +
                     (row[1].is_null() ? "null" : std::to_string(row[1].as_int())));
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a:null", "a:3", "a:2", "a:1", "b:null", "b:3", "b:2",
                                            "b:1", "c:null", "c:3", "c:2", "c:1", "null:1"}));
  // A prefix bound on the first column.
  std::vector<Value> b = {Value::text("b")};
  EXPECT_EQ(all(tree->scan(ScanBound{b, true}, ScanBound{b, true})).size(), 4u);
  EXPECT_EQ(all(tree->scan(ScanBound{b, false}, std::nullopt)).size(), 5u);
}

TEST_F(BTreeTest, BulkBuildEqualsIncrementalInserts) {
  std::mt19937_64 rng(9);
  std::vector<BTreeEntry> entries;
  auto incremental = new_tree();
  for (int i = 0; i < 100'000; ++i) {
    int64_t key = static_cast<int64_t>(rng() % 30'000);
    incremental->insert(int_key(key), tid_for(i), 10);
    entries.push_back({incremental->codec().encode(int_key(key)), tid_for(i), {}});
  }
  std::vector<TupleId> want = all(incremental->scan(std::nullopt, std::nullopt));

  files_.create(kIndex + 1);
  BTree built(*pool_, nullptr, kIndex + 1, {IndexKeyColumn::ordered(DataType{TypeId::Int8, -1})});
  built.create();
  built.bulk_build(std::move(entries));
  expect_sound(built);
  EXPECT_EQ(all(built.scan(std::nullopt, std::nullopt)), want);
  BTreeStats s = built.stats();
  EXPECT_EQ(s.entries, 100'000u);
  // Leaves 90 % full: 100k 16-byte entries (20 bytes with their line pointer) need ~273 pages.
  EXPECT_LE(s.leaf_pages, 280u);
  for (int64_t key = 0; key < 30'000; key += 101) {
    EXPECT_EQ(built.find_equal(int_key(key)), incremental->find_equal(int_key(key)));
  }
  // A bulk-built tree takes further inserts.
  for (int i = 0; i < 20'000; ++i) built.insert(int_key(i % 777), tid_for(200'000 + i), 11);
  expect_sound(built);
  EXPECT_EQ(built.stats().entries, 120'000u);
}

TEST_F(BTreeTest, BulkBuildOfNothingAndOfOnePage) {
  auto empty = new_tree();
  empty->bulk_build({});
  EXPECT_EQ(empty->meta().root, 0u);
  expect_sound(*empty);
  files_.create(kIndex + 1);
  BTree small(*pool_, nullptr, kIndex + 1, {IndexKeyColumn::ordered(DataType{TypeId::Int8, -1})});
  small.create();
  small.bulk_build({{small.codec().encode(int_key(1)), tid_for(1), {}}});
  EXPECT_EQ(small.meta().level, 0u);
  EXPECT_EQ(small.find_equal(int_key(1)), std::vector<TupleId>{tid_for(1)});
  expect_sound(small);
}

TEST_F(BTreeTest, UniqueCheckerSeesEqualKeysAndDecides) {
  auto tree = new_tree();
  auto insert_ok = [](std::span<const TupleId>) { return UniqueVerdict::insert(); };
  EXPECT_EQ(tree->insert_unique(int_key(1), tid_for(1), 10, insert_ok).status,
            UniqueInsertResult::Status::Inserted);
  std::vector<TupleId> offered;
  auto conflict = [&](std::span<const TupleId> tids) {
    offered.assign(tids.begin(), tids.end());
    return UniqueVerdict::conflict(tids[0]);
  };
  UniqueInsertResult r = tree->insert_unique(int_key(1), tid_for(2), 10, conflict);
  EXPECT_EQ(r.status, UniqueInsertResult::Status::Conflict);
  EXPECT_EQ(r.conflicting_tid, tid_for(1));
  EXPECT_EQ(offered, std::vector<TupleId>{tid_for(1)});
  EXPECT_EQ(tree->find_equal(int_key(1)).size(), 1u);

  auto wait = [](std::span<const TupleId>) { return UniqueVerdict::wait_for(77); };
  r = tree->insert_unique(int_key(1), tid_for(3), 10, wait);
  EXPECT_EQ(r.status, UniqueInsertResult::Status::MustWait);
  EXPECT_EQ(r.wait_xid, 77u);
  EXPECT_EQ(tree->find_equal(int_key(1)).size(), 1u);

  // The existing entry is dead: the checker lets the insert through.
  EXPECT_EQ(tree->insert_unique(int_key(1), tid_for(4), 10, insert_ok).status,
            UniqueInsertResult::Status::Inserted);
  EXPECT_EQ(tree->find_equal(int_key(1)), (std::vector<TupleId>{tid_for(1), tid_for(4)}));

  // NULLs never conflict, and the checker is not asked.
  auto never = [](std::span<const TupleId>) -> UniqueVerdict { ADD_FAILURE(); return UniqueVerdict::conflict(); };
  std::vector<Value> null_key = {Value::null(TypeId::Int8)};
  EXPECT_EQ(tree->insert_unique(null_key, tid_for(5), 10, never).status, UniqueInsertResult::Status::Inserted);
  EXPECT_EQ(tree->insert_unique(null_key, tid_for(6), 10, never).status, UniqueInsertResult::Status::Inserted);
  EXPECT_EQ(tree->insert_unique(int_key(2), tid_for(7), 10, never).status, UniqueInsertResult::Status::Inserted);
}

TEST_F(BTreeTest, UniqueCheckFindsDuplicatesSpanningPages) {
  auto tree = new_tree({IndexKeyColumn::ordered(DataType{TypeId::Text, -1})});
  std::string wide(500, 'k');
  std::vector<Value> key = {Value::text(wide)};
  for (int i = 0; i < 100; ++i) tree->insert(key, tid_for(i), 10);  // ~7 leaves of one key
  for (int i = 0; i < 50; ++i) tree->insert(std::vector<Value>{Value::text(wide + "z")}, tid_for(1000 + i), 10);
  size_t offered = 0;
  auto count = [&](std::span<const TupleId> tids) {
    offered = tids.size();
    return UniqueVerdict::insert();
  };
  EXPECT_EQ(tree->insert_unique(key, tid_for(5000), 10, count).status, UniqueInsertResult::Status::Inserted);
  EXPECT_EQ(offered, 100u);
  EXPECT_EQ(tree->find_equal(key).size(), 101u);
  expect_sound(*tree);
}

// An index with INCLUDE (text, int4) columns: leaf items carry them after the TID, pivots
// (high keys and downlinks) never do, and the order is the key's and the TID's only.
class BTreeIncludeTest : public BTreeTest {
 protected:
  std::unique_ptr<BTree> include_tree(Oid relfilenode = kIndex) {
    if (relfilenode != kIndex) files_.create(relfilenode);
    auto tree = std::make_unique<BTree>(
        *pool_, &written_, relfilenode,
        std::vector<IndexKeyColumn>{IndexKeyColumn::ordered(DataType{TypeId::Int4, -1})}, "inc_idx",
        std::vector<DataType>{DataType{TypeId::Text, -1}, DataType{TypeId::Int4, -1}});
    tree->create();
    return tree;
  }
  static std::vector<Value> include_of(int i) {
    if (i % 7 == 0) return {Value::null(TypeId::Text), Value::int4(i)};
    return {Value::text("note " + std::to_string(i)), Value::int4(-i)};
  }
  // Every leaf item of the tree as (key value, TID, INCLUDE values), in index order.
  std::vector<std::tuple<int64_t, TupleId, std::vector<Value>>> leaf_contents(const BTree& tree) {
    std::vector<std::tuple<int64_t, TupleId, std::vector<Value>>> out;
    tree.for_each_leaf_item([&](TupleId, std::string_view item) {
      BTreePage::LeafParts parts = tree.leaf_parts(item);
      out.emplace_back(tree.codec().decode(parts.key).at(0).as_int(), parts.tid,
                       tree.include_codec().decode(parts.include));
    });
    return out;
  }
};

TEST_F(BTreeIncludeTest, IncludeColumnsLiveInLeafItemsOnly) {
  auto tree = include_tree();
  std::vector<int> keys(4000);
  std::iota(keys.begin(), keys.end(), 0);
  std::shuffle(keys.begin(), keys.end(), std::mt19937(7));
  for (int k : keys) tree->insert(std::vector<Value>{Value::int4(k / 2)}, tid_for(k), 10, include_of(k));
  expect_sound(*tree);
  EXPECT_TRUE(tree->verify(true).empty());
  ASSERT_GT(tree->stats().height, 1u);

  auto contents = leaf_contents(*tree);
  ASSERT_EQ(contents.size(), keys.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    const auto& [key, tid, include] = contents[i];
    int k = static_cast<int>(i);  // keys k/2 in order, then TIDs: entry i is row k = i
    EXPECT_EQ(key, k / 2);
    EXPECT_EQ(tid, tid_for(k));
    std::vector<Value> want = include_of(k);
    ASSERT_EQ(include.size(), 2u);
    EXPECT_EQ(include[0].is_null(), want[0].is_null());
    if (!want[0].is_null()) {
      EXPECT_EQ(include[0].as_text(), want[0].as_text());
    }
    EXPECT_EQ(include[1].as_int(), want[1].as_int());
  }
  // Pivots hold key bytes only (a 5-byte int4 key and at most the TID after it).
  for (BlockNumber b = 1; b < tree->block_count(); ++b) {
    PageGuard guard = pool_->read_page(kIndex, b, LatchMode::Shared);
    BTreePage page(guard.page());
    if (page.has_high_key()) {
      EXPECT_LE(page.high_key().size(), 9u + disk::kBtTidSize);
    }
    if (page.is_leaf()) continue;
    for (OffsetNumber off = page.first_data_offset(); off <= page.max_offset(); ++off) {
      EXPECT_LE(BTreePage::separator(page.item(off)).size(), 9u + disk::kBtTidSize);
    }
  }
  // Scans both ways return the TIDs in (key, TID) order.
  std::vector<TupleId> forward = all(tree->scan(std::nullopt, std::nullopt));
  std::vector<TupleId> backward = all(tree->scan(std::nullopt, std::nullopt, ScanDirection::Backward));
  ASSERT_EQ(forward.size(), keys.size());
  std::reverse(backward.begin(), backward.end());
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward[101], tid_for(101));
  ScanBound low{{Value::int4(100)}, true}, high{{Value::int4(101)}, true};
  EXPECT_EQ(all(tree->scan(low, high, ScanDirection::Backward)),
            (std::vector<TupleId>{tid_for(203), tid_for(202), tid_for(201), tid_for(200)}));
  EXPECT_EQ(tree->find_equal(std::vector<Value>{Value::int4(5)}),
            (std::vector<TupleId>{tid_for(10), tid_for(11)}));

  // A bulk build of the same entries gives the same leaf contents.
  std::vector<BTreeEntry> entries;
  for (int k : keys) {
    BTreeEntry entry{tree->codec().encode(std::vector<Value>{Value::int4(k / 2)}), tid_for(k), {}};
    tree->include_codec().encode(include_of(k), entry.include);
    entries.push_back(std::move(entry));
  }
  auto built = include_tree(kIndex + 1);
  built->bulk_build(std::move(entries));
  expect_sound(*built);
  auto built_contents = leaf_contents(*built);
  ASSERT_EQ(built_contents.size(), contents.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    EXPECT_EQ(std::get<0>(built_contents[i]), std::get<0>(contents[i]));
    EXPECT_EQ(std::get<1>(built_contents[i]), std::get<1>(contents[i]));
  }
}

TEST_F(BTreeIncludeTest, UniquenessIgnoresIncludeColumns) {
  auto tree = include_tree();
  auto insert_ok = [](std::span<const TupleId>) { return UniqueVerdict::insert(); };
  std::vector<TupleId> offered;
  auto conflict = [&](std::span<const TupleId> tids) {
    offered.assign(tids.begin(), tids.end());
    return UniqueVerdict::conflict(tids[0]);
  };
  std::vector<Value> key = {Value::int4(1)};
  EXPECT_EQ(tree->insert_unique(key, tid_for(1), 10, insert_ok, include_of(1)).status,
            UniqueInsertResult::Status::Inserted);
  // Same key, other INCLUDE values: still a duplicate.
  UniqueInsertResult r = tree->insert_unique(key, tid_for(2), 10, conflict, include_of(2));
  EXPECT_EQ(r.status, UniqueInsertResult::Status::Conflict);
  EXPECT_EQ(offered, std::vector<TupleId>{tid_for(1)});
  // Same INCLUDE values, other key: no conflict, the checker is not asked.
  auto never = [](std::span<const TupleId>) -> UniqueVerdict { ADD_FAILURE(); return UniqueVerdict::conflict(); };
  EXPECT_EQ(tree->insert_unique(std::vector<Value>{Value::int4(2)}, tid_for(3), 10, never, include_of(1)).status,
            UniqueInsertResult::Status::Inserted);
  EXPECT_EQ(tree->find_equal(key), std::vector<TupleId>{tid_for(1)});
}

TEST_F(BTreeIncludeTest, VerifyReportsGarbageInALeafItem) {
  auto tree = include_tree();
  for (int i = 0; i < 2000; ++i) tree->insert(std::vector<Value>{Value::int4(i)}, tid_for(i), 10, include_of(i));
  ASSERT_TRUE(tree->verify().empty());
  {
    PageGuard guard = pool_->read_page(kIndex, 1, LatchMode::Exclusive);
    BTreePage page(guard.page());
    ASSERT_TRUE(page.is_leaf());
    LinePointer lp = guard.page().line_pointer(static_cast<OffsetNumber>(page.first_data_offset() + 3));
    // Overwrite the item's bytes with a marker no key column starts with.
    std::memset(guard.page().bytes().data() + lp.offset, 0x7f, lp.length);
    guard.mark_dirty();
  }
  std::vector<BTreeProblem> problems = tree->verify();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().message, "invalid line pointer storage in index \"inc_idx\"");
  EXPECT_NE(problems.front().detail.find("Index tid=(1,"), std::string::npos) << problems.front().detail;
}

TEST_F(BTreeTest, OversizeKeysAreRejectedLikePostgres) {
  auto tree = new_tree({IndexKeyColumn::ordered(DataType{TypeId::Text, -1})});
  try {
    tree->insert(std::vector<Value>{Value::text(std::string(3000, 'x'))}, tid_for(1), 10);
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kProgramLimitExceeded);
    EXPECT_EQ(e.message, "index row size 3009 exceeds btree version 4 maximum 2704 for index \"t_idx\"");
  }
  // Keys near the limit still split correctly.
  for (int i = 0; i < 60; ++i) {
    std::string s(2680, static_cast<char>('a' + i % 26));
    s += std::to_string(i);
    tree->insert(std::vector<Value>{Value::text(s)}, tid_for(i), 10);
  }
  expect_sound(*tree);
  EXPECT_EQ(tree->stats().entries, 60u);
}

TEST_F(BTreeTest, PersistsAcrossFlushAndReopen) {
  {
    auto tree = new_tree();
    for (int i = 0; i < 50'000; ++i) tree->insert(int_key((i * 7919) % 50'000), tid_for(i), 10);
  }
  reopen_pool(64);
  auto tree = make_tree();
  expect_sound(*tree);
  EXPECT_EQ(tree->stats().entries, 50'000u);
  EXPECT_EQ(tree->find_equal(int_key(7919)), std::vector<TupleId>{tid_for(1)});
}

TEST_F(BTreeTest, WorksThroughASixteenFramePool) {
  reopen_pool(16);
  auto tree = new_tree();
  std::mt19937_64 rng(5);
  std::vector<int64_t> keys;
  for (int i = 0; i < 60'000; ++i) {
    keys.push_back(static_cast<int64_t>(rng() % 1'000'000));
    tree->insert(int_key(keys.back()), tid_for(i), 10);
  }
  expect_sound(*tree);
  EXPECT_GT(pool_->stats().writes, 0u);  // pages were evicted and read back
  for (int i = 0; i < 60'000; i += 613) {
    std::vector<TupleId> found = tree->find_equal(int_key(keys[i]));
    EXPECT_NE(std::find(found.begin(), found.end(), tid_for(i)), found.end());
  }
  std::vector<TupleId> backward = all(tree->scan(std::nullopt, std::nullopt, ScanDirection::Backward));
  EXPECT_EQ(backward.size(), 60'000u);
}

TEST_F(BTreeTest, VerifyReportsCorruption) {
  auto tree = new_tree();
  for (int i = 0; i < 5'000; ++i) tree->insert(int_key(i), tid_for(i), 10);
  ASSERT_TRUE(tree->verify().empty());
  {
    // Swap two items of the first leaf.
    BlockNumber leaf = 1;
    PageGuard guard = pool_->read_page(kIndex, leaf, LatchMode::Exclusive);
    BTreePage page(guard.page());
    ASSERT_TRUE(page.is_leaf());
    OffsetNumber a = page.first_data_offset();
    LinePointer first = guard.page().line_pointer(a);
    LinePointer second = guard.page().line_pointer(static_cast<OffsetNumber>(a + 1));
    guard.page().set_line_pointer(a, second);
    guard.page().set_line_pointer(static_cast<OffsetNumber>(a + 1), first);
    guard.mark_dirty();
  }
  std::vector<BTreeProblem> problems = tree->verify();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().message, "item order invariant violated for index \"t_idx\"");
  EXPECT_NE(problems.front().detail.find("Lower index tid=(1,"), std::string::npos)
      << problems.front().detail;
}

TEST_F(BTreeTest, InspectorRowsDescribeThePages) {
  auto tree = new_tree({IndexKeyColumn::ordered(DataType{TypeId::Int4, -1})});
  BtMetapRow empty = BTreeInspector::metap(*tree);
  EXPECT_EQ(empty.magic, 340322);
  EXPECT_EQ(empty.root, 0);
  EXPECT_EQ(empty.last_cleanup_num_tuples, -1);
  EXPECT_TRUE(empty.allequalimage);
  for (int i = 1; i <= 2000; ++i) tree->insert(std::vector<Value>{Value::int4(i)}, TupleId{0, static_cast<OffsetNumber>(i)}, 10);
  BtMetapRow m = BTreeInspector::metap(*tree);
  EXPECT_EQ(m.level, 1);
  EXPECT_EQ(m.root, m.fastroot);

  BtPageStatsRow root = BTreeInspector::page_stats(*tree, *pool_, m.root);
  EXPECT_EQ(root.type, 'r');
  EXPECT_EQ(root.btpo_level, 1);
  EXPECT_EQ(root.btpo_flags, disk::kBtpRoot);
  EXPECT_EQ(root.page_size, 8192);
  EXPECT_EQ(root.btpo_prev, 0);
  EXPECT_EQ(root.btpo_next, 0);

  BtPageStatsRow leaf = BTreeInspector::page_stats(*tree, *pool_, 1);
  EXPECT_EQ(leaf.type, 'l');
  EXPECT_EQ(leaf.btpo_flags, disk::kBtpLeaf);
  EXPECT_EQ(leaf.dead_items, 0);
  // Entries are 9 key bytes + 6 TID bytes; the suffix-truncated high key is shorter.
  EXPECT_EQ(leaf.avg_item_size, 14);
  EXPECT_NE(leaf.btpo_next, 0);

  std::vector<BtPageItemRow> items = BTreeInspector::page_items(*tree, *pool_, 1);
  ASSERT_GT(items.size(), 2u);
  EXPECT_EQ(items[0].itemoffset, 1);
  EXPECT_FALSE(items[0].htid.has_value());  // the high key
  EXPECT_FALSE(items[0].dead.has_value());
  EXPECT_EQ(items[1].data, "01 80 00 00 00 00 00 00 01");
  EXPECT_EQ(items[1].ctid, (TupleId{0, 1}));
  EXPECT_EQ(items[1].htid, (TupleId{0, 1}));
  EXPECT_EQ(items[1].dead, false);
  EXPECT_EQ(items[1].itemlen, 15);
  EXPECT_FALSE(items[1].nulls);
  EXPECT_FALSE(items[1].vars);

  std::vector<BtPageItemRow> downlinks = BTreeInspector::page_items(*tree, *pool_, m.root);
  EXPECT_EQ(downlinks[0].data, "");
  EXPECT_EQ(downlinks[0].ctid, (TupleId{1, 0}));
  EXPECT_EQ(static_cast<int64_t>(downlinks.size()), root.live_items);

  try {
    BTreeInspector::page_stats(*tree, *pool_, 0);
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kInvalidParameterValue);
    EXPECT_EQ(e.message, "block 0 is a meta page");
  }
  try {
    BTreeInspector::page_items(*tree, *pool_, 1000);
    FAIL();
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "block number out of range");
  }
}

}  // namespace
}  // namespace chalkdb
