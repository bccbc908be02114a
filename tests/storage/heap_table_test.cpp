#include "storage/heap/heap_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "sql/error/sql_error.h"
#include "storage/buffer/buffer_usage.h"
#include "storage/file/posix_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using Status = HeapTable::ModifyStatus;

class HeapTableTest : public ::testing::Test {
 protected:
  static constexpr Oid kRelation = 16384;

  HeapTableTest() {
    std::filesystem::create_directories(dir_.path() / "base");
    files_.create(kRelation);
  }

  HeapTable make_table(size_t frames_unused = 0) {
    (void)frames_unused;
    return HeapTable(pool_, clog_, written_, kRelation,
                     {DataType{TypeId::Int4, -1}, DataType{TypeId::Text, -1}});
  }

  // A snapshot of transaction `own` at command `cid`, taken while `running` were running and
  // before `next` was assigned.
  static Snapshot snapshot(TransactionId own, CommandId cid, std::vector<TransactionId> running,
                           TransactionId next) {
    Snapshot s;
    s.xmax = next;
    s.in_progress = std::move(running);
    s.xmin = s.in_progress.empty() ? next : s.in_progress.front();
    s.own_xid = own;
    s.command_id = cid;
    return s;
  }
  // A snapshot taken after everything up to `next` finished.
  static Snapshot later(TransactionId next) { return snapshot(0, 0, {}, next); }

  void commit(TransactionId xid) {
    clog_.set_committed(xid);
    clog_.flush();
  }

  static std::vector<Value> row(int32_t id, std::string text) {
    return {Value::int4(id), Value::text(std::move(text))};
  }

  static std::vector<int64_t> ids(HeapTable& table, const Snapshot& s) {
    std::vector<int64_t> result;
    HeapTable::Scan scan = table.scan(s);
    std::vector<std::vector<Value>> rows;
    std::vector<TupleId> tids;
    while (scan.next_batch(rows, tids, 100) > 0) {
      for (const auto& r : rows) result.push_back(r[0].as_int());
    }
    return result;
  }

  uint16_t infomask(TupleId tid) {
    PageGuard guard = pool_.read_page(kRelation, tid.block);
    return HeapTupleHeader(guard.page().item(tid.offset)).infomask();
  }

  testing::TempDirectory dir_;
  PosixFileSystem fs_;
  RelationFiles files_{fs_, dir_.path()};
  BufferPool pool_{files_, 16};
  CommitLog clog_{fs_, dir_.path() / "pg_xact"};
  WrittenRelations written_;
};

TEST_F(HeapTableTest, OwnInsertIsVisibleFromTheNextCommandOnly) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  EXPECT_EQ(tid, (TupleId{0, 1}));
  EXPECT_EQ(tid.to_string(), "(0,1)");
  EXPECT_TRUE(ids(table, snapshot(10, 0, {10}, 11)).empty());
  EXPECT_EQ(ids(table, snapshot(10, 1, {10}, 11)), std::vector<int64_t>{1});
  // Other transactions see it as in progress.
  EXPECT_TRUE(ids(table, snapshot(0, 0, {10}, 11)).empty());
  EXPECT_EQ(written_.take(10), std::vector<Oid>{kRelation});
}

TEST_F(HeapTableTest, CommittedInsertIsVisibleAndGetsAHintBit) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  commit(10);
  EXPECT_EQ(infomask(tid) & disk::kHeapXminCommitted, 0);
  EXPECT_EQ(ids(table, later(11)), std::vector<int64_t>{1});
  EXPECT_NE(infomask(tid) & disk::kHeapXminCommitted, 0);
}

