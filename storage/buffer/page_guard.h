// PageGuard: RAII handle on one buffered page, pinned and latched (shared or exclusive).
//
// While a guard lives the page cannot be evicted (pin) and its bytes are protected by the
// frame's reader/writer latch. Destroying the guard releases the latch, then the pin. A writer
// holding an exclusive guard calls mark_dirty() after changing the page; a reader that sets
// hint bits under a shared guard calls mark_dirty_hint() (PostgreSQL's MarkBufferDirtyHint).
#pragma once

#include <cstddef>

#include "storage/common/ids.h"
#include "storage/page/page.h"

namespace chalkdb {

class BufferPool;

enum class LatchMode { Shared, Exclusive };

class PageGuard {
 public:
  PageGuard() = default;
  PageGuard(BufferPool* pool, size_t frame, Oid relfilenode, BlockNumber block, LatchMode mode);
  ~PageGuard();
  PageGuard(PageGuard&& other) noexcept;
  PageGuard& operator=(PageGuard&& other) noexcept;
  PageGuard(const PageGuard&) = delete;
  PageGuard& operator=(const PageGuard&) = delete;

  explicit operator bool() const { return pool_ != nullptr; }
  Page page() const;
  BlockNumber block() const { return block_; }
  Oid relfilenode() const { return relfilenode_; }
  LatchMode mode() const { return mode_; }

  void mark_dirty();
  void mark_dirty_hint();
  // Unlatches and unpins now (the guard becomes empty).
  void release();

 private:
  BufferPool* pool_ = nullptr;
  size_t frame_ = 0;
  Oid relfilenode_ = kInvalidOid;
  BlockNumber block_ = kInvalidBlockNumber;
  LatchMode mode_ = LatchMode::Shared;
};

}  // namespace chalkdb
