#include "storage/catalog/sequence_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <thread>

#include "sql/error/sql_error.h"
#include "storage/file/posix_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

class SequenceStoreTest : public ::testing::Test {
 protected:
  static constexpr Oid kSequence = 16390;

  SequenceStoreTest() {
    std::filesystem::create_directories(dir_.path() / "base");
    files_.create(kSequence);
  }

  void attach(const SequenceOptions& options) {
    heap_.insert(SequenceStore::initial_row(options), 5, 0);
    store_.attach(kSequence, "s", heap_, options);
  }

  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  RelationFiles files_{fs_, dir_.path()};
  BufferPool pool_{files_, 8};
  CommitLog clog_{fs_, dir_.path() / "pg_xact"};
  WrittenRelations written_;
  HeapTable heap_{pool_, clog_, written_, kSequence, SequenceStore::column_types()};
  SequenceStore store_{pool_};
};

TEST_F(SequenceStoreTest, StartsAtStartAndReservesAhead) {
  SequenceOptions options;
  options.start = 100;
  options.increment = 10;
  options.max_value = 1000;
  attach(options);
  EXPECT_EQ(store_.state(kSequence).is_called, false);
  EXPECT_EQ(store_.next_value(kSequence), 100);
  EXPECT_EQ(store_.next_value(kSequence), 110);
  SequenceState state = store_.state(kSequence);
  EXPECT_EQ(state.last_value, 110);
  EXPECT_EQ(state.log_cnt, 31);
  // The stored row claims the end of the reserved range.
  auto row = heap_.read_any(TupleId{0, 1});
  ASSERT_TRUE(row);
  EXPECT_EQ((*row)[0].as_int(), 100 + 32 * 10);
  EXPECT_TRUE((*row)[2].as_bool());
}

TEST_F(SequenceStoreTest, ReachingTheMaximumIsPostgresError) {
  SequenceOptions options;
  options.max_value = 2;
  attach(options);
  EXPECT_EQ(store_.next_value(kSequence), 1);
  EXPECT_EQ(store_.next_value(kSequence), 2);
  try {
    store_.next_value(kSequence);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kSequenceGeneratorLimitExceeded);
    EXPECT_EQ(e.message, "nextval: reached maximum value of sequence \"s\" (2)");
  }
  EXPECT_EQ(store_.state(kSequence).last_value, 2);  // a failed call changes nothing
}

TEST_F(SequenceStoreTest, DescendingSequenceStopsAtTheMinimum) {
  SequenceOptions options;
  options.start = -1;
  options.increment = -1;
  options.min_value = -3;
  options.max_value = -1;
  attach(options);
  EXPECT_EQ(store_.next_value(kSequence), -1);
  EXPECT_EQ(store_.next_value(kSequence), -2);
  EXPECT_EQ(store_.next_value(kSequence), -3);
  try {
    store_.next_value(kSequence);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "nextval: reached minimum value of sequence \"s\" (-3)");
  }
}

TEST_F(SequenceStoreTest, CyclingSequenceWrapsAround) {
  SequenceOptions options;
  options.max_value = 3;
  options.cycle = true;
  attach(options);
  std::vector<int64_t> values;
  for (int i = 0; i < 7; ++i) values.push_back(store_.next_value(kSequence));
  EXPECT_EQ(values, (std::vector<int64_t>{1, 2, 3, 1, 2, 3, 1}));
}

TEST_F(SequenceStoreTest, NoOverflowNearTheInt64Limit) {
  SequenceOptions options;
  options.start = std::numeric_limits<int64_t>::max() - 1;
  attach(options);
  EXPECT_EQ(store_.next_value(kSequence), std::numeric_limits<int64_t>::max() - 1);
  EXPECT_EQ(store_.next_value(kSequence), std::numeric_limits<int64_t>::max());
  EXPECT_THROW(store_.next_value(kSequence), SqlError);
}

TEST_F(SequenceStoreTest, ConcurrentCallersGetDistinctValues) {
  attach(SequenceOptions{});
  std::vector<int64_t> a, b;
  std::thread first([&] { for (int i = 0; i < 500; ++i) a.push_back(store_.next_value(kSequence)); });
  std::thread second([&] { for (int i = 0; i < 500; ++i) b.push_back(store_.next_value(kSequence)); });
  first.join();
  second.join();
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a[i], i + 1);
}

}  // namespace
}  // namespace chalkdb
