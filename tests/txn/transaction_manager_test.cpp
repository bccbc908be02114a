#include "txn/transaction_manager.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "sql/error/sql_error.h"
#include "tests/storage/memory_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using namespace std::chrono_literals;

TableDefinition items_table() {
  TableDefinition definition;
  definition.name = "items";
  definition.columns = {{"id", DataType{TypeId::Int4, -1}, 0, true, std::nullopt},
                        {"name", DataType{TypeId::Text, -1}, 0, false, std::nullopt}};
  return definition;
}

class TransactionManagerTest : public ::testing::Test {
 protected:
  void open(std::shared_ptr<testing::MemoryFileSystem::Disk> disk) {
    manager_.reset();
    storage_.reset();
    storage_ = StorageEngine::open("data", 16, std::make_unique<testing::MemoryFileSystem>(disk));
    manager_ = std::make_unique<TransactionManager>(*storage_);
  }
  void SetUp() override { open(fs_.disk()); }

  // CREATE TABLE items in its own committed transaction.
  Oid create_items() {
    auto txn = manager_->begin();
    Oid oid = catalog().create_relation(items_table(), manager_->assign_xid(*txn),
                                        txn->command_id());
    manager_->commit(*txn);
    return oid;
  }
  HeapTable& items(const Transaction& txn) {
    auto table = catalog().find_relation("public", "items", manager_->snapshot(txn));
    EXPECT_TRUE(table);
    return catalog().heap(*table);
  }
  void insert(Transaction& txn, int32_t id) {
    std::vector<Value> row = {Value::int4(id), Value::text("item " + std::to_string(id))};
    items(txn).insert(row, manager_->assign_xid(txn), txn.command_id());
  }
  size_t count(const Transaction& txn) {
    auto scan = items(txn).scan(manager_->snapshot(txn));
    std::vector<std::vector<Value>> rows;
    std::vector<TupleId> tids;
    size_t total = 0;
    while (size_t n = scan.next_batch(rows, tids, 100)) total += n;
    return total;
  }
  Catalog& catalog() { return storage_->catalog(); }

  testing::MemoryFileSystem fs_;
  std::unique_ptr<StorageEngine> storage_;
  std::unique_ptr<TransactionManager> manager_;
};

TEST_F(TransactionManagerTest, XidIsAssignedLazilyOnce) {
  auto txn = manager_->begin();
  EXPECT_EQ(txn->xid(), kInvalidTransactionId);
  Snapshot s = manager_->snapshot(*txn);
  EXPECT_EQ(s.own_xid, kInvalidTransactionId);
  EXPECT_EQ(txn->xid(), kInvalidTransactionId);
  TransactionId xid = manager_->assign_xid(*txn);
  EXPECT_GE(xid, kFirstNormalTransactionId);
  EXPECT_EQ(manager_->assign_xid(*txn), xid);
  EXPECT_TRUE(manager_->is_running(xid));
  manager_->commit(*txn);
  EXPECT_FALSE(manager_->is_running(xid));
  EXPECT_FALSE(txn->is_active());
}

TEST_F(TransactionManagerTest, ReadOnlyTransactionNeedsNoXid) {
  create_items();
  auto txn = manager_->begin();
  EXPECT_EQ(count(*txn), 0u);
  manager_->commit(*txn);
  EXPECT_EQ(txn->xid(), kInvalidTransactionId);
}

TEST_F(TransactionManagerTest, SnapshotListsRunningTransactions) {
  auto a = manager_->begin();
  auto b = manager_->begin();
  TransactionId xa = manager_->assign_xid(*a);
  TransactionId xb = manager_->assign_xid(*b);
  auto reader = manager_->begin();
  Snapshot s = manager_->snapshot(*reader);
  EXPECT_EQ(s.xmin, xa);
  EXPECT_EQ(s.xmax, xb + 1);
  EXPECT_EQ(s.in_progress, (std::vector<TransactionId>{xa, xb}));
  EXPECT_TRUE(s.sees_as_running(xa));
  manager_->commit(*a);
  EXPECT_EQ(manager_->snapshot(*reader).in_progress, std::vector<TransactionId>{xb});
  manager_->abort(*b);
}

TEST_F(TransactionManagerTest, OwnWritesAreVisibleFromTheNextCommand) {
  create_items();
  auto txn = manager_->begin();
  insert(*txn, 1);
  EXPECT_EQ(count(*txn), 0u);
  txn->next_command();
  EXPECT_EQ(count(*txn), 1u);
  EXPECT_EQ(manager_->snapshot(*txn).command_id, 1u);
}

