// End-to-end tests of the engine without the network: SQL in, rows and errors out.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

TEST_F(EngineTest, CreateInsertSelect) {
  run("CREATE TABLE t (id int, name text)");
  EXPECT_EQ(run("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, NULL)").tag, "INSERT 0 3");
  EXPECT_THAT(rows("SELECT id, name FROM t ORDER BY id DESC"), ElementsAre("3|<null>", "2|two", "1|one"));
  EXPECT_EQ(run("SELECT * FROM t").tag, "SELECT 3");
}

TEST_F(EngineTest, SelectWithoutFrom) {
  auto result = run("SELECT 1 + 2 AS three, 'x' || 'y', 7 / 2, 7.0 / 2");
  ASSERT_EQ(result.columns.size(), 4u);
  EXPECT_EQ(result.columns[0].name, "three");
  EXPECT_EQ(result.columns[1].name, "?column?");
  EXPECT_THAT(rows("SELECT 1 + 2, 'x' || 'y', 7 / 2, 7.0 / 2"),
              ElementsAre("3|xy|3|3.5000000000000000"));
}

TEST_F(EngineTest, GenerateSeriesAggregates) {
  run("CREATE TABLE n (v int8)");
  EXPECT_EQ(run("INSERT INTO n SELECT g FROM generate_series(1, 10000) g").tag, "INSERT 0 10000");
  EXPECT_THAT(rows("SELECT count(*), sum(v), min(v), max(v), avg(v) FROM n"),
              ElementsAre("10000|50005000|1|10000|5000.5000000000000000"));
  EXPECT_THAT(rows("SELECT v % 3 AS r, count(*) FROM n GROUP BY r HAVING count(*) > 3333 ORDER BY 1"),
              ElementsAre("1|3334"));
}

TEST_F(EngineTest, JoinsHashAndNestedLoop) {
  run("CREATE TABLE a (id int, x text); CREATE TABLE b (a_id int, y text)");
  run("INSERT INTO a VALUES (1, 'a1'), (2, 'a2'); INSERT INTO b VALUES (1, 'b1'), (1, 'b2'), (3, 'b3')");
  EXPECT_THAT(rows("SELECT a.x, b.y FROM a JOIN b ON a.id = b.a_id ORDER BY b.y"),
              ElementsAre("a1|b1", "a1|b2"));
  EXPECT_THAT(rows("SELECT a.x, b.y FROM a, b WHERE a.id < b.a_id ORDER BY 1, 2"),
              ElementsAre("a1|b3", "a2|b3"));
  EXPECT_EQ(error_code("SELECT id FROM a, a AS c"), "42702");
}

TEST_F(EngineTest, UpdateAndDelete) {
  run("CREATE TABLE t (id int, v int)");
  run("INSERT INTO t SELECT g, g * 10 FROM generate_series(1, 5) g");
  EXPECT_EQ(run("UPDATE t SET v = v + 1 WHERE id >= 4").tag, "UPDATE 2");
  EXPECT_EQ(run("DELETE FROM t WHERE id = 1").tag, "DELETE 1");
  EXPECT_THAT(rows("SELECT id, v FROM t ORDER BY id"), ElementsAre("2|20", "3|30", "4|41", "5|51"));
}

TEST_F(EngineTest, ErrorsCarrySqlstate) {
  run("CREATE TABLE t (id int NOT NULL, name varchar(3))");
  EXPECT_EQ(error_code("SELECT * FROM nosuch"), "42P01");
  EXPECT_EQ(error_code("SELECT nosuch FROM t"), "42703");
  EXPECT_EQ(error_code("SELEC 1"), "42601");
  EXPECT_EQ(error_code("SELECT 1/0"), "22012");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (NULL, 'a')"), "23502");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1, 'abcd')"), "22001");
  EXPECT_EQ(error_code("INSERT INTO t VALUES ('x', 'a')"), "22P02");
  EXPECT_EQ(error_code("SELECT 2147483647 + 1"), "22003");
  EXPECT_EQ(error_code("SELECT id, count(*) FROM t"), "42803");
}

TEST_F(EngineTest, FailedStatementLeavesNoTrace) {
  run("CREATE TABLE t (v int)");
  EXPECT_EQ(error_code("INSERT INTO t SELECT 100 / (50 - g) FROM generate_series(1, 100) g"), "22012");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("0"));
}

TEST_F(EngineTest, TransactionBlocks) {
  run("CREATE TABLE t (v int)");
  run("BEGIN");
  run("INSERT INTO t VALUES (1)");
  EXPECT_EQ(session_->transaction_status(), TransactionStatus::InBlock);
  EXPECT_EQ(error_code("SELECT 1/0"), "22012");
  EXPECT_EQ(session_->transaction_status(), TransactionStatus::Failed);
  EXPECT_EQ(error_code("SELECT 1"), "25P02");
  EXPECT_EQ(run("COMMIT").tag, "ROLLBACK");
  EXPECT_EQ(session_->transaction_status(), TransactionStatus::Idle);
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("0"));
  run("START TRANSACTION; INSERT INTO t VALUES (2); COMMIT");
  run("BEGIN; INSERT INTO t VALUES (3); ROLLBACK");
  EXPECT_THAT(rows("SELECT v FROM t"), ElementsAre("2"));
}

