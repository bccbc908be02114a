#include "storage/heap/heap_table.h"

#include <cstring>
#include <string>

#include "sql/error/sql_error.h"
#include "storage/heap/heap_tuple.h"

namespace chalkdb {

HeapTable::HeapTable(BufferPool& pool, const CommitLog& commit_log, WrittenRelations& written,
                     Oid relfilenode, std::vector<DataType> column_types)
    : pool_(pool),
      visibility_(commit_log),
      written_(written),
      relfilenode_(relfilenode),
      codec_(std::move(column_types)) {}

BlockNumber HeapTable::page_count() const { return pool_.block_count(relfilenode_); }

bool HeapTable::tid_in_range(TupleId tid) const {
  return tid.valid() && tid.block < page_count();
}

std::vector<std::byte> HeapTable::build_tuple(std::span<const Value> row, TransactionId xid,
                                              CommandId cid) const {
  if (row.size() != codec_.column_count()) {
    throw SqlError(sqlstate::kInternalError,
                   "row has " + std::to_string(row.size()) + " columns, relation has " +
                       std::to_string(codec_.column_count()));
  }
  bool has_nulls = TupleCodec::has_nulls(row);
  size_t header_size = HeapTupleHeader::header_size(row.size(), has_nulls);
  size_t size = header_size + codec_.data_size(row);
  if (size > disk::kMaxHeapTupleSize) {
    throw SqlError(sqlstate::kProgramLimitExceeded,
                   "row is too big: size " + std::to_string(size) + ", maximum size " +
                       std::to_string(disk::kMaxHeapTupleSize));
  }
  std::vector<std::byte> tuple(size);
  HeapTupleHeader header(tuple);
  header.initialize(row.size(), has_nulls, xid, cid, TupleId{});
  if (codec_.has_variable_width(row)) header.set_infomask_flags(disk::kHeapHasVarWidth);
  codec_.encode(row, header.data(), header.null_bitmap());
  return tuple;
}

bool HeapTable::has_room(PageGuard& guard, size_t size) {
  return guard.page().free_space() >= disk::max_align(size);
}

PageGuard HeapTable::page_with_room(size_t size) {
  seed_free_space_map();
  size_t needed = disk::max_align(size);
  while (std::optional<BlockNumber> block = fsm_.find(needed)) {
    PageGuard guard = pool_.read_page(relfilenode_, *block, LatchMode::Exclusive);
    if (has_room(guard, size)) return guard;
    fsm_.record(*block, guard.page().free_space());  // the map was stale: correct it, retry
  }
  return pool_.new_page(relfilenode_);
}

// After a restart the map knows no page yet; the last page is where the previous run was
// appending, so it is read once (the rest are reported by scans as they pass).
void HeapTable::seed_free_space_map() {
  if (fsm_seeded_.exchange(true)) return;
  BlockNumber count = page_count();
  if (count == 0 || fsm_.tracked_pages() >= count) return;
  PageGuard guard = pool_.read_page(relfilenode_, count - 1, LatchMode::Shared);
  fsm_.record(count - 1, guard.page().free_space());
}

void HeapTable::record_free_space(BlockNumber block, const Page& page) const {
  fsm_.record(block, page.free_space());
}

TupleId HeapTable::place(PageGuard& guard, std::span<const std::byte> tuple) {
  Page page = guard.page();
  std::optional<OffsetNumber> offset = page.add_item(tuple);
  if (!offset) throw SqlError(sqlstate::kInternalError, "tuple does not fit the chosen page");
  TupleId tid{guard.block(), *offset};
  HeapTupleHeader(page.item(*offset)).set_ctid(tid);
  guard.mark_dirty();
  record_free_space(guard.block(), page);
  return tid;
}

TupleId HeapTable::insert(std::span<const Value> row, TransactionId xid, CommandId cid) {
  std::vector<std::byte> tuple = build_tuple(row, xid, cid);
  PageGuard guard = page_with_room(tuple.size());
  TupleId tid = place(guard, tuple);
  written_.record(xid, relfilenode_);
  return tid;
}

HeapTable::Scan HeapTable::scan(const Snapshot& snapshot) const {
  return Scan(*this, snapshot, page_count());
}

HeapTable::Scan::Scan(const HeapTable& table, Snapshot snapshot, BlockNumber block_count)
    : table_(&table), snapshot_(std::move(snapshot)), block_count_(block_count) {}

bool HeapTable::Scan::load_next_page() {
  while (next_block_ < block_count_) {
    BlockNumber block = next_block_++;
    PageGuard guard = table_->pool_.read_page(table_->relfilenode_, block, LatchMode::Shared);
    Page page = guard.page();
    table_->record_free_space(block, page);
    visible_.clear();
    next_visible_ = 0;
    bool hints_changed = false;
    for (OffsetNumber offset = 1; offset <= page.item_count(); ++offset) {
      if (!page.has_item(offset)) continue;
      HeapTupleHeader header(page.item(offset));
      if (table_->visibility_.is_visible(header, snapshot_, hints_changed)) {
        visible_.push_back(offset);
      }
    }
    if (hints_changed) guard.mark_dirty_hint();
    if (visible_.empty()) continue;
    page_copy_.resize(disk::kPageSize);
    std::memcpy(page_copy_.data(), page.bytes().data(), disk::kPageSize);
    current_block_ = block;
    return true;
  }
  return false;
}

size_t HeapTable::Scan::next_batch(std::vector<std::vector<Value>>& rows,
                                   std::vector<TupleId>& tids, size_t max_rows) {
  tids.clear();
  size_t count = 0;
  while (count < max_rows) {
    if (next_visible_ >= visible_.size() && !load_next_page()) break;
    OffsetNumber offset = visible_[next_visible_++];
    Page page(std::span<std::byte, disk::kPageSize>(page_copy_.data(), disk::kPageSize));
    HeapTupleHeader header(page.item(offset));
    if (rows.size() <= count) rows.emplace_back();
    table_->codec_.decode(header.data(), header.null_bitmap(), header.natts(), rows[count]);
    tids.push_back({current_block_, offset});
    ++count;
  }
  rows.resize(count);
  return count;
}

std::optional<std::vector<Value>> HeapTable::fetch(TupleId tid, const Snapshot& snapshot) const {
  if (!tid_in_range(tid)) return std::nullopt;
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Shared);
  Page page = guard.page();
  if (!page.has_item(tid.offset)) return std::nullopt;
  HeapTupleHeader header(page.item(tid.offset));
  bool hints_changed = false;
  bool visible = visibility_.is_visible(header, snapshot, hints_changed);
  if (hints_changed) guard.mark_dirty_hint();
  if (!visible) return std::nullopt;
  std::vector<Value> row;
  codec_.decode(header.data(), header.null_bitmap(), header.natts(), row);
  return row;
}

