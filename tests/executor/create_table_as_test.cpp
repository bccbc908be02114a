// Engine tests of CREATE TABLE ... AS and SELECT INTO: column names and types, WITH NO DATA,
// the command tags, IF NOT EXISTS and transactional behaviour.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class CreateTableAsTest : public EngineTest {};

TEST_F(CreateTableAsTest, CopiesRowsWithTheQuerysColumnsAndTags) {
  run("CREATE TABLE src (a int, b text)");
  run("INSERT INTO src VALUES (1, 'x'), (2, 'y'), (3, NULL)");
  EXPECT_EQ(run("CREATE TABLE dst (n) AS SELECT a * 10, b FROM src WHERE a > 1 ORDER BY a").tag, "SELECT 2");
  EXPECT_THAT(rows("SELECT n, b FROM dst ORDER BY n"), ElementsAre("20|y", "30|<null>"));
  EXPECT_THAT(rows("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = 'dst'::regclass AND attnum > 0 "
                   "ORDER BY attnum"),
              ElementsAre("n|23", "b|25"));
  run("INSERT INTO dst VALUES (40, 'z')");  // an ordinary table
  EXPECT_THAT(rows("SELECT count(*) FROM dst"), ElementsAre("3"));
}

TEST_F(CreateTableAsTest, UnknownLiteralsBecomeTextAndNoDataLeavesTheTableEmpty) {
  EXPECT_EQ(run("CREATE TABLE lit AS SELECT 'abc' AS s, NULL AS z WITH NO DATA").tag, "CREATE TABLE AS");
  EXPECT_THAT(rows("SELECT count(*) FROM lit"), ElementsAre("0"));
  EXPECT_THAT(rows("SELECT atttypid FROM pg_attribute WHERE attrelid = 'lit'::regclass AND attnum > 0"),
              ElementsAre("25", "25"));
}

TEST_F(CreateTableAsTest, IfNotExistsSkipsAndErrorsMatchPostgres) {
  run("CREATE TABLE t AS SELECT 1 AS a");
  CollectingSink sink;
  session_->execute_simple("CREATE TABLE IF NOT EXISTS t AS SELECT 2 AS a", sink);
  EXPECT_EQ(sink.results.back().tag, "CREATE TABLE AS");
  EXPECT_THAT(sink.notices, ElementsAre("relation \"t\" already exists, skipping"));
  EXPECT_EQ(error_code("CREATE TABLE t AS SELECT 1"), "42P07");
  EXPECT_EQ(error_code("CREATE TABLE u (x, y) AS SELECT 1"), "42601");
  EXPECT_EQ(error_code("CREATE TABLE u AS SELECT 1 AS a, 2 AS a"), "42701");
}

TEST_F(CreateTableAsTest, SelectIntoCreatesTheTableOnlyAtTopLevel) {
  run("CREATE TABLE src (a int)");
  run("INSERT INTO src VALUES (1), (2)");
  EXPECT_EQ(run("SELECT a * 2 AS d INTO doubled FROM src").tag, "SELECT 2");
  EXPECT_THAT(rows("SELECT d FROM doubled ORDER BY d"), ElementsAre("2", "4"));
  SqlError error = failure("SELECT * FROM (SELECT a INTO nested FROM src) s");
  EXPECT_EQ(std::string(error.state.code), "42601");
  EXPECT_EQ(error.message, "SELECT ... INTO is not allowed here");
}

TEST_F(CreateTableAsTest, RollsBackWithItsTransaction) {
  run("BEGIN");
  run("CREATE TABLE gone AS SELECT 1 AS a");
  EXPECT_THAT(rows("SELECT a FROM gone"), ElementsAre("1"));
  run("ROLLBACK");
  EXPECT_EQ(error_code("SELECT * FROM gone"), "42P01");
}

}  // namespace
}  // namespace chalkdb::testing
