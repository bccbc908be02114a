#include "storage/buffer/buffer_pool.h"

#include <algorithm>
#include <cstring>

#include "sql/error/sql_error.h"
#include "storage/buffer/buffer_usage.h"
#include "storage/page/page_checksum.h"

namespace chalkdb {

namespace {
constexpr uint8_t kMaxUsageCount = 5;  // PostgreSQL's BM_MAX_USAGE_COUNT
}

BufferPool::BufferPool(RelationFiles& files, size_t frames)
    : files_(files), pages_(std::max<size_t>(frames, 1)), frames_(std::max<size_t>(frames, 1)) {}

BufferPool::~BufferPool() = default;

PageGuard BufferPool::read_page(Oid relfilenode, BlockNumber block, LatchMode mode) {
  return acquire({relfilenode, block}, mode, Load::FromDisk, 0);
}

PageGuard BufferPool::new_page(Oid relfilenode, uint16_t special_size) {
  BlockNumber block = files_.extend(relfilenode);
  PageGuard guard = acquire({relfilenode, block}, LatchMode::Exclusive, Load::NewPage, 0);
  // Someone may have read the zeroed block before us; either way it is initialised here.
  if (guard.page().is_new()) {
    Page::initialize(guard.page().bytes(), special_size);
    guard.mark_dirty();
  }
  return guard;
}

PageGuard BufferPool::acquire(Tag tag, LatchMode mode, Load load, uint16_t special_size) {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (auto it = page_table_.find(tag); it != page_table_.end()) {
      size_t index = it->second;
      Frame& frame = frames_[index];
      ++frame.pins;
      frame.usage = static_cast<uint8_t>(std::min<int>(frame.usage + 1, kMaxUsageCount));
      lock.unlock();
      PageGuard guard(this, index, tag.relfilenode, tag.block, mode);
      if (mode == LatchMode::Exclusive) {
        frame.latch.lock();
      } else {
        frame.latch.lock_shared();
      }
      lock.lock();
      // The loader may have failed and given the frame up while we waited for the latch.
      if (frame.valid && frame.tag == tag) {
        lock.unlock();
        hits_.fetch_add(1, std::memory_order_relaxed);
        ++thread_buffer_usage().shared_hit;
        return guard;
      }
      lock.unlock();
      guard.release();
      lock.lock();
      continue;
    }
    if (writes_in_flight_.contains(tag)) {
      write_done_.wait(lock);
      continue;
    }
    size_t index = claim_victim(lock);
    Frame& frame = frames_[index];
    Tag old_tag = frame.tag;
    bool write_old = frame.valid && frame.dirty.load();
    if (frame.valid) page_table_.erase(old_tag);
    frame.tag = tag;
    frame.valid = false;
    frame.pins = 1;
    frame.usage = 1;
    page_table_[tag] = index;
    if (write_old) writes_in_flight_.insert(old_tag);
    lock.unlock();

    fill_frame(index, old_tag, write_old, load, special_size);
    if (mode == LatchMode::Shared) {
      frame.latch.unlock();
      frame.latch.lock_shared();
    }
    return PageGuard(this, index, tag.relfilenode, tag.block, mode);
  }
}

// Returns an unpinned frame, exclusively latched.
size_t BufferPool::claim_victim(std::unique_lock<std::mutex>&) {
  // Each full turn lowers every usage count by one, so kMaxUsageCount + 1 turns are enough to
  // find any unpinned frame.
  size_t limit = frames_.size() * (kMaxUsageCount + 1);
  for (size_t step = 0; step < limit; ++step) {
    size_t index = clock_hand_;
    clock_hand_ = (clock_hand_ + 1) % frames_.size();
    Frame& frame = frames_[index];
    if (frame.pins > 0) continue;
    // An unpinned frame is never latched (guards unlatch before unpinning), so this succeeds;
    // try_lock keeps the pool mutex from ever waiting on a latch.
    if (frame.usage == 0 && frame.latch.try_lock()) return index;
    if (frame.usage > 0) --frame.usage;
  }
  throw SqlError(sqlstate::kInternalError, "no unpinned buffers available");
}

void BufferPool::fill_frame(size_t index, Tag old_tag, bool write_old, Load load,
                            uint16_t special_size) {
  Frame& frame = frames_[index];
  auto bytes = frame_bytes(index);
  if (write_old) {
    try {
      write_page(old_tag, bytes);
    } catch (...) {
      restore_after_failed_write(index, old_tag);
      throw;
    }
    frame.dirty.store(false);
    std::lock_guard lock(mutex_);
    writes_in_flight_.erase(old_tag);
    write_done_.notify_all();
  }
  try {
    if (load == Load::NewPage) {
      std::memset(bytes.data(), 0, bytes.size());
      Page::initialize(bytes, special_size);
      frame.dirty.store(true);
    } else {
      files_.read_block(frame.tag.relfilenode, frame.tag.block, bytes);
      reads_.fetch_add(1, std::memory_order_relaxed);
      ++thread_buffer_usage().shared_read;
      if (!Page(bytes).header_is_valid() || !page_checksum_is_valid(bytes, frame.tag.block)) {
        throw SqlError(sqlstate::kDataCorrupted,
                       "invalid page in block " + std::to_string(frame.tag.block) +
                           " of relation " + RelationFiles::relative_path(frame.tag.relfilenode));
      }
      frame.dirty.store(false);
    }
  } catch (...) {
    abandon_frame(index);
    throw;
  }
  std::lock_guard lock(mutex_);
  frame.valid = true;
}