DirtyCheck HeapTable::check_dirty(TupleId tid, TransactionId own_xid) const {
  if (!tid_in_range(tid)) return {};
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Shared);
  Page page = guard.page();
  if (!page.has_item(tid.offset)) return {};
  HeapTupleHeader header(page.item(tid.offset));
  bool hints_changed = false;
  DirtyCheck check = visibility_.check_dirty(header, own_xid, hints_changed);
  if (hints_changed) guard.mark_dirty_hint();
  return check;
}

HeapTable::ModifyResult HeapTable::check_modifiable(PageGuard& guard, TupleId tid,
                                                    TransactionId xid, CommandId cid,
                                                    const Snapshot& snapshot) {
  Page page = guard.page();
  if (!page.has_item(tid.offset)) return {ModifyStatus::Invisible, kInvalidTransactionId, {}};
  HeapTupleHeader header(page.item(tid.offset));
  bool hints_changed = false;
  UpdateCheck check = visibility_.check_update(header, tid, xid, cid, hints_changed);
  if (check == UpdateCheck::Ok && header.xmin() != xid &&
      !visibility_.is_visible(header, snapshot, hints_changed)) {
    check = UpdateCheck::Updated;  // PostgreSQL's crosscheck-snapshot failure
  }
  if (hints_changed) guard.mark_dirty_hint();
  switch (check) {
    case UpdateCheck::Ok: return {ModifyStatus::Ok, kInvalidTransactionId, {}};
    case UpdateCheck::Invisible: return {ModifyStatus::Invisible, kInvalidTransactionId, {}};
    case UpdateCheck::SelfModified: return {ModifyStatus::SelfModified, xid, header.ctid()};
    case UpdateCheck::Updated:
      return {ModifyStatus::Updated,
              header.xmax() != kInvalidTransactionId ? header.xmax() : header.xmin(),
              header.ctid()};
    case UpdateCheck::Deleted: return {ModifyStatus::Deleted, header.xmax(), {}};
    case UpdateCheck::BeingModified:
      return {ModifyStatus::BeingModified, header.xmax(), header.ctid()};
  }
  return {ModifyStatus::Invisible, kInvalidTransactionId, {}};
}

HeapTable::ModifyResult HeapTable::remove(TupleId tid, TransactionId xid, CommandId cid,
                                          const Snapshot& snapshot) {
  if (!tid_in_range(tid)) return {ModifyStatus::Invisible, kInvalidTransactionId, {}};
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
  ModifyResult result = check_modifiable(guard, tid, xid, cid, snapshot);
  if (result.status != ModifyStatus::Ok) return result;
  HeapTupleHeader(guard.page().item(tid.offset)).set_deleted(xid, cid, tid);
  guard.mark_dirty();
  written_.record(xid, relfilenode_);
  return result;
}

