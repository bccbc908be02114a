#include "storage/page/page_checksum.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace chalkdb {

namespace {

constexpr size_t kSums = 32;  // N_SUMS
constexpr uint32_t kFnvPrime = 16777619;
constexpr std::array<uint32_t, kSums> kBaseOffsets = {
    0x5B1F36E9, 0xB8525960, 0x02AB50AA, 0x1DE66D2A, 0x79FF467A, 0x9BB9F8A3, 0x217E7CD2, 0x83E13D2C,
    0xF8D4474F, 0xE39EB970, 0x42C6AE16, 0x993216FA, 0x7B093B5D, 0x98DAFF3C, 0xF718902A, 0x0B1C9CDB,
    0xE58F764B, 0x187636BC, 0x5D7B3BB1, 0xE73DE7DE, 0x92BEC979, 0xCCA6C0B2, 0x304A0979, 0x85AA43D4,
    0x783125BB, 0x6CA8EAA2, 0xE407EAC6, 0x4B5CFC3E, 0x9FBF8C76, 0x15CA20BE, 0xF2CA9FD3, 0x959BD756};

inline void mix(uint32_t& sum, uint32_t value) {
  uint32_t tmp = sum ^ value;
  sum = tmp * kFnvPrime ^ (tmp >> 17);
}

uint32_t checksum_block(std::span<const std::byte, disk::kPageSize> page) {
  std::array<uint32_t, kSums> sums = kBaseOffsets;
  constexpr size_t rows = disk::kPageSize / (sizeof(uint32_t) * kSums);
  for (size_t i = 0; i < rows; ++i) {
    std::array<uint32_t, kSums> words;
    std::memcpy(words.data(), page.data() + i * sizeof(words), sizeof(words));
    if (i == 0) {  // pd_checksum (bytes 8..9) counts as zero
      uint32_t& word = words[disk::kPdChecksumOffset / sizeof(uint32_t)];
      std::memset(reinterpret_cast<std::byte*>(&word) + disk::kPdChecksumOffset % sizeof(uint32_t),
                  0, sizeof(uint16_t));
    }
    for (size_t j = 0; j < kSums; ++j) mix(sums[j], words[j]);
  }
  for (int round = 0; round < 2; ++round)
    for (size_t j = 0; j < kSums; ++j) mix(sums[j], 0);
  uint32_t result = 0;
  for (uint32_t sum : sums) result ^= sum;
  return result;
}

}  // namespace

uint16_t page_checksum(std::span<const std::byte, disk::kPageSize> page, BlockNumber block) {
  uint32_t checksum = checksum_block(page) ^ block;
  return static_cast<uint16_t>(checksum % 65535 + 1);
}

void set_page_checksum(std::span<std::byte, disk::kPageSize> page, BlockNumber block) {
  uint16_t checksum = page_checksum(page, block);
  std::memcpy(page.data() + disk::kPdChecksumOffset, &checksum, sizeof checksum);
}

bool page_checksum_is_valid(std::span<const std::byte, disk::kPageSize> page, BlockNumber block) {
  uint16_t stored;
  std::memcpy(&stored, page.data() + disk::kPdChecksumOffset, sizeof stored);
  if (stored == page_checksum(page, block)) return true;
  return std::all_of(page.begin(), page.end(), [](std::byte b) { return b == std::byte{0}; });
}

}  // namespace chalkdb
