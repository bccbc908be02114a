// Catalog DDL under transactions: visibility of CREATE/DROP by MVCC, rollback, file lifetime.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "tests/storage/temp_directory.h"
#include "txn/transaction_manager.h"

namespace chalkdb {
namespace {

TableDefinition table_named(std::string name, std::string schema = "public") {
  TableDefinition definition;
  definition.schema = std::move(schema);
  definition.name = std::move(name);
  definition.columns = {{"a", DataType{TypeId::Int8, -1}, 0, false, std::nullopt}};
  return definition;
}

class CatalogTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { reopen(); }
  void reopen() {
    manager_.reset();
    storage_.reset();
    storage_ = StorageEngine::open(dir_.sub("data"), 16);
    manager_ = std::make_unique<TransactionManager>(*storage_);
  }

  Oid create(Transaction& txn, const std::string& name) {
    Oid oid = catalog().create_relation(table_named(name), manager_->assign_xid(txn),
                                        txn.command_id());
    txn.next_command();
    return oid;
  }
  void drop(Transaction& txn, Oid oid) {
    catalog().drop_relation(oid, manager_->assign_xid(txn), txn.command_id());
    txn.next_command();
  }
  std::shared_ptr<const TableInfo> find(const Transaction& txn, const std::string& name) {
    return catalog().find_relation("public", name, manager_->snapshot(txn));
  }
  bool file_exists(Oid relfilenode) {
    return std::filesystem::exists(dir_.sub("data") / "base" / std::to_string(relfilenode));
  }
  Catalog& catalog() { return storage_->catalog(); }

  testing::TempDirectory dir_;
  std::unique_ptr<StorageEngine> storage_;
  std::unique_ptr<TransactionManager> manager_;
};

TEST_F(CatalogTransactionTest, UncommittedCreateIsVisibleOnlyToItsTransaction) {
  auto creator = manager_->begin();
  Oid oid = create(*creator, "t");
  EXPECT_GE(oid, kFirstNormalObjectId);
  auto own = find(*creator, "t");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->oid, oid);
  EXPECT_EQ(own->schema, "public");
  EXPECT_EQ(own->columns[0].attnum, 1);
  EXPECT_TRUE(catalog().relation_by_oid(oid, manager_->snapshot(*creator)));

  auto other = manager_->begin();
  EXPECT_FALSE(find(*other, "t"));
  EXPECT_FALSE(catalog().relation_by_oid(oid, manager_->snapshot(*other)));

  manager_->commit(*creator);
  EXPECT_TRUE(find(*other, "t"));  // READ COMMITTED: the next statement sees it
}

TEST_F(CatalogTransactionTest, RolledBackCreateIsNeverVisibleAndItsFileIsRemoved) {
  auto creator = manager_->begin();
  Oid oid = create(*creator, "t");
  EXPECT_TRUE(file_exists(oid));
  manager_->abort(*creator);
  EXPECT_FALSE(file_exists(oid));
  auto later = manager_->begin();
  EXPECT_FALSE(find(*later, "t"));
  // The name is free again.
  create(*later, "t");
  manager_->commit(*later);
  reopen();
  auto after_restart = manager_->begin();
  auto table = find(*after_restart, "t");
  ASSERT_TRUE(table);
  EXPECT_NE(table->oid, oid);
}

TEST_F(CatalogTransactionTest, DuplicateNameIsPostgresError) {
  auto first = manager_->begin();
  create(*first, "customers");
  try {
    create(*first, "customers");
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kDuplicateTable);
    EXPECT_EQ(e.message, "relation \"customers\" already exists");
  }
  // Another transaction creating the same name while the first is running also fails.
  auto second = manager_->begin();
  EXPECT_THROW(create(*second, "customers"), SqlError);
  manager_->commit(*first);
  EXPECT_THROW(create(*second, "customers"), SqlError);
}