TEST_F(HeapTableTest, SnapshotTakenWhileRunningDoesNotSeeTheLaterCommit) {
  HeapTable table = make_table();
  table.insert(row(1, "one"), 10, 0);
  Snapshot before_commit = snapshot(0, 0, {10}, 11);
  commit(10);
  EXPECT_TRUE(ids(table, before_commit).empty());
  EXPECT_EQ(ids(table, later(11)).size(), 1u);
  // Also with the hint bit already set by the later reader.
  EXPECT_TRUE(ids(table, before_commit).empty());
  // A transaction that started after the snapshot is invisible to it (xid >= xmax).
  table.insert(row(2, "two"), 12, 0);
  commit(12);
  EXPECT_EQ(ids(table, later(12)), std::vector<int64_t>{1});
}

TEST_F(HeapTableTest, AbortedInsertIsNeverVisible) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  clog_.set_aborted(10);
  EXPECT_TRUE(ids(table, later(11)).empty());
  EXPECT_NE(infomask(tid) & disk::kHeapXminInvalid, 0);
}

TEST_F(HeapTableTest, UnfinishedTransactionOfAnEarlierRunIsInvisible) {
  HeapTable table = make_table();
  table.insert(row(1, "crashed"), 10, 0);  // no commit record, not running any more
  EXPECT_TRUE(ids(table, later(20)).empty());
}

TEST_F(HeapTableTest, InsertSelectDoesNotSeeItsOwnRows) {
  HeapTable table = make_table();
  for (int i = 0; i < 300; ++i) table.insert(row(i, "original"), 10, 0);
  // Next command: INSERT INTO t SELECT * FROM t, scanning and inserting as command 1.
  Snapshot s = snapshot(10, 1, {10}, 11);
  HeapTable::Scan scan = table.scan(s);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  size_t copied = 0;
  while (scan.next_batch(rows, tids, 64) > 0) {
    for (const auto& r : rows) {
      table.insert(r, 10, 1);
      ++copied;
    }
  }
  EXPECT_EQ(copied, 300u);
  EXPECT_EQ(ids(table, snapshot(10, 2, {10}, 11)).size(), 600u);
}

TEST_F(HeapTableTest, BatchesFillUpToTheLimitAcrossPages) {
  HeapTable table = make_table();
  for (int i = 0; i < 500; ++i) table.insert(row(i, std::string(40, 'x')), 10, 0);
  commit(10);
  ASSERT_GT(table.page_count(), 2u);
  HeapTable::Scan scan = table.scan(later(11));
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  std::vector<size_t> sizes;
  int64_t expected = 0;
  while (size_t n = scan.next_batch(rows, tids, 128)) {
    sizes.push_back(n);
    ASSERT_EQ(rows.size(), n);
    ASSERT_EQ(tids.size(), n);
    for (const auto& r : rows) EXPECT_EQ(r[0].as_int(), expected++);
  }
  EXPECT_EQ(sizes, (std::vector<size_t>{128, 128, 128, 116}));
  EXPECT_EQ(scan.next_batch(rows, tids, 128), 0u);
}

TEST_F(HeapTableTest, FetchHonoursVisibility) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(5, "five"), 10, 0);
  EXPECT_FALSE(table.fetch(tid, later(11)));
  commit(10);
  auto fetched = table.fetch(tid, later(11));
  ASSERT_TRUE(fetched);
  EXPECT_EQ((*fetched)[1].as_text(), "five");
  EXPECT_FALSE(table.fetch(TupleId{0, 2}, later(11)));
  EXPECT_FALSE(table.fetch(TupleId{99, 1}, later(11)));
}

TEST_F(HeapTableTest, DeleteIsVisibleToLaterCommandsAndAfterCommit) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  commit(10);
  Snapshot s = snapshot(11, 0, {11}, 12);
  EXPECT_EQ(table.remove(tid, 11, 0, s).status, Status::Ok);
  EXPECT_EQ(ids(table, snapshot(11, 0, {11}, 12)).size(), 1u);  // same command still sees it
  EXPECT_TRUE(ids(table, snapshot(11, 1, {11}, 12)).empty());
  EXPECT_EQ(ids(table, snapshot(0, 0, {11}, 12)).size(), 1u);  // others: not yet committed
  commit(11);
  EXPECT_TRUE(ids(table, later(12)).empty());
}

