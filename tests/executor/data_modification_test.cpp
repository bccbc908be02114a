// Engine tests of RETURNING, UPDATE ... FROM, DELETE ... USING, TRUNCATE and sequences.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

TEST_F(EngineTest, ReturningGivesTheStoredRows) {
  run("CREATE TABLE t (id serial, v int DEFAULT 7)");
  auto inserted = run("INSERT INTO t (v) VALUES (1), (DEFAULT) RETURNING id, v * 2 AS twice");
  EXPECT_EQ(inserted.tag, "INSERT 0 2");
  ASSERT_EQ(inserted.columns.size(), 2u);
  EXPECT_EQ(inserted.columns[1].name, "twice");
  EXPECT_THAT(rows("UPDATE t SET v = v + 1 WHERE id = 2 RETURNING *"), ElementsAre("2|8"));
  EXPECT_THAT(rows("DELETE FROM t WHERE id = 1 RETURNING v"), ElementsAre("1"));
  EXPECT_EQ(run("DELETE FROM t WHERE id = 1 RETURNING v").tag, "DELETE 0");
  EXPECT_EQ(error_code("INSERT INTO t (v) VALUES (1) RETURNING sum(v)"), "42803");
}

TEST_F(EngineTest, ReturningManyRowsComesInBatches) {
  run("CREATE TABLE t (id int)");
  auto result = run("INSERT INTO t SELECT g FROM generate_series(1, 3000) g RETURNING id");
  EXPECT_EQ(result.tag, "INSERT 0 3000");
  EXPECT_EQ(result.rows.size(), 3000u);
  EXPECT_EQ(run("DELETE FROM t WHERE id > 1000 RETURNING id").rows.size(), 2000u);
}

TEST_F(EngineTest, UpdateFromAndDeleteUsing) {
  run("CREATE TABLE t (k int, v text); CREATE TABLE s (k int, w text)");
  run("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'); INSERT INTO s VALUES (1, 'x'), (3, 'z'), (3, 'zz')");
  // a target row joined to two source rows is updated once, from either of them
  EXPECT_EQ(run("UPDATE t SET v = s.w FROM s WHERE s.k = t.k").tag, "UPDATE 2");
  EXPECT_THAT(rows("SELECT k, v FROM t WHERE k < 3 ORDER BY k"), ElementsAre("1|x", "2|b"));
  EXPECT_THAT(rows("SELECT count(*) FROM t WHERE k = 3 AND (v = 'z' OR v = 'zz')"), ElementsAre("1"));
  EXPECT_THAT(rows("DELETE FROM t USING s WHERE s.k = t.k AND s.w = 'x' RETURNING t.k, s.w"),
              ElementsAre("1|x"));
  EXPECT_THAT(rows("SELECT k FROM t ORDER BY k"), ElementsAre("2", "3"));
  EXPECT_EQ(error_code("UPDATE t SET v = 'q' FROM t"), "42712");
}

TEST_F(EngineTest, TruncateIsTransactional) {
  run("CREATE TABLE t (id serial, v int)");
  run("INSERT INTO t (v) VALUES (1), (2)");
  run("BEGIN; TRUNCATE t");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("0"));
  run("ROLLBACK");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("2"));
  EXPECT_EQ(run("TRUNCATE TABLE t RESTART IDENTITY").tag, "TRUNCATE TABLE");
  EXPECT_THAT(rows("INSERT INTO t (v) VALUES (3) RETURNING id"), ElementsAre("1"));
  EXPECT_EQ(error_code("TRUNCATE nosuch"), "42P01");
  EXPECT_EQ(error_code("TRUNCATE t_id_seq"), "42809");
}

TEST_F(EngineTest, SequenceFunctions) {
  EXPECT_EQ(run("CREATE SEQUENCE s START 5 INCREMENT 5 MAXVALUE 15").tag, "CREATE SEQUENCE");
  EXPECT_EQ(error_code("SELECT currval('s')"), "55000");
  EXPECT_EQ(error_code("SELECT lastval()"), "55000");
  EXPECT_THAT(rows("SELECT nextval('s'), nextval('s'), currval('s'), lastval()"),
              ElementsAre("5|10|10|10"));
  EXPECT_THAT(rows("SELECT setval('s', 5, false), nextval('s')"), ElementsAre("5|5"));
  EXPECT_EQ(error_code("SELECT setval('s', 16)"), "22003");
  run("SELECT setval('s', 15)");
  EXPECT_EQ(error_code("SELECT nextval('s')"), "2200H");
  EXPECT_EQ(error_code("CREATE SEQUENCE bad INCREMENT 0"), "22023");
  EXPECT_EQ(error_code("CREATE SEQUENCE bad AS smallint START 40000"), "22023");
  EXPECT_EQ(run("DROP SEQUENCE s").tag, "DROP SEQUENCE");
  EXPECT_EQ(error_code("SELECT nextval('s')"), "42P01");
}

TEST_F(EngineTest, SequencePositionSurvivesRestart) {
  run("CREATE SEQUENCE s AS integer CYCLE MAXVALUE 3");
  run("SELECT nextval('s'), nextval('s')");
  reopen();
  EXPECT_THAT(rows("SELECT nextval('s'), nextval('s')"), ElementsAre("3|1"));
}

}  // namespace
}  // namespace chalkdb::testing
