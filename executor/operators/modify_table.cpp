#include "executor/operators/modify_table.h"

#include <fmt/format.h>

#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"

namespace chalkdb {

namespace {

TupleId tid_of(const Value& v) {
  auto raw = static_cast<uint64_t>(v.as_int());
  return TupleId{static_cast<BlockNumber>(raw >> 16), static_cast<uint16_t>(raw & 0xffff)};
}

std::string failing_row(const Row& row, size_t columns) {
  std::string text = "Failing row contains (";
  for (size_t i = 0; i < columns; ++i) {
    if (i) text += ", ";
    text += row[i].is_null() ? "null" : format_value(row[i]);
  }
  return text + ").";
}

}  // namespace

void ModifyTable::open() {
  count_loop();
  heap_ = &context_.catalog.heap(*node_.table);
  indexes_.emplace(context_, *node_.table, *heap_);
  affected_ = 0;
  input_->open();
}

void ModifyTable::produce(RowBatch&) {
  RowBatch batch;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) {
      switch (node_.modify_kind) {
        case ModifyKind::Insert: insert(row); break;
        case ModifyKind::Update: update(row); break;
        case ModifyKind::Delete: remove(row); break;
      }
    }
  }
}

void ModifyTable::check_not_null(const Row& row) const {
  const auto& columns = node_.table->columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].not_null || !row[i].is_null()) continue;
    throw SqlError(sqlstate::kNotNullViolation,
                   fmt::format("null value in column \"{}\" of relation \"{}\" violates not-null "
                               "constraint",
                               columns[i].name, node_.table->name))
        .with_detail(failing_row(row, columns.size()))
        .with_table(node_.table->schema, node_.table->name)
        .with_column(columns[i].name);
  }
}

void ModifyTable::insert(Row& row) {
  if (!node_.new_row.empty()) {
    Row computed;
    computed.reserve(node_.new_row.size());
    for (const auto& expr : node_.new_row) computed.push_back(evaluate(*expr, row, context_));
    row = std::move(computed);
  }
  check_not_null(row);
  if (node_.on_conflict == OnConflictAction::Nothing &&
      indexes_->find_conflict(row, node_.arbiter_indexes))
    return;  // DO NOTHING
  TupleId tid = heap_->insert(row, context_.write_xid(), context_.transaction.command_id());
  indexes_->insert_entries(row, tid);
  ++affected_;
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

void ModifyTable::update(Row& row) {
  TupleId tid = tid_of(row.back());
  row.pop_back();
  check_not_null(row);
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  TupleId new_tid;
  auto update_version = [&](TupleId t) {
    auto result = heap_->update(t, row, xid, cid, context_.snapshot);
    new_tid = result.new_tid;
    return result;
  };
  if (!modify_row(tid, update_version)) return;
  indexes_->insert_entries(row, new_tid);
  ++affected_;
}

void ModifyTable::remove(const Row& row) {
  TupleId tid = tid_of(row.back());
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  if (modify_row(tid, [&](TupleId t) { return heap_->remove(t, xid, cid, context_.snapshot); }))
    ++affected_;
}

}  // namespace chalkdb