TEST_F(HeapTableTest, DeleteOfAnAbortedDeleteSucceeds) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  commit(10);
  EXPECT_EQ(table.remove(tid, 11, 0, later(11)).status, Status::Ok);
  clog_.set_aborted(11);
  EXPECT_EQ(ids(table, later(12)).size(), 1u);
  EXPECT_EQ(table.remove(tid, 12, 0, later(12)).status, Status::Ok);
}

TEST_F(HeapTableTest, ModifyStatusesReportTheOtherTransaction) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  commit(10);
  Snapshot s11 = snapshot(11, 0, {11}, 13);
  Snapshot s12 = snapshot(12, 0, {11, 12}, 13);
  HeapTable::ModifyResult first = table.update(tid, row(1, "uno"), 11, 0, s11);
  ASSERT_EQ(first.status, Status::Ok);
  EXPECT_EQ(first.new_tid, (TupleId{0, 2}));

  // Transaction 12 meets the version while 11 is still running: it must wait for 11.
  HeapTable::ModifyResult busy = table.remove(tid, 12, 0, s12);
  EXPECT_EQ(busy.status, Status::BeingModified);
  EXPECT_EQ(busy.other_xid, 11u);

  // Same transaction, same command: already modified by this command.
  EXPECT_EQ(table.remove(tid, 11, 0, s11).status, Status::SelfModified);
  // A later command of 11 no longer sees the old version.
  EXPECT_EQ(table.remove(tid, 11, 1, snapshot(11, 1, {11}, 13)).status, Status::Invisible);

  commit(11);
  HeapTable::ModifyResult updated = table.remove(tid, 12, 0, s12);
  EXPECT_EQ(updated.status, Status::Updated);
  EXPECT_EQ(updated.other_xid, 11u);
  EXPECT_EQ(updated.new_tid, first.new_tid);  // follow the ctid chain to the new version

  // After a committed delete the status is Deleted.
  Snapshot s14 = snapshot(14, 0, {14}, 15);
  ASSERT_EQ(table.remove(first.new_tid, 14, 0, s14).status, Status::Ok);
  commit(14);
  HeapTable::ModifyResult deleted = table.remove(first.new_tid, 15, 0, later(15));
  EXPECT_EQ(deleted.status, Status::Deleted);
  EXPECT_EQ(deleted.other_xid, 14u);
}

TEST_F(HeapTableTest, RepeatableReadCrosscheckReportsConcurrentUpdate) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "one"), 10, 0);
  commit(10);
  Snapshot old_snapshot = snapshot(12, 0, {11, 12}, 13);
  HeapTable::ModifyResult update = table.update(tid, row(1, "new"), 11, 0, snapshot(11, 0, {11, 12}, 13));
  ASSERT_EQ(update.status, Status::Ok);
  commit(11);
  // 12 follows the chain to the new version, which its snapshot does not see.
  HeapTable::ModifyResult result = table.remove(update.new_tid, 12, 0, old_snapshot);
  EXPECT_EQ(result.status, Status::Updated);
  // With a fresh snapshot (READ COMMITTED re-check) the new version can be deleted.
  EXPECT_EQ(table.remove(update.new_tid, 12, 0, snapshot(12, 0, {12}, 13)).status, Status::Ok);
}

