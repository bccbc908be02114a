#include "storage/page/page_checksum.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include "storage/page/page.h"

namespace chalkdb {
namespace {

struct TestPage {
  alignas(8) std::array<std::byte, disk::kPageSize> bytes{};
  std::span<std::byte, disk::kPageSize> span() { return bytes; }
};

// Bytes (i * 7 + 3) % 256: the values below are what PostgreSQL 15's
// pageinspect.page_checksum() returns for this page (as smallint: -21940, -21941, -9709).
TestPage patterned_page() {
  TestPage page;
  for (size_t i = 0; i < disk::kPageSize; ++i) page.bytes[i] = std::byte((i * 7 + 3) % 256);
  return page;
}

TEST(PageChecksumTest, MatchesPostgreSQL) {
  TestPage page = patterned_page();
  EXPECT_EQ(static_cast<int16_t>(page_checksum(page.span(), 0)), -21940);
  EXPECT_EQ(static_cast<int16_t>(page_checksum(page.span(), 1)), -21941);
  EXPECT_EQ(static_cast<int16_t>(page_checksum(page.span(), 12345)), -9709);
}

TEST(PageChecksumTest, TheStoredChecksumIsNotPartOfIt) {
  TestPage page = patterned_page();
  uint16_t before = page_checksum(page.span(), 7);
  set_page_checksum(page.span(), 7);
  EXPECT_EQ(page_checksum(page.span(), 7), before);
  EXPECT_TRUE(page_checksum_is_valid(page.span(), 7));
}

TEST(PageChecksumTest, DetectsCorruptionAndTransposedBlocks) {
  TestPage page;
  Page::initialize(page.span());
  std::array<std::byte, 100> item{};
  item.fill(std::byte{0x42});
  ASSERT_TRUE(Page(page.span()).add_item(item));
  set_page_checksum(page.span(), 3);
  EXPECT_NE(Page(page.span()).checksum(), 0);
  EXPECT_TRUE(page_checksum_is_valid(page.span(), 3));
  EXPECT_FALSE(page_checksum_is_valid(page.span(), 4));  // written to the wrong block
  for (size_t offset : {size_t{0}, size_t{12}, size_t{4000}, disk::kPageSize - 1}) {
    TestPage copy = page;
    copy.bytes[offset] ^= std::byte{0x01};
    EXPECT_FALSE(page_checksum_is_valid(copy.span(), 3)) << "flip at " << offset;
  }
}

TEST(PageChecksumTest, AllZeroPageNeedsNoChecksum) {
  TestPage page;
  EXPECT_TRUE(page_checksum_is_valid(page.span(), 9));
  page.bytes[100] = std::byte{1};
  EXPECT_FALSE(page_checksum_is_valid(page.span(), 9));
}

}  // namespace
}  // namespace chalkdb