void HeapTable::abort_speculative_insert(TupleId tid, TransactionId xid, CommandId cid) {
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
  HeapTupleHeader(guard.page().item(tid.offset)).set_deleted(xid, cid, tid);
  guard.mark_dirty();
  written_.record(xid, relfilenode_);
}

void HeapTable::latch_for_update(TupleId tid, size_t size, PageGuard& old_page,
                                 PageGuard& target) {
  for (;;) {
    target = page_with_room(size);
    if (target.block() == tid.block) {
      old_page = std::move(target);
      return;
    }
    if (target.block() < tid.block) {
      old_page = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
      return;
    }
    // Latches are taken in block order, so the later target page is latched again after the
    // old page, and may meanwhile have been filled by someone else.
    BlockNumber target_block = target.block();
    target.release();
    old_page = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
    target = pool_.read_page(relfilenode_, target_block, LatchMode::Exclusive);
    if (has_room(target, size)) return;
    target.release();
    old_page.release();
  }
}

void HeapTable::link_versions(PageGuard& old_page, TupleId old_tid, TupleId new_tid,
                              TransactionId xid, CommandId cid) {
  HeapTupleHeader(old_page.page().item(old_tid.offset)).set_deleted(xid, cid, new_tid);
  old_page.mark_dirty();
  written_.record(xid, relfilenode_);
}

HeapTable::ModifyResult HeapTable::update(TupleId tid, std::span<const Value> new_row,
                                          TransactionId xid, CommandId cid,
                                          const Snapshot& snapshot) {
  if (!tid_in_range(tid)) return {ModifyStatus::Invisible, kInvalidTransactionId, {}};
  std::vector<std::byte> tuple = build_tuple(new_row, xid, cid);
  HeapTupleHeader(tuple).set_infomask_flags(disk::kHeapUpdated);

  // Most updates fit on the old version's page; try that with a single latch first.
  PageGuard old_page = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
  ModifyResult result = check_modifiable(old_page, tid, xid, cid, snapshot);
  if (result.status != ModifyStatus::Ok) return result;
  PageGuard target;
  if (!has_room(old_page, tuple.size())) {
    old_page.release();
    latch_for_update(tid, tuple.size(), old_page, target);
    result = check_modifiable(old_page, tid, xid, cid, snapshot);
    if (result.status != ModifyStatus::Ok) return result;
  }
  TupleId new_tid = place(target ? target : old_page, tuple);
  link_versions(old_page, tid, new_tid, xid, cid);
  result.new_tid = new_tid;
  return result;
}

void HeapTable::scan_live_versions(TransactionId own_xid, const VersionVisitor& visit) const {
  BlockNumber count = page_count();
  std::vector<Value> row;
  for (BlockNumber block = 0; block < count; ++block) {
    PageGuard guard = pool_.read_page(relfilenode_, block, LatchMode::Shared);
    Page page = guard.page();
    bool hints_changed = false;
    for (OffsetNumber offset = 1; offset <= page.item_count(); ++offset) {
      if (!page.has_item(offset)) continue;
      HeapTupleHeader header(page.item(offset));
      if (!visibility_.is_live_or_pending(header, own_xid, hints_changed)) continue;
      codec_.decode(header.data(), header.null_bitmap(), header.natts(), row);
      visit(TupleId{block, offset}, VersionStamp::of(header), row);
    }
    if (hints_changed) guard.mark_dirty_hint();
  }
}

std::optional<std::vector<Value>> HeapTable::read_any(TupleId tid) const {
  if (!tid_in_range(tid)) return std::nullopt;
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Shared);
  Page page = guard.page();
  if (!page.has_item(tid.offset)) return std::nullopt;
  HeapTupleHeader header(page.item(tid.offset));
  std::vector<Value> row;
  codec_.decode(header.data(), header.null_bitmap(), header.natts(), row);
  return row;
}

void HeapTable::overwrite(TupleId tid, std::span<const Value> row) {
  if (!tid_in_range(tid)) {
    throw SqlError(sqlstate::kDataCorrupted, "missing tuple " + tid.to_string() + " in " +
                                                 RelationFiles::relative_path(relfilenode_));
  }
  PageGuard guard = pool_.read_page(relfilenode_, tid.block, LatchMode::Exclusive);
  Page page = guard.page();
  if (!page.has_item(tid.offset)) {
    throw SqlError(sqlstate::kDataCorrupted, "missing tuple " + tid.to_string() + " in " +
                                                 RelationFiles::relative_path(relfilenode_));
  }
  HeapTupleHeader header(page.item(tid.offset));
  if (TupleCodec::has_nulls(row) || header.has_nulls() ||
      codec_.data_size(row) != header.data().size()) {
    throw SqlError(sqlstate::kInternalError, "in-place overwrite needs a row of the same size");
  }
  codec_.encode(row, header.data(), {});
  guard.mark_dirty();
}

}  // namespace chalkdb