TEST_F(HeapTableTest, UpdateWritesANewVersionAndLinksTheOld) {
  HeapTable table = make_table();
  TupleId tid = table.insert(row(1, "before"), 10, 0);
  commit(10);
  Snapshot old_reader = snapshot(0, 0, {11}, 12);
  HeapTable::ModifyResult result = table.update(tid, row(1, "after"), 11, 0, later(11));
  ASSERT_EQ(result.status, Status::Ok);
  commit(11);
  EXPECT_EQ((*table.fetch(tid, old_reader))[1].as_text(), "before");
  EXPECT_FALSE(table.fetch(tid, later(12)));
  EXPECT_EQ((*table.fetch(result.new_tid, later(12)))[1].as_text(), "after");
  PageGuard guard = pool_.read_page(kRelation, tid.block);
  HeapTupleHeader old_header(guard.page().item(tid.offset));
  EXPECT_EQ(old_header.ctid(), result.new_tid);
  EXPECT_EQ(old_header.xmax(), 11u);
  HeapTupleHeader new_header(guard.page().item(result.new_tid.offset));
  EXPECT_NE(new_header.infomask() & disk::kHeapUpdated, 0);
  EXPECT_EQ(new_header.ctid(), result.new_tid);
}

TEST_F(HeapTableTest, UpdateMovesToAnotherPageWhenTheOldOneIsFull) {
  HeapTable table = make_table();
  std::vector<TupleId> tids;
  while (table.page_count() < 2) tids.push_back(table.insert(row(0, std::string(500, 'a')), 10, 0));
  commit(10);
  TupleId first = tids.front();
  ASSERT_EQ(first.block, 0u);
  HeapTable::ModifyResult result =
      table.update(first, row(42, std::string(1000, 'b')), 11, 0, later(11));
  ASSERT_EQ(result.status, Status::Ok);
  EXPECT_NE(result.new_tid.block, 0u);
  commit(11);
  auto fetched = table.fetch(result.new_tid, later(12));
  ASSERT_TRUE(fetched);
  EXPECT_EQ((*fetched)[0].as_int(), 42);
  EXPECT_EQ(ids(table, later(12)).size(), tids.size());
}

TEST_F(HeapTableTest, RowTooBigIsAClearError) {
  HeapTable table = make_table();
  try {
    table.insert(row(1, std::string(9000, 'x')), 10, 0);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kProgramLimitExceeded);
    // 40-byte header, int4 at 0, 4-byte varlena header at 4, 9000 bytes.
    EXPECT_EQ(e.message, "row is too big: size 9048, maximum size 8160");
  }
  EXPECT_EQ(table.page_count(), 0u);
  // The largest row that fits does fit.
  table.insert(row(1, std::string(8160 - 40 - 8, 'x')), 10, 0);
  EXPECT_EQ(table.page_count(), 1u);
}

TEST_F(HeapTableTest, TableFarBiggerThanATinyPool) {
  BufferPool tiny(files_, 4);
  HeapTable table(tiny, clog_, written_, kRelation,
                  {DataType{TypeId::Int4, -1}, DataType{TypeId::Text, -1}});
  constexpr int kRows = 5000;
  for (int i = 0; i < kRows; ++i) table.insert(row(i, "row " + std::to_string(i)), 10, 0);
  commit(10);
  EXPECT_GT(table.page_count(), 20u);
  std::vector<int64_t> seen = ids(table, later(11));
  ASSERT_EQ(seen.size(), static_cast<size_t>(kRows));
  for (int i = 0; i < kRows; ++i) ASSERT_EQ(seen[i], i);
  EXPECT_GT(tiny.stats().reads, 20u);
}

TEST_F(HeapTableTest, ConcurrentInsertersAndReadersOnATinyPool) {
  BufferPool tiny(files_, 6);
  HeapTable table(tiny, clog_, written_, kRelation,
                  {DataType{TypeId::Int4, -1}, DataType{TypeId::Text, -1}});
  constexpr int kPerThread = 1500;
  auto inserter = [&](TransactionId xid, int base) {
    for (int i = 0; i < kPerThread; ++i) table.insert(row(base + i, "r"), xid, 0);
    commit(xid);
  };
  std::thread first(inserter, 10, 0);
  std::thread second(inserter, 11, kPerThread);
  std::thread reader([&] {
    for (int i = 0; i < 20; ++i) {
      size_t seen = ids(table, later(12)).size();
      ASSERT_LE(seen, 2u * kPerThread);
    }
  });
  first.join();
  second.join();
  reader.join();
  std::vector<int64_t> seen = ids(table, later(12));
  std::sort(seen.begin(), seen.end());
  ASSERT_EQ(seen.size(), 2u * kPerThread);
  for (int i = 0; i < 2 * kPerThread; ++i) ASSERT_EQ(seen[i], i);
}

