// SequenceStore: the current position of every sequence, and nextval().
//
// A sequence is a relation (relkind 'S') holding one row (last_value, log_cnt, is_called),
// like PostgreSQL's. nextval is not transactional and must never hand out a value twice, even
// across a crash, without an fsync per call: like PostgreSQL's SEQ_LOG_VALS, each time the
// reserved range is used up the row is rewritten with last_value = the end of a new range of
// 32 values and fsynced; values inside the range come from memory. The stored row therefore
// normally shows the end of the reserved range (log_cnt 0); after a crash numbering resumes
// there, skipping the unused rest. A clean shutdown stores the exact position, so nothing is
// skipped. sequence_state() reports the in-memory position as PostgreSQL shows it.
// Thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "sql/types/type_id.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/common/ids.h"
#include "storage/heap/heap_table.h"

namespace chalkdb {

inline constexpr int64_t kSequenceLogValues = 32;  // SEQ_LOG_VALS

struct SequenceOptions {
  TypeId type = TypeId::Int8;  // smallint, integer or bigint (pg_sequence.seqtypid)
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = std::numeric_limits<int64_t>::max();
  int64_t cache = 1;
  bool cycle = false;
};

// What SELECT * FROM a sequence shows.
struct SequenceState {
  int64_t last_value = 0;
  int64_t log_cnt = 0;
  bool is_called = false;
};

class SequenceStore {
 public:
  explicit SequenceStore(BufferPool& pool) : pool_(pool) {}

  // The row a new sequence relation starts with.
  static std::vector<Value> initial_row(const SequenceOptions& options);
  static std::vector<DataType> column_types();

  // Makes the sequence known (on creation or first use after opening); reads its row.
  void attach(Oid sequence, std::string name, HeapTable& heap, SequenceOptions options);
  bool is_attached(Oid sequence) const;
  void detach(Oid sequence);

  int64_t next_value(Oid sequence);
  SequenceState state(Oid sequence) const;
  const SequenceOptions& options(Oid sequence) const;
  // setval(): the next nextval() returns `value` (is_called false) or the value after it.
  // Written durably at once. Throws 22003 when `value` is outside [min_value, max_value].
  void set_value(Oid sequence, int64_t value, bool is_called);

  // Stores every sequence's exact position (clean shutdown).
  void persist_positions();

 private:
  struct Entry {
    std::string name;
    HeapTable* heap = nullptr;
    SequenceOptions options;
    int64_t last_value = 0;
    bool is_called = false;
    // The value the durable row claims as used; values up to it may be handed out without
    // writing. Empty while the durable row says is_called = false.
    std::optional<int64_t> logged_value;
    std::mutex mutex;
  };
  std::shared_ptr<Entry> entry(Oid sequence) const;
  // The value after `entry`'s current one; `wrapped` is set when a cycling sequence restarts.
  static int64_t following_value(const Entry& entry, bool& wrapped);
  static bool beyond(const Entry& entry, int64_t value, int64_t bound);
  static int64_t reservation_end(const Entry& entry, int64_t value);
  void store_row(Entry& entry, int64_t last_value, int64_t log_cnt, bool is_called);

  BufferPool& pool_;
  mutable std::mutex mutex_;
  std::unordered_map<Oid, std::shared_ptr<Entry>> entries_;
};

}  // namespace chalkdb
