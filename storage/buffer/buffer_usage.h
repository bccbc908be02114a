// BufferUsage: shared-buffer activity of the current thread, PostgreSQL's pgBufferUsage.
//
// Every session runs its statements on its own backend thread, so a thread-local counter is
// exactly PostgreSQL's per-backend one: the executor takes a copy before a statement (or a
// plan node's work) and subtracts it afterwards to get that work's hits, reads, dirtied and
// written pages, which EXPLAIN (ANALYZE, BUFFERS) prints as `Buffers: shared hit=… read=…`.
// Counted by the buffer pool: hit = page found in a frame, read = page read from its file,
// dirtied = a clean page first marked dirty, written = a page this thread wrote back (a dirty
// victim it evicted, or a flush it ran).
#pragma once

#include <cstdint>

namespace chalkdb {

struct BufferUsage {
  uint64_t shared_hit = 0;
  uint64_t shared_read = 0;
  uint64_t shared_dirtied = 0;
  uint64_t shared_written = 0;

  bool any() const { return shared_hit || shared_read || shared_dirtied || shared_written; }
  BufferUsage& operator+=(const BufferUsage& other) {
    shared_hit += other.shared_hit;
    shared_read += other.shared_read;
    shared_dirtied += other.shared_dirtied;
    shared_written += other.shared_written;
    return *this;
  }
  friend BufferUsage operator-(BufferUsage a, const BufferUsage& b) {
    a.shared_hit -= b.shared_hit;
    a.shared_read -= b.shared_read;
    a.shared_dirtied -= b.shared_dirtied;
    a.shared_written -= b.shared_written;
    return a;
  }
  friend bool operator==(const BufferUsage&, const BufferUsage&) = default;
};

// This thread's running totals (never reset; take differences).
inline BufferUsage& thread_buffer_usage() {
  thread_local BufferUsage usage;
  return usage;
}

}  // namespace chalkdb
