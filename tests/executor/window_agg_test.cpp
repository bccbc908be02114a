// Window functions, ordered/filtered aggregates and grouping sets through a session: results
// that do not depend on output formatting, frame edge cases, and the window plan's shape.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class WindowAggTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE t (g int, x int, s text)");
    run("INSERT INTO t VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 2, 'c'), (1, 4, 'd'), "
        "(2, 10, 'e'), (2, NULL, 'f'), (3, 7, 'g')");
  }
};

TEST_F(WindowAggTest, RankingFunctionsHandlePeers) {
  EXPECT_THAT(rows("SELECT s, row_number() OVER w, rank() OVER w, dense_rank() OVER w "
                   "FROM t WHERE g = 1 WINDOW w AS (ORDER BY x) ORDER BY s"),
              ElementsAre("a|1|1|1", "b|2|2|2", "c|3|2|2", "d|4|4|3"));
  EXPECT_THAT(rows("SELECT s, percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x) "
                   "FROM t WHERE g = 1 ORDER BY s"),
              ElementsAre("a|0|0.25", "b|0.3333333333333333|0.75", "c|0.3333333333333333|0.75", "d|1|1"));
}

TEST_F(WindowAggTest, PartitionsRestartAndNullsFormOnePeerGroup) {
  EXPECT_THAT(rows("SELECT s, row_number() OVER (PARTITION BY g ORDER BY x NULLS FIRST), "
                   "count(x) OVER (PARTITION BY g) FROM t ORDER BY s"),
              ElementsAre("a|1|4", "b|2|4", "c|3|4", "d|4|4", "e|2|1", "f|1|1", "g|1|1"));
}

TEST_F(WindowAggTest, DefaultFrameIncludesPeersAndRowsFrameDoesNot) {
  EXPECT_THAT(rows("SELECT s, sum(x) OVER (ORDER BY x), sum(x) OVER (ORDER BY x, s ROWS UNBOUNDED "
                   "PRECEDING) FROM t WHERE g = 1 ORDER BY s"),
              ElementsAre("a|1|1", "b|5|3", "c|5|5", "d|9|9"));
}

TEST_F(WindowAggTest, SlidingAndExcludingFrames) {
  EXPECT_THAT(rows("SELECT s, sum(x) OVER (ORDER BY s ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), "
                   "sum(x) OVER (ORDER BY s ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) "
                   "FROM t WHERE g = 1 ORDER BY s"),
              ElementsAre("a|3|4", "b|5|6", "c|8|4", "d|6|<null>"));
  EXPECT_THAT(rows("SELECT s, count(*) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW "
                   "EXCLUDE TIES) FROM t WHERE g = 1 ORDER BY s"),
              ElementsAre("a|1", "b|2", "c|2", "d|3"));
  EXPECT_THAT(rows("SELECT s, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING "
                   "EXCLUDE CURRENT ROW) FROM t WHERE g = 1 ORDER BY s"),
              ElementsAre("a|4", "b|3", "c|3", "d|<null>"));
}

TEST_F(WindowAggTest, RangeOffsetsSkipNullKeys) {
  EXPECT_THAT(rows("SELECT s, count(*) OVER (ORDER BY x RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) "
                   "FROM t ORDER BY s"),
              ElementsAre("a|1", "b|3", "c|3", "d|4", "e|2", "f|1", "g|2"));
  EXPECT_THAT(rows("SELECT s, count(*) OVER (ORDER BY x DESC RANGE BETWEEN CURRENT ROW AND 3 FOLLOWING) "
                   "FROM t WHERE x IS NOT NULL ORDER BY s"),
              ElementsAre("a|1", "b|3", "c|3", "d|4", "e|2", "g|2"));
}

TEST_F(WindowAggTest, OffsetAndFrameValueFunctions) {
  EXPECT_THAT(rows("SELECT s, lag(x) OVER w, lead(x, 2, -1) OVER w, first_value(s) OVER w, "
                   "last_value(s) OVER w, nth_value(s, 3) OVER w FROM t WHERE g = 1 "
                   "WINDOW w AS (ORDER BY s) ORDER BY s"),
              ElementsAre("a|<null>|2|a|a|<null>", "b|1|4|a|b|<null>", "c|2|-1|a|c|c", "d|2|-1|a|d|c"));
  EXPECT_THAT(rows("SELECT s, ntile(3) OVER (ORDER BY s) FROM t ORDER BY s"),
              ElementsAre("a|1", "b|1", "c|1", "d|2", "e|2", "f|3", "g|3"));
}

