#include "storage/page/page.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <vector>

namespace chalkdb {
namespace {

struct alignas(8) PageBytes {
  std::array<std::byte, disk::kPageSize> bytes{};
  Page page() { return Page(Page::Bytes(bytes)); }
};

std::vector<std::byte> item_of(size_t size, uint8_t fill) {
  return std::vector<std::byte>(size, std::byte{fill});
}

TEST(PageTest, InitializedHeaderMatchesPostgresLayout) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  EXPECT_FALSE(page.is_new());
  EXPECT_TRUE(page.header_is_valid());
  EXPECT_EQ(page.lower(), disk::kPageHeaderSize);
  EXPECT_EQ(page.upper(), disk::kPageSize);
  EXPECT_EQ(page.special(), disk::kPageSize);
  EXPECT_EQ(page.pagesize_version(), disk::kPageSize | disk::kPageLayoutVersion);
  EXPECT_EQ(page.item_count(), 0);
  EXPECT_EQ(page.checksum(), 0);
  // Raw bytes: pd_lower at offset 12, pd_upper at 14 (little-endian host order).
  uint16_t lower;
  std::memcpy(&lower, buffer.bytes.data() + 12, 2);
  EXPECT_EQ(lower, 28);
}

TEST(PageTest, SpecialSpaceIsReservedAtTheEnd) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes), 16);
  EXPECT_EQ(buffer.page().special(), disk::kPageSize - 16);
  EXPECT_EQ(buffer.page().upper(), disk::kPageSize - 16);
}

TEST(PageTest, AllZeroPageIsNewAndValid) {
  PageBytes buffer;
  EXPECT_TRUE(buffer.page().is_new());
  EXPECT_TRUE(buffer.page().header_is_valid());
}

TEST(PageTest, GarbageHeaderIsInvalid) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  uint16_t bad_upper = 20;  // below pd_lower
  std::memcpy(buffer.bytes.data() + disk::kPdUpperOffset, &bad_upper, 2);
  EXPECT_FALSE(buffer.page().header_is_valid());
}

TEST(PageTest, ItemsGrowDownAndAreMaxAligned) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  auto first = page.add_item(item_of(13, 0xAA));
  auto second = page.add_item(item_of(8, 0xBB));
  ASSERT_EQ(first, OffsetNumber{1});
  ASSERT_EQ(second, OffsetNumber{2});
  LinePointer lp1 = page.line_pointer(1);
  LinePointer lp2 = page.line_pointer(2);
  EXPECT_EQ(lp1.offset, disk::kPageSize - 16);  // 13 bytes take 16
  EXPECT_EQ(lp1.length, 13);
  EXPECT_EQ(lp1.flags, disk::kLpNormal);
  EXPECT_EQ(lp2.offset, disk::kPageSize - 24);
  EXPECT_EQ(page.lower(), disk::kPageHeaderSize + 2 * disk::kLinePointerSize);
  EXPECT_EQ(page.upper(), disk::kPageSize - 24);
  EXPECT_EQ(page.item(1)[12], std::byte{0xAA});
  EXPECT_EQ(page.item(2).size(), 8u);
  EXPECT_TRUE(page.has_item(2));
  EXPECT_FALSE(page.has_item(3));
  EXPECT_FALSE(page.has_item(0));
}

TEST(PageTest, LinePointerBitPackingIsPostgres) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  ASSERT_TRUE(page.add_item(item_of(40, 1)));
  uint32_t raw;
  std::memcpy(&raw, buffer.bytes.data() + disk::kPageHeaderSize, 4);
  EXPECT_EQ(raw & 0x7FFF, disk::kPageSize - 40);   // lp_off
  EXPECT_EQ((raw >> 15) & 0x3, disk::kLpNormal);   // lp_flags
  EXPECT_EQ(raw >> 17, 40u);                        // lp_len
}

TEST(PageTest, FreeSpaceAccountsForTheLinePointer) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  EXPECT_EQ(page.free_space(), disk::kPageSize - disk::kPageHeaderSize - disk::kLinePointerSize);
  // The largest heap tuple (MaxHeapTupleSize) fits an empty page, one byte more does not.
  EXPECT_FALSE(page.add_item(item_of(disk::kMaxHeapTupleSize + 1, 0)));
  EXPECT_TRUE(page.add_item(item_of(disk::kMaxHeapTupleSize, 0)));
  EXPECT_EQ(page.free_space(), 0u);
  EXPECT_FALSE(page.add_item(item_of(1, 0)));
}

TEST(PageTest, MaxHeapTupleSizeIsPostgresValue) {
  EXPECT_EQ(disk::kMaxHeapTupleSize, 8160u);
}

TEST(PageTest, PruneXidAndLsnRoundTrip) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  page.set_prune_xid(0x123456789ULL);
  page.set_lsn(42);
  EXPECT_EQ(page.prune_xid(), 0x123456789ULL);
  EXPECT_EQ(page.lsn(), 42u);
  EXPECT_TRUE(page.header_is_valid());
}

TEST(PageTest, CorruptLinePointerIsNotAnItem) {
  PageBytes buffer;
  Page::initialize(Page::Bytes(buffer.bytes));
  Page page = buffer.page();
  ASSERT_TRUE(page.add_item(item_of(16, 1)));
  page.set_line_pointer(1, {static_cast<uint16_t>(disk::kPageSize - 8), disk::kLpNormal, 100});
  EXPECT_FALSE(page.has_item(1));
}

}  // namespace
}  // namespace chalkdb