TEST_F(EngineTest, MultiStatementQueryIsOneTransaction) {
  run("CREATE TABLE t (v int)");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1); SELECT 1/0"), "22012");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("0"));
}

TEST_F(EngineTest, DataSurvivesRestart) {
  run("CREATE TABLE t (id serial, v text DEFAULT 'd')");
  run("INSERT INTO t (v) VALUES ('a'); INSERT INTO t DEFAULT VALUES");
  reopen();
  EXPECT_THAT(rows("SELECT id, v FROM t ORDER BY id"), ElementsAre("1|a", "2|d"));
  run("INSERT INTO t (v) VALUES ('b')");
  EXPECT_THAT(rows("SELECT max(id) FROM t"), ElementsAre("3"));
}

TEST_F(EngineTest, TableLargerThanBufferPool) {
  reopen(16);  // 128 KiB of buffers
  run("CREATE TABLE big (id int, pad text)");
  run("INSERT INTO big SELECT g, 'padding padding padding padding' FROM generate_series(1, 20000) g");
  EXPECT_THAT(rows("SELECT count(*), sum(id) FROM big"), ElementsAre("20000|200010000"));
  reopen(16);
  EXPECT_THAT(rows("SELECT count(*) FROM big WHERE id % 2 = 0"), ElementsAre("10000"));
}

TEST_F(EngineTest, DropTable) {
  run("CREATE TABLE t (id serial)");
  EXPECT_EQ(run("DROP TABLE t").tag, "DROP TABLE");
  EXPECT_EQ(error_code("DROP TABLE t"), "42P01");
  EXPECT_EQ(run("DROP TABLE IF EXISTS t").tag, "DROP TABLE");
  run("CREATE TABLE t (id serial)");  // the owned sequence went with the table
}

TEST_F(EngineTest, ExplainShowsPostgresStylePlan) {
  run("CREATE TABLE t (a int)");
  EXPECT_THAT(rows("EXPLAIN SELECT a FROM t WHERE a > 1"),
              ElementsAre("Seq Scan on t  (cost=0.00..41.88 rows=850 width=4)", "  Filter: (a > 1)"));
  run("CREATE TABLE u (b int)");
  // PostgreSQL 15 prints these with enable_mergejoin = off (ChalkDB has no merge join yet).
  EXPECT_THAT(rows("EXPLAIN SELECT * FROM t JOIN u ON t.a = u.b"),
              ElementsAre("Hash Join  (cost=67.38..1247.18 rows=32512 width=8)",
                          "  Hash Cond: (t.a = u.b)",
                          "  ->  Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)",
                          "  ->  Hash  (cost=35.50..35.50 rows=2550 width=4)",
                          "        ->  Seq Scan on u  (cost=0.00..35.50 rows=2550 width=4)"));
  EXPECT_THAT(rows("EXPLAIN SELECT a, count(*) FROM t GROUP BY a ORDER BY a LIMIT 3"),
              ElementsAre("Limit  (cost=52.83..52.84 rows=3 width=12)",
                          "  ->  Sort  (cost=52.83..53.33 rows=200 width=12)",
                          "        Sort Key: a",
                          "        ->  HashAggregate  (cost=48.25..50.25 rows=200 width=12)",
                          "              Group Key: a",
                          "              ->  Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)"));
}

}  // namespace
}  // namespace chalkdb::testing

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

TEST_F(EngineTest, SetShowAndSetConfig) {
  EXPECT_THAT(rows("SHOW work_mem"), ElementsAre("4MB"));
  EXPECT_EQ(run("SET work_mem = '64kB'").tag, "SET");
  EXPECT_THAT(rows("SHOW work_mem"), ElementsAre("64kB"));
  EXPECT_THAT(rows("SELECT current_setting('work_mem')"), ElementsAre("64kB"));
  EXPECT_THAT(rows("SELECT set_config('work_mem', '1MB', false)"), ElementsAre("1MB"));
  EXPECT_EQ(run("RESET work_mem").tag, "RESET");
  EXPECT_THAT(rows("SHOW work_mem"), ElementsAre("4MB"));
  EXPECT_EQ(error_code("SET nosuch = 1"), "42704");
  run("BEGIN; SET LOCAL work_mem = '2MB'");
  EXPECT_THAT(rows("SHOW work_mem"), ElementsAre("2MB"));
  run("COMMIT");
  EXPECT_THAT(rows("SHOW work_mem"), ElementsAre("4MB"));
}

TEST_F(EngineTest, ConstantExpressionsFailBeforeAnyRowIsDescribed) {
  CollectingSink sink;
  EXPECT_THROW(session_->execute_simple("SELECT 1/0", sink), SqlError);
  EXPECT_TRUE(sink.results.empty());
}

TEST_F(EngineTest, OnlyThePostgresDatabaseExists) {
  SessionOptions options;
  options.database = "nosuch";
  try {
    database_->create_session(options);
    FAIL() << "no error";
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state.code, "3D000");
    EXPECT_EQ(error.message, "database \"nosuch\" does not exist");
  }
}

}  // namespace
}  // namespace chalkdb::testing
