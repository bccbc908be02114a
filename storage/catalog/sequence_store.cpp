#include "storage/catalog/sequence_store.h"

#include <string>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

constexpr TupleId kSequenceTuple{0, 1};

enum SequenceColumn : size_t { kLastValue, kLogCnt, kIsCalled };

std::vector<Value> sequence_tuple(int64_t last_value, int64_t log_cnt, bool is_called) {
  return {Value::int8(last_value), Value::int8(log_cnt), Value::boolean(is_called)};
}

}  // namespace

std::vector<Value> SequenceStore::initial_row(const SequenceOptions& options) {
  return sequence_tuple(options.start, 0, false);
}

std::vector<DataType> SequenceStore::column_types() {
  return {DataType{TypeId::Int8, -1}, DataType{TypeId::Int8, -1}, DataType{TypeId::Bool, -1}};
}

void SequenceStore::attach(Oid sequence, std::string name, HeapTable& heap,
                           SequenceOptions options) {
  std::optional<std::vector<Value>> row = heap.read_any(kSequenceTuple);
  if (!row) {
    throw SqlError(sqlstate::kDataCorrupted, "sequence \"" + name + "\" has no row");
  }
  auto entry = std::make_shared<Entry>();
  entry->name = std::move(name);
  entry->heap = &heap;
  entry->options = options;
  entry->last_value = (*row)[kLastValue].as_int();
  entry->is_called = (*row)[kIsCalled].as_bool();
  if (entry->is_called) entry->logged_value = entry->last_value;
  std::lock_guard lock(mutex_);
  entries_.try_emplace(sequence, std::move(entry));
}

bool SequenceStore::is_attached(Oid sequence) const {
  std::lock_guard lock(mutex_);
  return entries_.contains(sequence);
}

void SequenceStore::detach(Oid sequence) {
  std::lock_guard lock(mutex_);
  entries_.erase(sequence);
}

std::shared_ptr<SequenceStore::Entry> SequenceStore::entry(Oid sequence) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(sequence);
  if (it == entries_.end()) {
    throw SqlError(sqlstate::kInternalError,
                   "could not open relation with OID " + std::to_string(sequence));
  }
  return it->second;
}

int64_t SequenceStore::following_value(const Entry& entry, bool& wrapped) {
  const SequenceOptions& o = entry.options;
  wrapped = false;
  if (!entry.is_called) return entry.last_value;
  int64_t next;
  bool overflow = __builtin_add_overflow(entry.last_value, o.increment, &next);
  if (o.increment > 0 && (overflow || next > o.max_value)) {
    if (!o.cycle) {
      throw SqlError(sqlstate::kSequenceGeneratorLimitExceeded,
                     "nextval: reached maximum value of sequence \"" + entry.name + "\" (" +
                         std::to_string(o.max_value) + ")");
    }
    wrapped = true;
    return o.min_value;
  }
  if (o.increment < 0 && (overflow || next < o.min_value)) {
    if (!o.cycle) {
      throw SqlError(sqlstate::kSequenceGeneratorLimitExceeded,
                     "nextval: reached minimum value of sequence \"" + entry.name + "\" (" +
                         std::to_string(o.min_value) + ")");
    }
    wrapped = true;
    return o.max_value;
  }
  return next;
}

bool SequenceStore::beyond(const Entry& entry, int64_t value, int64_t bound) {
  return entry.options.increment > 0 ? value > bound : value < bound;
}

int64_t SequenceStore::reservation_end(const Entry& entry, int64_t value) {
  const SequenceOptions& o = entry.options;
  int64_t end;
  if (__builtin_mul_overflow(o.increment, kSequenceLogValues, &end) ||
      __builtin_add_overflow(value, end, &end)) {
    return o.increment > 0 ? o.max_value : o.min_value;
  }
  return o.increment > 0 ? std::min(end, o.max_value) : std::max(end, o.min_value);
}

int64_t SequenceStore::next_value(Oid sequence) {
  std::shared_ptr<Entry> held = entry(sequence);
  Entry& e = *held;
  std::lock_guard lock(e.mutex);
  bool wrapped = false;
  int64_t value = following_value(e, wrapped);
  if (wrapped || !e.logged_value || beyond(e, value, *e.logged_value)) {
    // Claim a range durably before handing out any value from it.
    int64_t end = reservation_end(e, value);
    store_row(e, end, 0, true);
    e.logged_value = end;
  }
  e.last_value = value;
  e.is_called = true;
  return value;
}

SequenceState SequenceStore::state(Oid sequence) const {
  std::shared_ptr<Entry> held = entry(sequence);
  const Entry& e = *held;
  std::lock_guard lock(held->mutex);
  int64_t log_cnt = 0;
  if (e.logged_value && e.is_called) {
    log_cnt = (*e.logged_value - e.last_value) / e.options.increment;
  }
  return {e.last_value, log_cnt, e.is_called};
}

const SequenceOptions& SequenceStore::options(Oid sequence) const {
  return entry(sequence)->options;  // options never change while the entry lives
}

void SequenceStore::set_value(Oid sequence, int64_t value, bool is_called) {
  std::shared_ptr<Entry> held = entry(sequence);
  Entry& e = *held;
  std::lock_guard lock(e.mutex);
  if (value < e.options.min_value || value > e.options.max_value) {
    throw SqlError(sqlstate::kNumericValueOutOfRange,
                   "setval: value " + std::to_string(value) + " is out of bounds for sequence \"" +
                       e.name + "\" (" + std::to_string(e.options.min_value) + ".." +
                       std::to_string(e.options.max_value) + ")");
  }
  store_row(e, value, 0, is_called);
  e.last_value = value;
  e.is_called = is_called;
  e.logged_value = is_called ? std::optional<int64_t>(value) : std::nullopt;
}

void SequenceStore::store_row(Entry& entry, int64_t last_value, int64_t log_cnt,
                              bool is_called) {
  entry.heap->overwrite(kSequenceTuple, sequence_tuple(last_value, log_cnt, is_called));
  pool_.flush_relation(entry.heap->relfilenode());
}

void SequenceStore::persist_positions() {
  std::lock_guard lock(mutex_);
  for (auto& [oid, e] : entries_) {
    std::lock_guard entry_lock(e->mutex);
    store_row(*e, e->last_value, 0, e->is_called);
    e->logged_value = e->is_called ? std::optional<int64_t>(e->last_value) : std::nullopt;
  }
}

}  // namespace chalkdb
