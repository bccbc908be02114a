#include "storage/buffer/buffer_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <cstring>
#include <future>
#include <thread>

#include "sql/error/sql_error.h"
#include "storage/buffer/buffer_usage.h"
#include "storage/page/page_checksum.h"
#include "storage/file/posix_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using namespace std::chrono_literals;

class BufferPoolTest : public ::testing::Test {
 protected:
  static constexpr Oid kRelation = 16384;

  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "base");
    files_.create(kRelation);
  }

  // Writes `value` into the page's first item slot area so it can be recognised later.
  static void stamp(PageGuard& guard, uint32_t value) {
    std::vector<std::byte> item(sizeof value);
    std::memcpy(item.data(), &value, sizeof value);
    ASSERT_TRUE(guard.page().add_item(item));
    guard.mark_dirty();
  }
  static uint32_t stamp_of(const PageGuard& guard) {
    uint32_t value;
    std::memcpy(&value, guard.page().item(1).data(), sizeof value);
    return value;
  }

  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  RelationFiles files_{fs_, dir_.path()};
};

TEST_F(BufferPoolTest, NewPagesExtendTheRelation) {
  BufferPool pool(files_, 8);
  {
    PageGuard a = pool.new_page(kRelation);
    EXPECT_EQ(a.block(), 0u);
    EXPECT_EQ(a.mode(), LatchMode::Exclusive);
    EXPECT_FALSE(a.page().is_new());
  }
  PageGuard b = pool.new_page(kRelation);
  EXPECT_EQ(b.block(), 1u);
  EXPECT_EQ(pool.block_count(kRelation), 2u);
}

TEST_F(BufferPoolTest, TableFarBiggerThanThePoolIsEvictedAndReread) {
  constexpr uint32_t kPages = 200;
  BufferPool pool(files_, 4);
  for (uint32_t i = 0; i < kPages; ++i) {
    PageGuard guard = pool.new_page(kRelation);
    stamp(guard, i * 7 + 1);
  }
  BufferPoolStats after_writes = pool.stats();
  EXPECT_GE(after_writes.writes, kPages - 4);  // evictions wrote the dirty pages back
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t i = 0; i < kPages; ++i) {
      PageGuard guard = pool.read_page(kRelation, i);
      ASSERT_EQ(stamp_of(guard), i * 7 + 1) << "block " << i;
    }
  }
  EXPECT_GE(pool.stats().reads, 2 * kPages - 8);
}

TEST_F(BufferPoolTest, RepeatedReadsOfACachedPageAreHits) {
  BufferPool pool(files_, 4);
  { PageGuard guard = pool.new_page(kRelation); stamp(guard, 5); }
  BufferPoolStats before = pool.stats();
  for (int i = 0; i < 10; ++i) {
    PageGuard guard = pool.read_page(kRelation, 0);
    EXPECT_EQ(stamp_of(guard), 5u);
  }
  BufferPoolStats after = pool.stats();
  EXPECT_EQ(after.hits - before.hits, 10u);
  EXPECT_EQ(after.reads, before.reads);
}

TEST_F(BufferPoolTest, FlushWritesDirtyPagesToTheFile) {
  {
    BufferPool pool(files_, 4);
    PageGuard guard = pool.new_page(kRelation);
    stamp(guard, 99);
    guard.release();
    pool.flush_relation(kRelation);
  }
  BufferPool fresh(files_, 4);
  PageGuard guard = fresh.read_page(kRelation, 0);
  EXPECT_EQ(stamp_of(guard), 99u);
  EXPECT_EQ(fresh.stats().reads, 1u);
}

TEST_F(BufferPoolTest, DroppedRelationPagesAreForgottenNotWritten) {
  BufferPool pool(files_, 4);
  { PageGuard guard = pool.new_page(kRelation); stamp(guard, 1); }
  uint64_t writes = pool.stats().writes;
  pool.drop_relation(kRelation);
  pool.flush_all();
  EXPECT_EQ(pool.stats().writes, writes);
}

