// ModifyTable's INSERT ... ON CONFLICT (PostgreSQL's ExecInsert with speculative insertion
// and ExecOnConflictUpdate).
//
// A proposed row is first checked against the arbiter indexes (waiting for an in-progress
// inserter of the same key). Without a conflict it is inserted speculatively: its heap
// version is written, then its arbiter index entries, whose unique check may find a row
// another transaction committed in between; the version is then killed and the row starts
// over, so two sessions upserting one key serialize instead of failing with 23505. With a
// conflict, DO NOTHING skips the row and DO UPDATE computes the new version from the
// existing row and EXCLUDED and updates the existing version. That version must still be the
// newest: if another transaction is changing it the update waits for it and starts over (READ
// COMMITTED; the crosscheck snapshot is then a fresh one, as PostgreSQL locks the newest
// version whatever the statement's snapshot), REPEATABLE READ and SERIALIZABLE fail with 40001
// when the row is not in their snapshot. Unlike PostgreSQL the existing row is not locked
// when the update's WHERE rejects it, and a killed speculative version makes waiters wait
// for the end of its transaction (PostgreSQL releases them at once).
#include <fmt/format.h>

#include "executor/expression_evaluator.h"
#include "executor/operators/modify_table.h"
#include "sql/error/sql_error.h"

namespace chalkdb {

bool ModifyTable::insert_on_conflict(Row& row) {
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  for (;;) {
    context_.check_for_cancel();
    if (std::optional<TupleId> conflict = indexes_->find_conflict(row, node_.arbiter_indexes)) {
      if (node_.on_conflict == OnConflictAction::Nothing) return false;
      if (std::optional<bool> updated = update_conflicting(*conflict, row)) return *updated;
      continue;
    }
    TupleId tid = heap_->insert(row, xid, cid);
    if (indexes_->insert_entries_speculative(row, tid, node_.arbiter_indexes)) {
      if (node_.on_conflict == OnConflictAction::Update) written_.insert(tid);
      foreign_keys_->row_inserted(row);
      return true;
    }
    heap_->abort_speculative_insert(tid, xid, cid);
  }
}

std::optional<bool> ModifyTable::update_conflicting(TupleId tid, Row& row) {
  if (written_.contains(tid)) throw_second_update();
  Snapshot crosscheck = context_.transactions.snapshot(context_.transaction);
  std::optional<Row> existing = heap_->fetch(tid, crosscheck);
  if (!existing) {
    // Changed since the index said it was live: under READ COMMITTED look again; a
    // transaction snapshot that does not see it cannot update it (ExecCheckTupleVisible).
    if (context_.transaction.uses_transaction_snapshot()) {
      throw SqlError(sqlstate::kSerializationFailure,
                     "could not serialize access due to concurrent update");
    }
    return std::nullopt;
  }
  Row both = *existing;
  both.insert(both.end(), row.begin(), row.end());
  if (node_.conflict_filter && !evaluate_condition(*node_.conflict_filter, both, context_)) return false;
  Row new_version;
  new_version.reserve(node_.conflict_update_row.size());
  for (const auto& expr : node_.conflict_update_row) new_version.push_back(evaluate(*expr, both, context_));
  check_not_null(new_version);
  checks_->check(new_version);
  if (!update_conflicting_version(tid, *existing, new_version, crosscheck)) return std::nullopt;
  row = std::move(new_version);
  return true;
}

bool ModifyTable::update_conflicting_version(TupleId tid, const Row& existing, Row& new_version,
                                             const Snapshot& crosscheck) {
  using Status = HeapTable::ModifyStatus;
  TransactionId xid = context_.write_xid();
  CommandId cid = context_.transaction.command_id();
  auto result = heap_->update(tid, new_version, xid, cid, crosscheck);
  switch (result.status) {
    case Status::Ok: break;
    case Status::SelfModified: throw_second_update();
    case Status::BeingModified:
      context_.transactions.wait_for(result.other_xid);
      return false;
    case Status::Invisible: return false;
    case Status::Updated:
    case Status::Deleted:
      if (context_.transaction.uses_transaction_snapshot()) {
        throw SqlError(sqlstate::kSerializationFailure,
                       "could not serialize access due to concurrent update");
      }
      return false;
  }
  written_.insert(result.new_tid);
  indexes_->insert_entries(new_version, result.new_tid);
  foreign_keys_->row_updated(existing, new_version);
  return true;
}

void ModifyTable::throw_second_update() const {
  throw SqlError(sqlstate::kCardinalityViolation,
                 "ON CONFLICT DO UPDATE command cannot affect row a second time")
      .with_hint("Ensure that no rows proposed for insertion within the same command have "
                 "duplicate constrained values.");
}

}  // namespace chalkdb
