#include "storage/heap/free_space_map.h"

#include <gtest/gtest.h>

namespace chalkdb {
namespace {

TEST(FreeSpaceMapTest, EmptyMapHasNoPage) {
  FreeSpaceMap fsm;
  EXPECT_FALSE(fsm.find(100));
  EXPECT_EQ(fsm.tracked_pages(), 0u);
}

TEST(FreeSpaceMapTest, FindsAPageWithEnoughRoomInCategories) {
  FreeSpaceMap fsm;
  fsm.record(0, 100);
  fsm.record(1, 4010);
  fsm.record(2, 50);
  EXPECT_EQ(fsm.find(3000), 1u);
  EXPECT_EQ(fsm.find(4000), 1u);
  // Page 1 is recorded as category 125 (4000 bytes); 4010 needs category 126 (4032 bytes).
  EXPECT_FALSE(fsm.find(4010));
  EXPECT_EQ(fsm.recorded_free(1), 4000u);
  EXPECT_EQ(fsm.recorded_free(7), 0u);
}

TEST(FreeSpaceMapTest, SearchResumesWhereItEnded) {
  FreeSpaceMap fsm;
  for (BlockNumber b = 0; b < 4; ++b) fsm.record(b, 1000);
  EXPECT_EQ(fsm.find(500), 0u);
  fsm.record(0, 0);  // the caller filled page 0
  EXPECT_EQ(fsm.find(500), 1u);
  fsm.record(0, 1000);  // space freed on page 0 again: found after wrapping around
  fsm.record(1, 0);
  fsm.record(2, 0);
  fsm.record(3, 0);
  EXPECT_EQ(fsm.find(500), 0u);
}

TEST(FreeSpaceMapTest, ChunkMaximaFollowUpdates) {
  FreeSpaceMap fsm;
  BlockNumber far = FreeSpaceMap::kChunkPages * 3 + 5;
  fsm.record(far, 8000);
  fsm.record(2, 8000);
  EXPECT_EQ(fsm.find(7000), 2u);
  fsm.record(2, 0);
  EXPECT_EQ(fsm.find(7000), far);
  fsm.record(far, 10);
  EXPECT_FALSE(fsm.find(7000));
  EXPECT_EQ(fsm.tracked_pages(), far + 1);
}

TEST(FreeSpaceMapTest, TruncateForgetsPages) {
  FreeSpaceMap fsm;
  fsm.record(0, 100);
  fsm.record(600, 8000);
  fsm.truncate(10);
  EXPECT_EQ(fsm.tracked_pages(), 10u);
  EXPECT_FALSE(fsm.find(1000));
  EXPECT_EQ(fsm.find(50), 0u);
}

}  // namespace
}  // namespace chalkdb