// Writes a copy with its checksum set: under a shared latch other readers may still be
// setting hint bits in the frame, so the checksum is computed over a stable copy (as
// PostgreSQL's PageSetChecksumCopy). The frame keeps its old pd_checksum, as in PostgreSQL.
void BufferPool::write_page(Tag tag, std::span<const std::byte, disk::kPageSize> bytes) {
  PageBuffer copy;
  std::memcpy(copy.bytes, bytes.data(), disk::kPageSize);
  std::span<std::byte, disk::kPageSize> out(copy.bytes, disk::kPageSize);
  bool is_new = std::all_of(out.begin(), out.end(), [](std::byte b) { return b == std::byte{0}; });
  if (!is_new) set_page_checksum(out, tag.block);
  files_.write_block(tag.relfilenode, tag.block, out);
  writes_.fetch_add(1, std::memory_order_relaxed);
  ++thread_buffer_usage().shared_written;
}

void BufferPool::restore_after_failed_write(size_t index, Tag old_tag) {
  Frame& frame = frames_[index];
  std::lock_guard lock(mutex_);
  writes_in_flight_.erase(old_tag);
  page_table_.erase(frame.tag);
  // A page of a relation that was dropped meanwhile is simply forgotten; any other page stays
  // cached and dirty so its contents are not lost.
  if (files_.exists(old_tag.relfilenode)) {
    frame.tag = old_tag;
    frame.valid = true;
    page_table_[old_tag] = index;
  } else {
    frame.tag = Tag{};
    frame.valid = false;
    frame.dirty.store(false);
  }
  --frame.pins;
  frame.latch.unlock();
  write_done_.notify_all();
}

void BufferPool::abandon_frame(size_t index) {
  Frame& frame = frames_[index];
  std::lock_guard lock(mutex_);
  if (auto it = page_table_.find(frame.tag); it != page_table_.end() && it->second == index) {
    page_table_.erase(it);
  }
  frame.tag = Tag{};
  frame.valid = false;
  frame.dirty.store(false);
  --frame.pins;
  frame.latch.unlock();
}

void BufferPool::unpin(size_t index) {
  std::lock_guard lock(mutex_);
  --frames_[index].pins;
}

void BufferPool::flush_frame(size_t index, Tag expected) {
  Frame& frame = frames_[index];
  {
    std::lock_guard lock(mutex_);
    if (!frame.valid || !(frame.tag == expected) || !frame.dirty.load()) return;
    ++frame.pins;
  }
  frame.latch.lock_shared();
  // Cleared before writing so a hint bit set during the write dirties the page again.
  bool was_dirty = frame.dirty.exchange(false);
  try {
    if (was_dirty) write_page(expected, frame_bytes(index));
  } catch (...) {
    frame.dirty.store(true);
    frame.latch.unlock_shared();
    unpin(index);
    throw;
  }
  frame.latch.unlock_shared();
  unpin(index);
}

std::vector<std::pair<size_t, BufferPool::Tag>> BufferPool::dirty_frames(
    const std::function<bool(const Tag&)>& matches) {
  std::vector<std::pair<size_t, Tag>> result;
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < frames_.size(); ++i) {
    if (frames_[i].valid && frames_[i].dirty.load() && matches(frames_[i].tag)) {
      result.emplace_back(i, frames_[i].tag);
    }
  }
  // Block order turns the writes of one relation into a mostly sequential pass.
  std::sort(result.begin(), result.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return result;
}

void BufferPool::flush_all() {
  for (auto [index, tag] : dirty_frames([](const Tag&) { return true; })) flush_frame(index, tag);
  files_.sync_all();
}

void BufferPool::flush_relation(Oid relfilenode) {
  auto frames = dirty_frames([relfilenode](const Tag& t) { return t.relfilenode == relfilenode; });
  for (auto [index, tag] : frames) flush_frame(index, tag);
  files_.sync(relfilenode);
}

void BufferPool::drop_relation(Oid relfilenode) {
  std::unique_lock lock(mutex_);
  // Wait until no eviction is still writing one of its pages.
  write_done_.wait(lock, [&] {
    return std::none_of(writes_in_flight_.begin(), writes_in_flight_.end(),
                        [&](const Tag& t) { return t.relfilenode == relfilenode; });
  });
  for (size_t i = 0; i < frames_.size(); ++i) {
    Frame& frame = frames_[i];
    if (!frame.valid || frame.tag.relfilenode != relfilenode) continue;
    page_table_.erase(frame.tag);
    frame.valid = false;
    frame.dirty.store(false);
    frame.tag = Tag{};
    frame.usage = 0;
  }
}

std::vector<BufferDescription> BufferPool::describe_frames() {
  std::vector<BufferDescription> frames(frames_.size());
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < frames_.size(); ++i) {
    const Frame& frame = frames_[i];
    frames[i] = {i, frame.valid, frame.tag.relfilenode, frame.tag.block, frame.dirty.load(),
                 frame.usage, frame.pins};
  }
  return frames;
}

BufferPoolStats BufferPool::stats() const {
  return {hits_.load(std::memory_order_relaxed), reads_.load(std::memory_order_relaxed),
          writes_.load(std::memory_order_relaxed)};
}

}  // namespace chalkdb
