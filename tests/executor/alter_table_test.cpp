// Engine tests of ALTER TABLE: column changes that rewrite the rows (ADD / DROP COLUMN, ALTER
// COLUMN TYPE), the catalog-only ones (DEFAULT, NOT NULL, RENAME), ADD / DROP CONSTRAINT, and
// their rollback.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class AlterTableTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE t (a int PRIMARY KEY, b text)");
    run("INSERT INTO t VALUES (1, 'x'), (2, NULL)");
  }
};

TEST_F(AlterTableTest, AddColumnFillsExistingRowsWithTheDefault) {
  EXPECT_EQ(run("ALTER TABLE t ADD COLUMN n int DEFAULT 7 NOT NULL").tag, "ALTER TABLE");
  run("ALTER TABLE t ADD COLUMN s serial");
  EXPECT_THAT(rows("SELECT a, b, n, s FROM t ORDER BY a"), ElementsAre("1|x|7|1", "2|<null>|7|2"));
  run("INSERT INTO t (a) VALUES (3)");
  EXPECT_THAT(rows("SELECT n, s FROM t WHERE a = 3"), ElementsAre("7|3"));
  // the primary key's index was rebuilt over the rewritten rows
  EXPECT_EQ(error_code("INSERT INTO t (a) VALUES (1)"), "23505");
  run("SET enable_seqscan = off");
  EXPECT_THAT(rows("SELECT b FROM t WHERE a = 1"), ElementsAre("x"));
  SqlError error = failure("ALTER TABLE t ADD COLUMN m int NOT NULL");
  EXPECT_EQ(std::string(error.state.code), "23502");
  EXPECT_EQ(error.message, "column \"m\" of relation \"t\" contains null values");
}

TEST_F(AlterTableTest, DropColumnRenumbersTheRemainingColumnsAndIndexes) {
  run("CREATE TABLE w (a int, b text, c int UNIQUE)");
  run("INSERT INTO w VALUES (1, 'x', 10), (2, 'y', 20)");
  run("ALTER TABLE w DROP COLUMN b");
  EXPECT_THAT(rows("SELECT * FROM w ORDER BY a"), ElementsAre("1|10", "2|20"));
  EXPECT_EQ(error_code("INSERT INTO w VALUES (3, 10)"), "23505");
  run("ALTER TABLE w DROP COLUMN c");
  EXPECT_THAT(rows("SELECT count(*) FROM pg_constraint WHERE conrelid = 'w'::regclass"), ElementsAre("0"));
  EXPECT_EQ(error_code("ALTER TABLE w DROP COLUMN nope"), "42703");
}

TEST_F(AlterTableTest, AlterColumnTypeConvertsTheRows) {
  run("ALTER TABLE t ALTER COLUMN a TYPE text");
  EXPECT_THAT(rows("SELECT pg_typeof(a) FROM t LIMIT 1"), ElementsAre("text"));
  SqlError error = failure("ALTER TABLE t ALTER COLUMN a TYPE int");
  EXPECT_EQ(std::string(error.state.code), "42804");
  EXPECT_EQ(error.hint.value_or(""), "You might need to specify \"USING a::integer\".");
  run("ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::int * 2");
  EXPECT_THAT(rows("SELECT a FROM t ORDER BY a"), ElementsAre("2", "4"));
}

TEST_F(AlterTableTest, DefaultsNotNullAndRenames) {
  run("ALTER TABLE t ALTER COLUMN b SET DEFAULT 'dflt'");
  run("INSERT INTO t (a) VALUES (3)");
  EXPECT_THAT(rows("SELECT b FROM t WHERE a = 3"), ElementsAre("dflt"));
  EXPECT_EQ(error_code("ALTER TABLE t ALTER COLUMN b SET NOT NULL"), "23502");
  run("UPDATE t SET b = 'y' WHERE b IS NULL");
  run("ALTER TABLE t ALTER COLUMN b SET NOT NULL");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (4, NULL)"), "23502");
  EXPECT_EQ(error_code("ALTER TABLE t ALTER COLUMN a DROP NOT NULL"), "42P16");
  run("ALTER TABLE t RENAME COLUMN b TO label");
  run("ALTER TABLE t RENAME TO renamed");
  EXPECT_THAT(rows("SELECT label FROM renamed ORDER BY a"), ElementsAre("x", "y", "dflt"));
  EXPECT_EQ(error_code("SELECT * FROM t"), "42P01");
}

TEST_F(AlterTableTest, ConstraintsAreValidatedAgainstExistingRowsAndDropped) {
  SqlError error = failure("ALTER TABLE t ADD CONSTRAINT big CHECK (a > 1)");
  EXPECT_EQ(error.message, "check constraint \"big\" of relation \"t\" is violated by some row");
  run("ALTER TABLE t ADD CHECK (a > 0)");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (0, 'z')"), "23514");
  run("ALTER TABLE t DROP CONSTRAINT t_a_check");
  run("INSERT INTO t VALUES (0, 'z')");
  run("CREATE TABLE c (ref int)");
  run("INSERT INTO c VALUES (1), (5)");
  error = failure("ALTER TABLE c ADD FOREIGN KEY (ref) REFERENCES t");
  EXPECT_EQ(std::string(error.state.code), "23503");
  EXPECT_EQ(error.detail.value_or(""), "Key (ref)=(5) is not present in table \"t\".");
  run("DELETE FROM c WHERE ref = 5");
  run("ALTER TABLE c ADD FOREIGN KEY (ref) REFERENCES t");
  EXPECT_EQ(error_code("ALTER TABLE t DROP CONSTRAINT t_pkey"), "2BP01");
  run("ALTER TABLE t DROP CONSTRAINT t_pkey CASCADE");
  run("INSERT INTO c VALUES (99)");
  EXPECT_EQ(error_code("ALTER TABLE t DROP CONSTRAINT nope"), "42704");
}

TEST_F(AlterTableTest, ChangesRollBackWithTheTransaction) {
  run("BEGIN");
  run("ALTER TABLE t ADD COLUMN n int DEFAULT 1");
  run("ALTER TABLE t DROP COLUMN b");
  run("ALTER TABLE t RENAME TO gone");
  EXPECT_THAT(rows("SELECT * FROM gone ORDER BY a"), ElementsAre("1|1", "2|1"));
  run("ROLLBACK");
  EXPECT_THAT(rows("SELECT * FROM t ORDER BY a"), ElementsAre("1|x", "2|<null>"));
  reopen();
  EXPECT_THAT(rows("SELECT * FROM t ORDER BY a"), ElementsAre("1|x", "2|<null>"));
}

TEST_F(AlterTableTest, RewrittenTableSurvivesARestart) {
  run("ALTER TABLE t ADD COLUMN n int DEFAULT 5");
  run("ALTER TABLE t DROP COLUMN b");
  reopen();
  EXPECT_THAT(rows("SELECT * FROM t ORDER BY a"), ElementsAre("1|5", "2|5"));
  run("SET enable_seqscan = off");
  EXPECT_THAT(rows("SELECT n FROM t WHERE a = 2"), ElementsAre("5"));
}

}  // namespace
}  // namespace chalkdb::testing