TEST_F(CatalogTransactionTest, InvalidDefinitionsArePostgresErrors) {
  auto txn = manager_->begin();
  TransactionId xid = manager_->assign_xid(*txn);
  try {
    catalog().create_relation(table_named("t", "nope"), xid, 0);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kInvalidSchemaName);
    EXPECT_EQ(e.message, "schema \"nope\" does not exist");
  }
  TableDefinition duplicate = table_named("t");
  duplicate.columns.push_back(duplicate.columns[0]);
  try {
    catalog().create_relation(duplicate, xid, 0);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kDuplicateColumn);
    EXPECT_EQ(e.message, "column \"a\" specified more than once");
  }
  TableDefinition wide = table_named("wide");
  wide.columns.clear();
  for (int i = 0; i < 1601; ++i) {
    wide.columns.push_back({"c" + std::to_string(i), DataType{TypeId::Int4, -1}, 0, false, {}});
  }
  try {
    catalog().create_relation(wide, xid, 0);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kTooManyColumns);
    EXPECT_EQ(e.message, "tables can have at most 1600 columns");
  }
}

TEST_F(CatalogTransactionTest, DropIsTransactional) {
  auto setup = manager_->begin();
  Oid oid = create(*setup, "t");
  manager_->commit(*setup);

  auto dropper = manager_->begin();
  auto reader = manager_->begin(IsolationLevel::RepeatableRead);
  EXPECT_TRUE(find(*reader, "t"));
  drop(*dropper, oid);
  EXPECT_FALSE(find(*dropper, "t"));
  EXPECT_TRUE(find(*reader, "t"));  // not committed yet
  manager_->abort(*dropper);
  EXPECT_TRUE(file_exists(oid));
  auto after_abort = manager_->begin();
  EXPECT_TRUE(find(*after_abort, "t"));

  drop(*after_abort, oid);
  EXPECT_TRUE(file_exists(oid));  // unlinked only at commit
  manager_->commit(*after_abort);
  EXPECT_FALSE(file_exists(oid));
  auto fresh = manager_->begin();
  EXPECT_FALSE(find(*fresh, "t"));
  // The name can be used again, and the drop is durable.
  create(*fresh, "t");
  manager_->commit(*fresh);
  reopen();
  auto after_restart = manager_->begin();
  auto table = find(*after_restart, "t");
  ASSERT_TRUE(table);
  EXPECT_NE(table->oid, oid);
}

TEST_F(CatalogTransactionTest, CreateAndDropInOneTransaction) {
  auto txn = manager_->begin();
  Oid oid = create(*txn, "temp");
  drop(*txn, oid);
  EXPECT_FALSE(find(*txn, "temp"));
  manager_->commit(*txn);
  EXPECT_FALSE(file_exists(oid));
  EXPECT_FALSE(find(*manager_->begin(), "temp"));
}

TEST_F(CatalogTransactionTest, DroppingAnUnknownOidIsAnError) {
  auto txn = manager_->begin();
  try {
    drop(*txn, 424242);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kInternalError);
    EXPECT_EQ(e.message, "could not open relation with OID 424242");
  }
}

TEST_F(CatalogTransactionTest, RelationsListsWhatTheSnapshotSees) {
  auto txn = manager_->begin();
  create(*txn, "a");
  create(*txn, "b");
  std::vector<std::string> names;
  for (const auto& table : catalog().relations(manager_->snapshot(*txn))) {
    if (table->schema == "public") names.push_back(table->name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b"}));
  auto other = manager_->begin();
  for (const auto& table : catalog().relations(manager_->snapshot(*other))) {
    EXPECT_EQ(table->schema, "pg_catalog");
  }
}

TEST_F(CatalogTransactionTest, SequenceCreatedAndUsedInOneTransaction) {
  auto txn = manager_->begin();
  Oid seq = catalog().create_sequence("public", "t_id_seq", manager_->assign_xid(*txn),
                                      txn->command_id());
  txn->next_command();
  auto info = catalog().relation_by_oid(seq, manager_->snapshot(*txn));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->relkind, 'S');
  EXPECT_EQ(info->columns.size(), 3u);
  EXPECT_EQ(catalog().next_sequence_value(seq), 1);
  EXPECT_EQ(catalog().next_sequence_value(seq), 2);
  manager_->commit(*txn);
  reopen();
  EXPECT_EQ(catalog().next_sequence_value(seq), 3);
}

TEST_F(CatalogTransactionTest, RolledBackSequenceIsGone) {
  auto txn = manager_->begin();
  Oid seq = catalog().create_sequence("public", "s", manager_->assign_xid(*txn),
                                      txn->command_id());
  EXPECT_EQ(catalog().next_sequence_value(seq), 1);
  manager_->abort(*txn);
  EXPECT_THROW(catalog().next_sequence_value(seq), SqlError);
}

}  // namespace
}  // namespace chalkdb