TEST_F(HeapTableTest, WrongColumnCountIsAnError) {
  HeapTable table = make_table();
  std::vector<Value> short_row = {Value::int4(1)};
  EXPECT_THROW(table.insert(short_row, 10, 0), SqlError);
}

TEST_F(HeapTableTest, InsertReusesAnEarlierPageWithRoom) {
  HeapTable table = make_table();
  EXPECT_EQ(table.insert(row(1, std::string(5000, 'a')), 10, 0).block, 0u);
  EXPECT_EQ(table.insert(row(2, std::string(6000, 'b')), 10, 0).block, 1u);
  // Page 1 (the last) has ~2100 bytes left, page 0 ~3100: the map finds page 0.
  EXPECT_EQ(table.insert(row(3, std::string(2500, 'c')), 10, 0).block, 0u);
  EXPECT_EQ(table.page_count(), 2u);
  EXPECT_EQ(table.insert(row(4, std::string(2000, 'd')), 10, 0).block, 1u);
  EXPECT_EQ(table.page_count(), 2u);
  EXPECT_EQ(table.insert(row(5, std::string(2000, 'e')), 10, 0).block, 2u);
}

TEST_F(HeapTableTest, InsertDoesNotReadTheFileToFindRoom) {
  HeapTable table = make_table();
  for (int i = 0; i < 2000; ++i) table.insert(row(i, std::string(100, 'x')), 10, 0);
  ASSERT_GT(table.page_count(), 20u);
  BufferUsage before = thread_buffer_usage();
  table.insert(row(1, "one"), 10, 1);
  BufferUsage used = thread_buffer_usage() - before;
  EXPECT_EQ(used.shared_hit + used.shared_read, 1u);
}

TEST_F(HeapTableTest, AfterAReopenTheLastPageIsFilledFirstAndScansReportPages) {
  {
    HeapTable table = make_table();
    table.insert(row(1, std::string(5000, 'a')), 10, 0);
    table.insert(row(2, std::string(6000, 'b')), 10, 0);
    commit(10);
  }
  HeapTable reopened = make_table();
  EXPECT_EQ(reopened.insert(row(3, std::string(100, 'c')), 11, 0).block, 1u);
  // Page 0 is unknown to the new map until a scan passes over it.
  EXPECT_EQ(reopened.insert(row(4, std::string(2500, 'd')), 11, 0).block, 2u);
  EXPECT_EQ(reopened.insert(row(5, std::string(5500, 'e')), 11, 0).block, 2u);  // fills page 2
  EXPECT_EQ(ids(reopened, snapshot(11, 1, {11}, 12)).size(), 5u);
  EXPECT_GT(reopened.free_space_map().recorded_free(0), 3000u);
  EXPECT_EQ(reopened.insert(row(6, std::string(2500, 'f')), 11, 1).block, 0u);
}

TEST_F(HeapTableTest, TuplesWithVarlenaValuesAreMarkedVarWidth) {
  HeapTable table = make_table();
  TupleId with_text = table.insert(row(1, "one"), 10, 0);
  std::vector<Value> null_row = {Value::int4(2), Value::null(TypeId::Text)};
  TupleId with_null = table.insert(null_row, 10, 0);
  EXPECT_EQ(infomask(with_text), disk::kHeapXmaxInvalid | disk::kHeapHasVarWidth);
  EXPECT_EQ(infomask(with_null), disk::kHeapXmaxInvalid | disk::kHeapHasNull);
}

}  // namespace
}  // namespace chalkdb
