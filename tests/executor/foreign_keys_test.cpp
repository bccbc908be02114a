// Engine tests of FOREIGN KEY constraints. The referenced keys are declared through the
// catalog (a primary-key constraint row with its index), which is what CREATE TABLE ...
// PRIMARY KEY records; the lookups themselves are plain queries on the referenced table.
#include "executor/engine.h"
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class ForeignKeyTest : public EngineTest {
 protected:
  // Declares `column` (1-based attnum) of `table` as its primary key.
  void declare_primary_key(const std::string& table, int16_t attnum) {
    auto& engine = database_->engine();
    Catalog& catalog = engine.storage->catalog();
    auto transaction = engine.transactions->begin();
    TransactionId xid = engine.transactions->assign_xid(*transaction);
    auto info = catalog.find_relation("public", table, engine.transactions->snapshot(*transaction));
    ASSERT_TRUE(info);
    Catalog::IndexDefinition index;
    index.name = table + "_pkey";
    index.keys.push_back(IndexKeyInfo{attnum, false, false});
    index.unique = index.primary = true;
    index.constraint_type = kConstraintPrimaryKey;
    catalog.create_index(info->oid, index, xid, transaction->command_id());
    engine.transactions->commit(*transaction);
  }
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE d (id int NOT NULL, name text)");
    declare_primary_key("d", 1);
    run("INSERT INTO d VALUES (1, 'eng'), (2, 'sales'), (3, 'empty')");
  }
};

TEST_F(ForeignKeyTest, ReferencingRowsMustFindTheirKey) {
  run("CREATE TABLE e (id int, d_id int REFERENCES d)");
  EXPECT_THAT(rows("SELECT conname, contype, confdeltype FROM pg_constraint c JOIN pg_class r "
                   "ON r.oid = c.conrelid WHERE r.relname = 'e'"),
              ElementsAre("e_d_id_fkey|f|a"));
  run("INSERT INTO e VALUES (1, 1), (2, NULL)");
  SqlError error = failure("INSERT INTO e VALUES (3, 9)");
  EXPECT_EQ(std::string(error.state.code), "23503");
  EXPECT_EQ(error.message, "insert or update on table \"e\" violates foreign key constraint \"e_d_id_fkey\"");
  EXPECT_EQ(error.detail.value_or(""), "Key (d_id)=(9) is not present in table \"d\".");
  EXPECT_EQ(error.table_name.value_or(""), "e");
  EXPECT_EQ(error.constraint_name.value_or(""), "e_d_id_fkey");
  EXPECT_EQ(error_code("UPDATE e SET d_id = 7"), "23503");
  EXPECT_THAT(rows("SELECT count(*) FROM e"), ElementsAre("2"));
}

TEST_F(ForeignKeyTest, NoActionBlocksDeletingAReferencedRow) {
  run("CREATE TABLE e (id int, d_id int REFERENCES d ON UPDATE RESTRICT)");
  run("INSERT INTO e VALUES (1, 1)");
  SqlError error = failure("DELETE FROM d WHERE id = 1");
  EXPECT_EQ(error.message, "update or delete on table \"d\" violates foreign key constraint "
                           "\"e_d_id_fkey\" on table \"e\"");
  EXPECT_EQ(error.detail.value_or(""), "Key (id)=(1) is still referenced from table \"e\".");
  EXPECT_EQ(error_code("UPDATE d SET id = 10 WHERE id = 1"), "23503");
  EXPECT_EQ(run("DELETE FROM d WHERE id = 3").tag, "DELETE 1");
  EXPECT_EQ(run("UPDATE d SET name = 'x' WHERE id = 1").tag, "UPDATE 1");
}

TEST_F(ForeignKeyTest, CascadeSetNullAndSetDefault) {
  run("CREATE TABLE c (id int, d_id int REFERENCES d ON DELETE CASCADE ON UPDATE CASCADE)");
  run("CREATE TABLE n (id int, d_id int REFERENCES d (id) ON DELETE SET NULL)");
  run("CREATE TABLE s (id int, d_id int DEFAULT 3 REFERENCES d ON DELETE SET DEFAULT)");
  run("INSERT INTO c VALUES (1, 1), (2, 2); INSERT INTO n VALUES (1, 1); INSERT INTO s VALUES (1, 1)");
  run("UPDATE d SET id = 20 WHERE id = 2");
  EXPECT_THAT(rows("SELECT id, d_id FROM c ORDER BY id"), ElementsAre("1|1", "2|20"));
  EXPECT_EQ(run("DELETE FROM d WHERE id = 1").tag, "DELETE 1");
  EXPECT_THAT(rows("SELECT id, d_id FROM c ORDER BY id"), ElementsAre("2|20"));
  EXPECT_THAT(rows("SELECT id, d_id FROM n"), ElementsAre("1|<null>"));
  EXPECT_THAT(rows("SELECT id, d_id FROM s"), ElementsAre("1|3"));
}

TEST_F(ForeignKeyTest, DefinitionErrorsAndWholeStatementChecks) {
  run("CREATE TABLE emp (id int NOT NULL, boss int)");
  declare_primary_key("emp", 1);
  run("CREATE TABLE dummy (x int)");
  EXPECT_EQ(error_code("CREATE TABLE bad (x int REFERENCES dummy)"), "42830");
  EXPECT_EQ(error_code("CREATE TABLE bad (x int REFERENCES d (name))"), "42830");
  EXPECT_EQ(error_code("CREATE TABLE bad (x int REFERENCES d (nosuch))"), "42703");
  run("CREATE TABLE staff (id int, boss int REFERENCES emp)");
  run("INSERT INTO emp VALUES (1, NULL), (2, 1); INSERT INTO staff VALUES (1, 2)");
  EXPECT_EQ(error_code("DELETE FROM emp"), "23503");
  // the primary key's unique index checks each row at once, as PostgreSQL's does
  EXPECT_EQ(error_code("UPDATE emp SET id = 3 - id"), "23505");
  run("DELETE FROM staff");
  EXPECT_EQ(run("DELETE FROM emp").tag, "DELETE 2");
}

TEST_F(ForeignKeyTest, DropAndTruncateOfAReferencedTable) {
  run("CREATE TABLE e (id int, d_id int REFERENCES d)");
  run("INSERT INTO e VALUES (1, 1)");
  EXPECT_EQ(error_code("DROP TABLE d"), "2BP01");
  EXPECT_EQ(error_code("TRUNCATE d"), "0A000");
  run("TRUNCATE d CASCADE");
  EXPECT_THAT(rows("SELECT count(*) FROM e"), ElementsAre("0"));
  run("DROP TABLE d CASCADE");
  EXPECT_EQ(run("INSERT INTO e VALUES (2, 42)").tag, "INSERT 0 1");
}

}  // namespace
}  // namespace chalkdb::testing
