// Catalog: index relations, pg_index and pg_constraint rows, and their MVCC visibility.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "storage/catalog/system_tables.h"
#include "storage/storage_engine.h"
#include "tests/storage/catalog_transactions.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using testing::abort;
using testing::commit;
using testing::everything_committed;

TableDefinition accounts() {
  TableDefinition definition;
  definition.name = "accounts";
  definition.columns = {{"id", DataType{TypeId::Int4, -1}, 0, true, std::nullopt},
                        {"owner", DataType{TypeId::Text, -1}, 0, false, std::nullopt},
                        {"balance", DataType{TypeId::Int8, -1}, 0, false, std::nullopt}};
  return definition;
}

Catalog::IndexDefinition primary_key(std::string name) {
  Catalog::IndexDefinition definition;
  definition.name = std::move(name);
  definition.keys = {{1, false, false}};
  definition.unique = definition.primary = true;
  definition.constraint_type = kConstraintPrimaryKey;
  return definition;
}

size_t count_rows(StorageEngine& engine, Oid catalog, const Snapshot& s) {
  auto relation = engine.catalog().relation_by_oid(catalog, s);
  auto scan = engine.catalog().heap(*relation).scan(s);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  size_t count = 0;
  while (scan.next_batch(rows, tids, 100) > 0) count += rows.size();
  return count;
}

TEST(CatalogIndexTest, IndexAndConstraintBelongToTheTableVersion) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  {
    auto engine = StorageEngine::open(data, 16);
    TransactionId xid = engine->control_file().allocate_xid();
    Oid table = engine->catalog().create_relation(accounts(), xid, 0);
    Oid index = engine->catalog().create_index(table, primary_key("accounts_pkey"), xid, 1);
    Catalog::IndexDefinition by_owner;
    by_owner.name = "accounts_owner_idx";
    by_owner.keys = {{2, true, true}};
    by_owner.include = {3};
    engine->catalog().create_index(table, by_owner, xid, 2);
    engine->catalog().update_index_statistics(index, 7, 1000, 4, 1000, xid, 3);

    // Before the index's command the table has no index; after it, both.
    EXPECT_TRUE(engine->catalog().relation_by_oid(table, Snapshot::latest(xid, 1))->indexes.empty());
    auto info = engine->catalog().relation_by_oid(table, Snapshot::latest(xid, 4));
    ASSERT_EQ(info->indexes.size(), 2u);
    EXPECT_EQ(info->pages, 7);
    EXPECT_EQ(info->indexes[0].pages, 4);
    // Another transaction sees nothing yet.
    EXPECT_FALSE(engine->catalog().find_relation("public", "accounts_pkey", everything_committed(*engine)));
    commit(*engine, xid);
  }
  auto engine = StorageEngine::open(data, 16);
  Snapshot s = everything_committed(*engine);
  auto table = engine->catalog().find_relation("public", "accounts", s);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->indexes.size(), 2u);
  const IndexInfo& pkey = table->indexes[0];
  EXPECT_EQ(pkey.name, "accounts_pkey");
  EXPECT_TRUE(pkey.unique && pkey.primary);
  EXPECT_EQ(pkey.tuples, 1000);
  const IndexInfo& by_owner = table->indexes[1];
  ASSERT_EQ(by_owner.keys.size(), 1u);
  EXPECT_EQ(by_owner.keys[0].attnum, 2);
  EXPECT_TRUE(by_owner.keys[0].descending && by_owner.keys[0].nulls_first);
  EXPECT_EQ(by_owner.include, std::vector<int16_t>{3});
  ASSERT_EQ(table->constraints.size(), 1u);
  EXPECT_EQ(table->constraints[0].type, kConstraintPrimaryKey);
  EXPECT_EQ(table->constraints[0].index_oid, pkey.oid);
  EXPECT_EQ(table->constraints[0].columns, std::vector<int16_t>{1});
  EXPECT_EQ(table->pages, 7);
  auto index_relation = engine->catalog().find_relation("public", "accounts_owner_idx", s);
  ASSERT_TRUE(index_relation);
  EXPECT_EQ(index_relation->relkind, kRelkindIndex);
  ASSERT_TRUE(index_relation->index);
  ASSERT_EQ(index_relation->columns.size(), 2u);
  EXPECT_EQ(index_relation->columns[0].name, "owner");
}