TEST_F(BufferPoolTest, PinnedPagesAreNeverEvicted) {
  BufferPool pool(files_, 3);
  PageGuard pinned = pool.new_page(kRelation);
  stamp(pinned, 1234);
  for (int i = 0; i < 20; ++i) {
    PageGuard other = pool.new_page(kRelation);
    stamp(other, 1);
  }
  EXPECT_EQ(stamp_of(pinned), 1234u);
}

TEST_F(BufferPoolTest, AllFramesPinnedIsAnErrorNotACrash) {
  BufferPool pool(files_, 2);
  PageGuard a = pool.new_page(kRelation);
  PageGuard b = pool.new_page(kRelation);
  try {
    pool.new_page(kRelation);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "no unpinned buffers available");
  }
  a.release();
  EXPECT_NO_THROW(pool.read_page(kRelation, 2));
}

TEST_F(BufferPoolTest, SharedLatchesDoNotBlockEachOther) {
  BufferPool pool(files_, 4);
  pool.new_page(kRelation).release();
  PageGuard first = pool.read_page(kRelation, 0, LatchMode::Shared);
  auto second = std::async(std::launch::async, [&] {
    PageGuard guard = pool.read_page(kRelation, 0, LatchMode::Shared);
    return guard.page().item_count();
  });
  EXPECT_EQ(second.wait_for(5s), std::future_status::ready);
}

TEST_F(BufferPoolTest, ExclusiveLatchBlocksReadersUntilReleased) {
  BufferPool pool(files_, 4);
  pool.new_page(kRelation).release();
  PageGuard writer = pool.read_page(kRelation, 0, LatchMode::Exclusive);
  auto reader = std::async(std::launch::async, [&] {
    PageGuard guard = pool.read_page(kRelation, 0, LatchMode::Shared);
    return stamp_of(guard);
  });
  EXPECT_EQ(reader.wait_for(100ms), std::future_status::timeout);
  stamp(writer, 77);
  writer.release();
  ASSERT_EQ(reader.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(reader.get(), 77u);  // the reader saw the writer's complete change
}

TEST_F(BufferPoolTest, ReadingPastTheEndIsAnError) {
  BufferPool pool(files_, 4);
  try {
    pool.read_page(kRelation, 3);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message,
              "could not read block 3 in file \"base/16384\": read only 0 of 8192 bytes");
  }
  // The failed load left the pool usable.
  EXPECT_NO_THROW(pool.new_page(kRelation));
}

TEST_F(BufferPoolTest, CorruptPageHeaderIsReported) {
  {
    BufferPool pool(files_, 4);
    pool.new_page(kRelation).release();
    pool.flush_all();
  }
  std::vector<std::byte> garbage(disk::kPageSize, std::byte{0x5A});
  files_.write_block(kRelation, 0, std::span<const std::byte, disk::kPageSize>(garbage.data(),
                                                                                disk::kPageSize));
  BufferPool pool(files_, 4);
  try {
    pool.read_page(kRelation, 0);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kDataCorrupted);
    EXPECT_EQ(e.message, "invalid page in block 0 of relation base/16384");
  }
}

TEST_F(BufferPoolTest, ConcurrentWritersOnATinyPoolLoseNothing) {
  constexpr uint32_t kPages = 64;
  BufferPool pool(files_, 5);
  for (uint32_t i = 0; i < kPages; ++i) pool.new_page(kRelation).release();
  auto worker = [&](uint32_t parity) {
    for (int round = 0; round < 3; ++round) {
      for (uint32_t i = parity; i < kPages; i += 2) {
        PageGuard guard = pool.read_page(kRelation, i, LatchMode::Exclusive);
        stamp(guard, i);
      }
    }
  };
  std::thread even(worker, 0);
  std::thread odd(worker, 1);
  even.join();
  odd.join();
  for (uint32_t i = 0; i < kPages; ++i) {
    PageGuard guard = pool.read_page(kRelation, i);
    EXPECT_EQ(guard.page().item_count(), 3);
    EXPECT_EQ(stamp_of(guard), i);
  }
}