TEST_F(TransactionManagerTest, ReadCommittedSeesNewCommitsEachStatement) {
  create_items();
  auto reader = manager_->begin(IsolationLevel::ReadCommitted);
  EXPECT_EQ(count(*reader), 0u);
  auto writer = manager_->begin();
  insert(*writer, 1);
  EXPECT_EQ(count(*reader), 0u);  // not committed yet
  manager_->commit(*writer);
  EXPECT_EQ(count(*reader), 1u);
}

TEST_F(TransactionManagerTest, RepeatableReadKeepsItsFirstSnapshot) {
  create_items();
  auto reader = manager_->begin(IsolationLevel::RepeatableRead);
  EXPECT_EQ(count(*reader), 0u);
  auto writer = manager_->begin();
  insert(*writer, 1);
  manager_->commit(*writer);
  EXPECT_EQ(count(*reader), 0u);
  // Its own writes still show up in later commands.
  insert(*reader, 2);
  reader->next_command();
  EXPECT_EQ(count(*reader), 1u);
  manager_->commit(*reader);
  auto fresh = manager_->begin(IsolationLevel::RepeatableRead);
  EXPECT_EQ(count(*fresh), 2u);
}

TEST_F(TransactionManagerTest, AbortedRowsLeaveNoVisibleTrace) {
  create_items();
  auto txn = manager_->begin();
  // A statement that fails halfway through an INSERT of many rows.
  for (int i = 0; i < 700; ++i) insert(*txn, i);
  manager_->abort(*txn);
  auto reader = manager_->begin();
  EXPECT_EQ(count(*reader), 0u);
  EXPECT_EQ(storage_->commit_log().status(txn->xid()), XidStatus::Aborted);
}

TEST_F(TransactionManagerTest, DroppedTransactionIsAborted) {
  create_items();
  TransactionId xid;
  {
    auto txn = manager_->begin();
    insert(*txn, 1);
    xid = txn->xid();
  }
  EXPECT_FALSE(manager_->is_running(xid));
  auto reader = manager_->begin();
  EXPECT_EQ(count(*reader), 0u);
}

TEST_F(TransactionManagerTest, CommitIsDurableAndUncommittedWorkVanishesInACrash) {
  create_items();
  auto committed = manager_->begin();
  for (int i = 0; i < 300; ++i) insert(*committed, i);
  manager_->commit(*committed);
  auto unfinished = manager_->begin();
  for (int i = 0; i < 300; ++i) insert(*unfinished, 1000 + i);
  storage_->buffer_pool().flush_all();  // even on disk, it has no commit record

  auto after = fs_.crash();
  unfinished.reset();  // what it does now is lost with the crashed machine
  committed.reset();
  open(after);
  EXPECT_FALSE(storage_->was_clean_shutdown());
  auto reader = manager_->begin();
  EXPECT_EQ(count(*reader), 300u);
  // The crashed transaction's rows can be modified: its xid counts as aborted.
  auto writer = manager_->begin();
  insert(*writer, 5000);
  manager_->commit(*writer);
  EXPECT_EQ(count(*manager_->begin()), 301u);
}

TEST_F(TransactionManagerTest, CommitWithoutFlushingAnythingElseIsStillDurable) {
  create_items();
  auto txn = manager_->begin();
  insert(*txn, 7);
  size_t syncs_before = fs_.disk()->syncs;
  manager_->commit(*txn);
  EXPECT_GE(fs_.disk()->syncs - syncs_before, 2u);  // the table's file, then the commit log
  auto after = fs_.crash();
  txn.reset();
  open(after);
  EXPECT_EQ(count(*manager_->begin()), 1u);
}

TEST_F(TransactionManagerTest, WaitForBlocksUntilTheOtherTransactionEnds) {
  auto holder = manager_->begin();
  TransactionId xid = manager_->assign_xid(*holder);
  auto waiter = std::async(std::launch::async, [&] { manager_->wait_for(xid); });
  EXPECT_EQ(waiter.wait_for(100ms), std::future_status::timeout);
  manager_->commit(*holder);
  EXPECT_EQ(waiter.wait_for(5s), std::future_status::ready);
}

TEST_F(TransactionManagerTest, EndedTransactionCannotCommit) {
  auto txn = manager_->begin();
  manager_->assign_xid(*txn);
  manager_->abort(*txn);
  EXPECT_THROW(manager_->commit(*txn), SqlError);
  auto read_only = manager_->begin();
  manager_->commit(*read_only);
  EXPECT_THROW(manager_->assign_xid(*read_only), SqlError);
}

}  // namespace
}  // namespace chalkdb
