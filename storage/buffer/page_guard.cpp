#include "storage/buffer/page_guard.h"

#include <utility>

#include "storage/buffer/buffer_pool.h"
#include "storage/buffer/buffer_usage.h"

namespace chalkdb {

PageGuard::PageGuard(BufferPool* pool, size_t frame, Oid relfilenode, BlockNumber block,
                     LatchMode mode)
    : pool_(pool), frame_(frame), relfilenode_(relfilenode), block_(block), mode_(mode) {}

PageGuard::~PageGuard() { release(); }

PageGuard::PageGuard(PageGuard&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      frame_(other.frame_),
      relfilenode_(other.relfilenode_),
      block_(other.block_),
      mode_(other.mode_) {}

PageGuard& PageGuard::operator=(PageGuard&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    frame_ = other.frame_;
    relfilenode_ = other.relfilenode_;
    block_ = other.block_;
    mode_ = other.mode_;
  }
  return *this;
}

Page PageGuard::page() const { return Page(pool_->frame_bytes(frame_)); }

// A clean page becoming dirty counts as "dirtied" for EXPLAIN (BUFFERS), as in PostgreSQL's
// MarkBufferDirty.
void PageGuard::mark_dirty() {
  if (!pool_->frames_[frame_].dirty.exchange(true)) ++thread_buffer_usage().shared_dirtied;
}

void PageGuard::mark_dirty_hint() { mark_dirty(); }

void PageGuard::release() {
  if (pool_ == nullptr) return;
  auto& latch = pool_->frames_[frame_].latch;
  if (mode_ == LatchMode::Exclusive) {
    latch.unlock();
  } else {
    latch.unlock_shared();
  }
  // The latch goes first: an unpinned frame must never be latched, since eviction takes the
  // victim's latch while holding the pool mutex.
  pool_->unpin(frame_);
  pool_ = nullptr;
}

}  // namespace chalkdb