TEST(CatalogIndexTest, DroppingTheTableDropsItsIndexesAndConstraints) {
  testing::TempDirectory dir;
  auto engine = StorageEngine::open(dir.sub("data"), 16);
  TransactionId xid = engine->control_file().allocate_xid();
  Oid table = engine->catalog().create_relation(accounts(), xid, 0);
  engine->catalog().create_index(table, primary_key("accounts_pkey"), xid, 1);
  commit(*engine, xid);
  Snapshot before = everything_committed(*engine);
  size_t index_rows = count_rows(*engine, kPgIndexRelation, before);
  size_t constraint_rows = count_rows(*engine, kPgConstraintRelation, before);

  TransactionId dropper = engine->control_file().allocate_xid();
  engine->catalog().drop_relation(table, dropper, 0);
  commit(*engine, dropper);
  Snapshot after = everything_committed(*engine);
  EXPECT_FALSE(engine->catalog().find_relation("public", "accounts_pkey", after));
  EXPECT_EQ(count_rows(*engine, kPgIndexRelation, after), index_rows - 1);
  EXPECT_EQ(count_rows(*engine, kPgConstraintRelation, after), constraint_rows - 1);
}

TEST(CatalogIndexTest, DropIndexIsUndoneByAbortAndNamesStayUnique) {
  testing::TempDirectory dir;
  auto engine = StorageEngine::open(dir.sub("data"), 16);
  TransactionId xid = engine->control_file().allocate_xid();
  Oid table = engine->catalog().create_relation(accounts(), xid, 0);
  Oid index = engine->catalog().create_index(table, primary_key("accounts_pkey"), xid, 1);
  EXPECT_THROW(engine->catalog().create_index(table, primary_key("accounts"), xid, 2), SqlError);
  commit(*engine, xid);

  TransactionId dropper = engine->control_file().allocate_xid();
  engine->catalog().drop_index(index, dropper, 0);
  EXPECT_TRUE(engine->catalog().relation_by_oid(table, Snapshot::latest(dropper, 1))->indexes.empty());
  EXPECT_TRUE(engine->catalog().relation_by_oid(table, Snapshot::latest(dropper, 1))->constraints.empty());
  abort(*engine, dropper);
  auto info = engine->catalog().relation_by_oid(table, everything_committed(*engine));
  ASSERT_EQ(info->indexes.size(), 1u);
  EXPECT_EQ(info->constraints.size(), 1u);
}

TEST(CatalogIndexTest, CheckConstraintsAreAddedAndDropped) {
  testing::TempDirectory dir;
  auto engine = StorageEngine::open(dir.sub("data"), 16);
  TransactionId xid = engine->control_file().allocate_xid();
  Oid table = engine->catalog().create_relation(accounts(), xid, 0);
  ConstraintInfo check;
  check.name = "accounts_balance_check";
  check.type = kConstraintCheck;
  check.table_oid = table;
  check.columns = {3};
  check.check_expr = "(balance >= 0)";
  engine->catalog().add_constraint(check, xid, 1);
  auto info = engine->catalog().relation_by_oid(table, Snapshot::latest(xid, 2));
  ASSERT_NE(info->find_constraint("accounts_balance_check"), nullptr);
  EXPECT_EQ(info->find_constraint("accounts_balance_check")->check_expr, "(balance >= 0)");
  engine->catalog().drop_constraint(table, "accounts_balance_check", xid, 2);
  EXPECT_TRUE(engine->catalog().relation_by_oid(table, Snapshot::latest(xid, 3))->constraints.empty());
}

}  // namespace
}  // namespace chalkdb
