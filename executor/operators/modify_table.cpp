#include "executor/operators/modify_table.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"

namespace chalkdb {

namespace {

TupleId tid_of(const Value& v) {
  auto raw = static_cast<uint64_t>(v.as_int());
  return TupleId{static_cast<BlockNumber>(raw >> 16), static_cast<uint16_t>(raw & 0xffff)};
}

}  // namespace

void ModifyTable::open() {
  count_loop();
  heap_ = &context_.catalog.heap(*node_.table);
  checks_.emplace(node_.table, context_);
  foreign_keys_.emplace(node_.table, context_);
  indexes_.emplace(context_, *node_.table, *heap_);
  affected_ = 0;
  written_.clear();
  // DELETE without RETURNING reads only the row id; otherwise it follows the table row.
  bool row_id_only = node_.modify_kind == ModifyKind::Delete && node_.projection.empty();
  row_id_slot_ = row_id_only ? 0 : node_.table->columns.size();
  done_ = false;
  returned_.clear();
  next_returned_ = 0;
  input_->open();
}

void ModifyTable::produce(RowBatch& out) {
  if (!done_) {
    modify_all();
    done_ = true;
  }
  while (next_returned_ < returned_.size() && out.size() < kBatchSize)
    out.push_back(std::move(returned_[next_returned_++]));
}

void ModifyTable::modify_all() {
  RowBatch batch;
  bool returning = !node_.projection.empty();
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) {
      bool changed = false;
      switch (node_.modify_kind) {
        case ModifyKind::Insert: changed = insert(row); break;
        case ModifyKind::Update: changed = update(row); break;
        case ModifyKind::Delete: changed = remove(row); break;
      }
      if (!changed) continue;
      ++affected_;
      if (returning) emit(std::move(row), returned_);
    }
  }
  foreign_keys_->finish();
}

void ModifyTable::check_not_null(const Row& row) const {
  const auto& columns = node_.table->columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].not_null || !row[i].is_null()) continue;
    throw SqlError(sqlstate::kNotNullViolation,
                   fmt::format("null value in column \"{}\" of relation \"{}\" violates not-null "
                               "constraint",
                               columns[i].name, node_.table->name))
        .with_detail(failing_row_detail(row, columns.size()))
        .with_table(node_.table->schema, node_.table->name)
        .with_column(columns[i].name);
  }
}

bool ModifyTable::insert(Row& row) {
  if (!node_.new_row.empty()) {
    Row computed;
    computed.reserve(node_.new_row.size());
    for (const auto& expr : node_.new_row) computed.push_back(evaluate(*expr, row, context_));
    row = std::move(computed);
  }
  check_not_null(row);
  checks_->check(row);
  if (node_.on_conflict != OnConflictAction::None) return insert_on_conflict(row);
  TupleId tid = heap_->insert(row, context_.write_xid(), context_.transaction.command_id());
  indexes_->insert_entries(row, tid);
  foreign_keys_->row_inserted(row);
  return true;
}

template <typename Modify>
bool ModifyTable::modify_row(TupleId tid, Modify&& modify) {
  using Status = HeapTable::ModifyStatus;
  for (;;) {
    auto result = modify(tid);
    switch (result.status) {
      case Status::Ok: return true;
      case Status::Invisible:
      case Status::SelfModified:
      case Status::Deleted: return false;  // already gone, or changed by this very statement
      case Status::BeingModified:
        context_.transactions.wait_for(result.other_xid);
        context_.check_for_cancel();
        continue;
      case Status::Updated:
        throw SqlError(sqlstate::kSerializationFailure,
                       "could not serialize access due to concurrent update");
    }
  }
}

bool ModifyTable::update(Row& row) {
  TupleId tid = tid_of(row[row_id_slot_]);
  Row new_version(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(row_id_slot_));
  check_not_null(new_version);
  checks_->check(new_version);
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  Row old_version = old_row(tid);
  TupleId new_tid;
  auto update_version = [&](TupleId t) {
    auto result = heap_->update(t, new_version, xid, cid, context_.snapshot);
    new_tid = result.new_tid;
    return result;
  };
  if (!modify_row(tid, update_version)) return false;
  indexes_->insert_entries(new_version, new_tid);
  foreign_keys_->row_updated(old_version, new_version);
  return true;
}

bool ModifyTable::remove(const Row& row) {
  TupleId tid = tid_of(row[row_id_slot_]);
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  Row old_version = old_row(tid);
  if (!modify_row(tid, [&](TupleId t) { return heap_->remove(t, xid, cid, context_.snapshot); }))
    return false;
  foreign_keys_->row_deleted(old_version);
  return true;
}

Row ModifyTable::old_row(TupleId tid) const {
  if (!foreign_keys_->referenced()) return {};
  auto row = heap_->fetch(tid, context_.snapshot);
  return row ? std::move(*row) : Row{};
}

}  // namespace chalkdb
