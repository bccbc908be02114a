#include "storage/heap/free_space_map.h"

#include <algorithm>

namespace chalkdb {

uint8_t FreeSpaceMap::category_of(size_t free_bytes) {
  return static_cast<uint8_t>(std::min<size_t>(free_bytes / kCategoryBytes, 255));
}

// The smallest category guaranteeing `needed` bytes (PostgreSQL's fsm_space_needed_to_cat).
uint8_t FreeSpaceMap::category_needed(size_t needed) {
  size_t category = (needed + kCategoryBytes - 1) / kCategoryBytes;
  return static_cast<uint8_t>(std::clamp<size_t>(category, 1, 255));
}

void FreeSpaceMap::record(BlockNumber block, size_t free_bytes) {
  std::lock_guard lock(mutex_);
  if (block >= categories_.size()) {
    categories_.resize(size_t{block} + 1, 0);
    chunk_max_.resize((categories_.size() + kChunkPages - 1) / kChunkPages, 0);
  }
  uint8_t old_category = categories_[block];
  uint8_t category = category_of(free_bytes);
  categories_[block] = category;
  size_t chunk = block / kChunkPages;
  if (category >= chunk_max_[chunk]) chunk_max_[chunk] = category;
  else if (old_category == chunk_max_[chunk]) refresh_chunk(chunk);
}

void FreeSpaceMap::refresh_chunk(size_t chunk) {
  size_t begin = chunk * kChunkPages;
  size_t end = std::min(categories_.size(), begin + kChunkPages);
  chunk_max_[chunk] = *std::max_element(categories_.begin() + begin, categories_.begin() + end);
}

std::optional<BlockNumber> FreeSpaceMap::search(BlockNumber from, BlockNumber to,
                                                uint8_t category) const {
  BlockNumber block = from;
  while (block < to) {
    size_t chunk = block / kChunkPages;
    BlockNumber chunk_end = std::min<BlockNumber>(to, static_cast<BlockNumber>((chunk + 1) * kChunkPages));
    if (chunk_max_[chunk] >= category) {
      for (BlockNumber b = block; b < chunk_end; ++b)
        if (categories_[b] >= category) return b;
    }
    block = chunk_end;
  }
  return std::nullopt;
}

std::optional<BlockNumber> FreeSpaceMap::find(size_t needed) {
  std::lock_guard lock(mutex_);
  uint8_t category = category_needed(needed);
  BlockNumber size = static_cast<BlockNumber>(categories_.size());
  BlockNumber start = std::min(next_search_, size);
  std::optional<BlockNumber> found = search(start, size, category);
  if (!found) found = search(0, start, category);
  if (found) next_search_ = *found;
  return found;
}

size_t FreeSpaceMap::recorded_free(BlockNumber block) const {
  std::lock_guard lock(mutex_);
  return block < categories_.size() ? categories_[block] * kCategoryBytes : 0;
}

void FreeSpaceMap::truncate(BlockNumber first) {
  std::lock_guard lock(mutex_);
  if (first >= categories_.size()) return;
  categories_.resize(first);
  chunk_max_.resize((categories_.size() + kChunkPages - 1) / kChunkPages);
  if (!chunk_max_.empty()) refresh_chunk(chunk_max_.size() - 1);
  next_search_ = std::min(next_search_, first);
}

BlockNumber FreeSpaceMap::tracked_pages() const {
  std::lock_guard lock(mutex_);
  return static_cast<BlockNumber>(categories_.size());
}

}  // namespace chalkdb
