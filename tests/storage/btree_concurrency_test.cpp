// Many threads inserting into and scanning one B-tree at once: the Lehman-Yao protocol must
// keep every scan ordered and complete for entries present throughout, lose no insert, and let
// only one of several concurrent unique inserters of a key succeed.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "storage/file/posix_file_system.h"
#include "storage/index/btree.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

constexpr Oid kIndex = 16600;

TupleId tid_for(int64_t n) {
  return TupleId{static_cast<BlockNumber>(n / 1000), static_cast<OffsetNumber>(n % 1000 + 1)};
}
int64_t number_of(TupleId tid) { return int64_t{tid.block} * 1000 + tid.offset - 1; }

std::vector<Value> int_key(int64_t v) { return {Value::int8(v)}; }

class BTreeConcurrencyTest : public ::testing::TestWithParam<size_t> {
 protected:
  BTreeConcurrencyTest() {
    std::filesystem::create_directories(dir_.path() / "base");
    files_.create(kIndex);
    tree_.create();
  }

  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  RelationFiles files_{fs_, dir_.path()};
  BufferPool pool_{files_, GetParam()};
  BTree tree_{pool_, nullptr, kIndex, {IndexKeyColumn::ordered(DataType{TypeId::Int8, -1})}};
};

// Stable even keys are present before the scanners start; writers add odd keys meanwhile.
// Every scan, forward or backward, must return each even key exactly once and in order.
TEST_P(BTreeConcurrencyTest, ScansStayCompleteAndOrderedDuringSplits) {
  constexpr int64_t kStable = 20'000;
  constexpr int kWriters = 4;
  constexpr int64_t kPerWriter = 15'000;
  for (int64_t i = 0; i < kStable; ++i) tree_.insert(int_key(2 * i * 1000), tid_for(i), 1);

  std::atomic<bool> writers_done{false};
  std::atomic<int> scans{0};
  std::vector<std::thread> threads;
  std::vector<std::string> failures(kWriters + 2);
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      std::mt19937_64 rng(100 + w);
      for (int64_t i = 0; i < kPerWriter; ++i) {
        int64_t n = kStable + w * kPerWriter + i;
        int64_t key = static_cast<int64_t>(rng() % (2 * kStable)) * 1000 + 1 + 2 * (rng() % 400);
        tree_.insert(int_key(key), tid_for(n), 1);
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&, r] {
      ScanDirection dir = r == 0 ? ScanDirection::Forward : ScanDirection::Backward;
      do {
        BTree::Cursor cursor = tree_.scan(std::nullopt, std::nullopt, dir);
        std::vector<TupleId> tids;
        std::vector<IndexKey> keys;
        IndexKey previous;
        bool first = true;
        int64_t stable_seen = 0;
        int64_t expected_next = dir == ScanDirection::Forward ? 0 : kStable - 1;
        while (cursor.next_batch(tids, &keys, 500) > 0) {
          for (size_t i = 0; i < tids.size(); ++i) {
            if (!first && (dir == ScanDirection::Forward ? keys[i] < previous : previous < keys[i])) {
              failures[kWriters + r] = "scan out of order";
            }
            previous = keys[i];
            first = false;
            int64_t n = number_of(tids[i]);
            if (n < kStable) {
              if (n != expected_next) failures[kWriters + r] = "stable entry missing or repeated";
              expected_next += dir == ScanDirection::Forward ? 1 : -1;
              ++stable_seen;
            }
          }
        }
        if (stable_seen != kStable) failures[kWriters + r] = "scan saw " + std::to_string(stable_seen) + " stable entries";
        ++scans;
      } while (!writers_done.load() && failures[kWriters + r].empty());
    });
  }
  for (int w = 0; w < kWriters; ++w) threads[w].join();
  writers_done = true;
  for (size_t t = kWriters; t < threads.size(); ++t) threads[t].join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");
  EXPECT_GE(scans.load(), 2);

  std::vector<BTreeProblem> problems = tree_.verify();
  EXPECT_TRUE(problems.empty()) << problems.front().message;
  BTree::Cursor cursor = tree_.scan(std::nullopt, std::nullopt);
  std::vector<TupleId> tids;
  std::vector<bool> found(kStable + kWriters * kPerWriter, false);
  size_t total = 0;
  while (cursor.next_batch(tids, nullptr, 1000) > 0) {
    for (TupleId tid : tids) {
      int64_t n = number_of(tid);
      ASSERT_FALSE(found[n]) << n;
      found[n] = true;
      ++total;
    }
  }
  EXPECT_EQ(total, found.size());
}

// Threads insert overlapping key sets through insert_unique with a checker that treats every
// existing entry as live: each key must end up exactly once.
TEST_P(BTreeConcurrencyTest, ConcurrentUniqueInsertersOfOneKeyCannotBothSucceed) {
  constexpr int kThreads = 4;
  constexpr int64_t kKeys = 8'000;
  std::atomic<int64_t> inserted{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto live = [](std::span<const TupleId> tids) { return UniqueVerdict::conflict(tids[0]); };
      std::vector<int64_t> keys(kKeys);
      std::iota(keys.begin(), keys.end(), 0);
      std::shuffle(keys.begin(), keys.end(), std::mt19937(t));
      for (int64_t key : keys) {
        UniqueInsertResult r = tree_.insert_unique(int_key(key), tid_for(t * kKeys + key), 1, live);
        (r.status == UniqueInsertResult::Status::Inserted ? inserted : conflicts)++;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(inserted.load(), kKeys);
  EXPECT_EQ(conflicts.load(), (kThreads - 1) * kKeys);
  for (int64_t key = 0; key < kKeys; ++key) ASSERT_EQ(tree_.find_equal(int_key(key)).size(), 1u) << key;
  std::vector<BTreeProblem> problems = tree_.verify();
  EXPECT_TRUE(problems.empty()) << problems.front().message;
}

// Point lookups of existing keys never miss while other threads split the pages under them.
TEST_P(BTreeConcurrencyTest, LookupsNeverMissDuringInserts) {
  constexpr int64_t kStable = 10'000;
  for (int64_t i = 0; i < kStable; ++i) tree_.insert(int_key(i * 10), tid_for(i), 1);
  std::atomic<bool> done{false};
  std::atomic<int64_t> misses{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 3; ++w) {
    threads.emplace_back([&, w] {
      for (int64_t i = 0; i < 20'000; ++i) tree_.insert(int_key((i * 7 + w) % (kStable * 10)), tid_for(kStable + w * 20'000 + i), 1);
    });
  }
  threads.emplace_back([&] {
    std::mt19937_64 rng(5);
    while (!done.load()) {
      int64_t i = static_cast<int64_t>(rng() % kStable);
      std::vector<TupleId> found = tree_.find_equal(int_key(i * 10));
      if (std::find(found.begin(), found.end(), tid_for(i)) == found.end()) ++misses;
    }
  });
  for (int w = 0; w < 3; ++w) threads[w].join();
  done = true;
  threads.back().join();
  EXPECT_EQ(misses.load(), 0);
  EXPECT_TRUE(tree_.verify().empty());
  EXPECT_EQ(tree_.stats().entries, static_cast<uint64_t>(kStable + 60'000));
}

// A large pool and one small enough to evict pages while threads work.
INSTANTIATE_TEST_SUITE_P(PoolSizes, BTreeConcurrencyTest, ::testing::Values(size_t{2048}, size_t{64}));

}  // namespace
}  // namespace chalkdb
