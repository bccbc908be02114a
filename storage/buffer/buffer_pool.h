// BufferPool: a fixed set of 8 KiB frames caching relation pages (shared_buffers).
//
// Pages are found through a page table keyed by (relfilenode, block). A page is loaded into a
// frame chosen by clock sweep: the hand passes over frames, skipping pinned ones and
// decrementing usage counts, and takes the first unpinned frame whose count is zero (as
// PostgreSQL's StrategyGetBuffer). A dirty victim is written back before reuse; while that
// write is in flight, readers of the old page wait for it rather than read a stale block.
// Each frame has a reader/writer latch (std::shared_mutex) held by PageGuard.
// Every page written gets PostgreSQL's checksum (storage/page/page_checksum.h), verified when
// it is read back: a mismatch is XX001 "invalid page in block N of relation base/R". Hits,
// reads, dirtied and written pages are also counted per thread (buffer_usage.h) for
// EXPLAIN (BUFFERS).
// Not yet like PostgreSQL: no WAL-before-data rule (no WAL yet), no ring buffers for big
// sequential scans, and all frames pinned is an error rather than a wait.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/buffer/page_guard.h"
#include "storage/common/disk_format.h"
#include "storage/common/ids.h"
#include "storage/file/relation_files.h"

namespace chalkdb {

// Cumulative counters, the raw material of EXPLAIN (BUFFERS) "shared hit/read/written".
struct BufferPoolStats {
  uint64_t hits = 0;
  uint64_t reads = 0;
  uint64_t writes = 0;
};

// One frame as pg_buffercache shows it.
struct BufferDescription {
  size_t frame = 0;
  bool valid = false;  // holds a page; the fields below are meaningful only then
  Oid relfilenode = kInvalidOid;
  BlockNumber block = kInvalidBlockNumber;
  bool dirty = false;
  uint8_t usage_count = 0;
  uint32_t pins = 0;
};

class BufferPool {
 public:
  BufferPool(RelationFiles& files, size_t frames);
  ~BufferPool();
  BufferPool(const BufferPool&) = delete;
  BufferPool& operator=(const BufferPool&) = delete;

  PageGuard read_page(Oid relfilenode, BlockNumber block, LatchMode mode = LatchMode::Shared);
  // Extends the relation by one block and returns it initialised, exclusively latched, dirty.
  PageGuard new_page(Oid relfilenode, uint16_t special_size = 0);

  // Writes every dirty page (and fsyncs the files it wrote).
  void flush_all();
  // Writes the relation's dirty pages and fsyncs its file.
  void flush_relation(Oid relfilenode);
  // Forgets the relation's pages without writing them (before its file is unlinked).
  void drop_relation(Oid relfilenode);

  BufferPoolStats stats() const;
  // A consistent snapshot of every frame's tag and state (pg_buffercache).
  std::vector<BufferDescription> describe_frames();
  size_t frame_count() const { return frames_.size(); }
  BlockNumber block_count(Oid relfilenode) { return files_.block_count(relfilenode); }

 private:
  friend class PageGuard;

  struct Tag {
    Oid relfilenode = kInvalidOid;
    BlockNumber block = kInvalidBlockNumber;
    friend bool operator==(const Tag&, const Tag&) = default;
    friend auto operator<=>(const Tag&, const Tag&) = default;
  };
  struct TagHash {
    size_t operator()(const Tag& t) const {
      return std::hash<uint64_t>()((uint64_t{t.relfilenode} << 32) | t.block);
    }
  };
  struct alignas(disk::kPageSize) PageBuffer {
    std::byte bytes[disk::kPageSize];
  };
  struct Frame {
    Tag tag;
    bool valid = false;      // holds tag's contents (guarded by pool mutex)
    uint32_t pins = 0;       // guarded by pool mutex
    uint8_t usage = 0;       // guarded by pool mutex
    std::atomic<bool> dirty{false};
    std::shared_mutex latch;
  };
  enum class Load { FromDisk, NewPage };

  PageGuard acquire(Tag tag, LatchMode mode, Load load, uint16_t special_size);
  size_t claim_victim(std::unique_lock<std::mutex>& lock);
  // Writes back the victim's old page if dirty, then loads or formats the new one. On failure
  // the frame is given up (or, for a failed write-back, returned to its old page).
  void fill_frame(size_t frame, Tag old_tag, bool write_old, Load load, uint16_t special_size);
  void restore_after_failed_write(size_t frame, Tag old_tag);
  void write_page(Tag tag, std::span<const std::byte, disk::kPageSize> bytes);
  void abandon_frame(size_t frame);
  void flush_frame(size_t frame, Tag expected);
  std::vector<std::pair<size_t, Tag>> dirty_frames(const std::function<bool(const Tag&)>& matches);
  void unpin(size_t frame);
  std::span<std::byte, disk::kPageSize> frame_bytes(size_t frame) {
    return std::span<std::byte, disk::kPageSize>(pages_[frame].bytes, disk::kPageSize);
  }

  RelationFiles& files_;
  std::vector<PageBuffer> pages_;
  std::vector<Frame> frames_;
  std::mutex mutex_;  // page table, frame tags, pins, usage counts, clock hand
  std::condition_variable write_done_;
  std::unordered_map<Tag, size_t, TagHash> page_table_;
  std::set<Tag> writes_in_flight_;  // evicted pages being written back
  size_t clock_hand_ = 0;
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> reads_{0};
  std::atomic<uint64_t> writes_{0};
};

}  // namespace chalkdb