TEST_F(WindowAggTest, WindowsOverAggregatesAndInOrderBy) {
  EXPECT_THAT(rows("SELECT g, sum(x), sum(sum(x)) OVER (ORDER BY g), rank() OVER (ORDER BY count(*) DESC) "
                   "FROM t GROUP BY g ORDER BY g"),
              ElementsAre("1|9|9|1", "2|10|19|2", "3|7|26|3"));
  EXPECT_THAT(rows("SELECT s FROM t ORDER BY row_number() OVER (ORDER BY s DESC) LIMIT 2"),
              ElementsAre("g", "f"));
}

TEST_F(WindowAggTest, ErrorsCarryPostgresSqlStates) {
  EXPECT_EQ(error_code("SELECT s FROM t WHERE rank() OVER () = 1"), "42P20");
  EXPECT_EQ(error_code("SELECT sum(rank() OVER ()) FROM t"), "42803");
  EXPECT_EQ(error_code("SELECT rank() FROM t"), "42809");
  EXPECT_EQ(error_code("SELECT rank() OVER w FROM t"), "42704");
  EXPECT_EQ(error_code("SELECT sum(x) OVER (ORDER BY x ROWS -1 PRECEDING) FROM t"), "22013");
  EXPECT_EQ(error_code("SELECT ntile(0) OVER () FROM t"), "22014");
  EXPECT_EQ(error_code("SELECT nth_value(x, 0) OVER () FROM t"), "22016");
  EXPECT_EQ(error_code("SELECT sum(x) OVER (ORDER BY s RANGE 1 PRECEDING) FROM t"), "0A000");
}

TEST_F(WindowAggTest, OrderedFilteredAndStatisticalAggregates) {
  EXPECT_THAT(rows("SELECT g, string_agg(s, '-' ORDER BY s DESC), count(*) FILTER (WHERE x > 1), "
                   "bool_and(x > 1), bool_or(x > 1) FROM t GROUP BY g ORDER BY g"),
              ElementsAre("1|d-c-b-a|3|f|t", "2|f-e|1|t|t", "3|g|1|t|t"));
  EXPECT_THAT(rows("SELECT var_pop(x), stddev_pop(x), variance(x::float8) FROM t WHERE g = 1"),
              ElementsAre("1.1875000000000000|1.0897247358851684|1.5833333333333333"));
  EXPECT_THAT(rows("SELECT stddev(x) FROM t WHERE g = 3"), ElementsAre("<null>"));
}

TEST_F(WindowAggTest, GroupingSetsComputeEverySet) {
  EXPECT_THAT(rows("SELECT g, count(*), GROUPING(g) FROM t GROUP BY ROLLUP (g) ORDER BY g"),
              ElementsAre("1|4|0", "2|2|0", "3|1|0", "<null>|7|1"));
  EXPECT_THAT(rows("SELECT g, x > 2 AS big, count(*), GROUPING(g, x > 2) FROM t "
                   "GROUP BY CUBE (g, x > 2) HAVING count(*) > 2 ORDER BY 4, 1, 2"),
              ElementsAre("1|f|3|0", "1|<null>|4|1", "<null>|f|3|2", "<null>|t|3|2", "<null>|<null>|7|3"));
  EXPECT_THAT(rows("SELECT count(*) FROM t WHERE false GROUP BY GROUPING SETS ((), (g))"),
              ElementsAre("0"));
}

TEST_F(WindowAggTest, PlansSortOnceForWindowsSharingAPrefix) {
  auto plan = rows("EXPLAIN (COSTS OFF) SELECT rank() OVER (PARTITION BY g ORDER BY x), "
                   "sum(x) OVER (PARTITION BY g) FROM t ORDER BY g");
  EXPECT_THAT(plan, ElementsAre("WindowAgg", "  ->  WindowAgg", "        ->  Sort",
                                "              Sort Key: g, x", "              ->  Seq Scan on t"));
}

}  // namespace
}  // namespace chalkdb::testing