TEST_F(BufferPoolTest, PagesAreWrittenWithTheirChecksum) {
  {
    BufferPool pool(files_, 4);
    PageGuard guard = pool.new_page(kRelation);
    stamp(guard, 77);
    guard.release();
    pool.new_page(kRelation).release();
    pool.flush_all();
  }
  alignas(8) std::array<std::byte, disk::kPageSize> on_disk;
  for (BlockNumber block : {0u, 1u}) {
    files_.read_block(kRelation, block, on_disk);
    EXPECT_NE(Page(on_disk).checksum(), 0);
    EXPECT_EQ(Page(on_disk).checksum(), page_checksum(on_disk, block));
  }
  BufferPool pool(files_, 4);
  EXPECT_EQ(stamp_of(pool.read_page(kRelation, 0)), 77u);
}

TEST_F(BufferPoolTest, FlippedBitInTheFileIsAnErrorNotACrash) {
  {
    BufferPool pool(files_, 4);
    PageGuard guard = pool.new_page(kRelation);
    stamp(guard, 1234);
    guard.release();
    pool.flush_all();
  }
  {  // corrupt one data byte on disk, leaving the header plausible
    std::fstream file(dir_.path() / "base" / "16384", std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(disk::kPageSize - 2);
    char c = 0;
    file.get(c);
    file.seekp(disk::kPageSize - 2);
    file.put(static_cast<char>(c ^ 0x10));
  }
  BufferPool pool(files_, 4);
  for (int attempt = 0; attempt < 2; ++attempt) {  // the failure leaves the pool usable
    try {
      pool.read_page(kRelation, 0);
      FAIL() << "expected an error";
    } catch (const SqlError& e) {
      EXPECT_EQ(e.state, sqlstate::kDataCorrupted);
      EXPECT_EQ(e.message, "invalid page in block 0 of relation base/16384");
    }
  }
  EXPECT_NO_THROW(pool.new_page(kRelation));
}

TEST_F(BufferPoolTest, ThreadBufferUsageCountsHitsReadsDirtiedWritten) {
  {
    BufferPool pool(files_, 2);
    for (int i = 0; i < 3; ++i) pool.new_page(kRelation).release();
    pool.flush_all();
  }
  BufferPool pool(files_, 2);
  BufferUsage start = thread_buffer_usage();
  pool.read_page(kRelation, 0).release();                                  // read
  pool.read_page(kRelation, 0).release();                                  // hit
  pool.read_page(kRelation, 0, LatchMode::Exclusive).mark_dirty();         // hit, dirtied
  pool.flush_all();                                                        // written
  pool.read_page(kRelation, 1).release();                                  // read
  pool.read_page(kRelation, 2).release();                                  // read
  BufferUsage used = thread_buffer_usage() - start;
  EXPECT_EQ(used.shared_hit, 2u);
  EXPECT_EQ(used.shared_read, 3u);
  EXPECT_EQ(used.shared_dirtied, 1u);
  EXPECT_EQ(used.shared_written, 1u);
  // Another thread's work is not this thread's.
  std::thread([&] { pool.read_page(kRelation, 1).release(); }).join();
  EXPECT_EQ(thread_buffer_usage() - start, used);
}

TEST_F(BufferPoolTest, DescribeFramesShowsTagsAndState) {
  BufferPool pool(files_, 3);
  PageGuard pinned = pool.new_page(kRelation);
  auto frames = pool.describe_frames();
  ASSERT_EQ(frames.size(), 3u);
  auto used = std::count_if(frames.begin(), frames.end(), [](const auto& f) { return f.valid; });
  EXPECT_EQ(used, 1);
  auto it = std::find_if(frames.begin(), frames.end(), [](const auto& f) { return f.valid; });
  EXPECT_EQ(it->relfilenode, kRelation);
  EXPECT_EQ(it->block, 0u);
  EXPECT_TRUE(it->dirty);
  EXPECT_EQ(it->pins, 1u);
  EXPECT_GE(it->usage_count, 1);
}

}  // namespace
}  // namespace chalkdb
