// array_agg and the json aggregates through a session: NULL inputs kept, DISTINCT sorted,
// ORDER BY and FILTER, grouping and window use, and their errors.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class CollectingAggregatesTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE t (g int, x int, s text)");
    run("INSERT INTO t VALUES (1, 3, 'c'), (1, NULL, 'a'), (1, 1, NULL), (2, 3, 'b'), (2, 3, 'b')");
  }
};

TEST_F(CollectingAggregatesTest, ArrayAggKeepsNullsAndFollowsOrderBy) {
  EXPECT_THAT(rows("SELECT array_agg(x ORDER BY s NULLS FIRST) FROM t WHERE g = 1"),
              ElementsAre("{1,NULL,3}"));
  EXPECT_THAT(rows("SELECT g, array_agg(DISTINCT s) FROM t GROUP BY g ORDER BY g"),
              ElementsAre("1|{a,c,NULL}", "2|{b}"));
  EXPECT_THAT(rows("SELECT array_agg(x) FILTER (WHERE x > 1) FROM t"), ElementsAre("{3,3,3}"));
  EXPECT_THAT(rows("SELECT array_agg(x) FROM t WHERE false"), ElementsAre("<null>"));
}

TEST_F(CollectingAggregatesTest, JsonAggregatesWritePostgresText) {
  EXPECT_THAT(rows("SELECT json_agg(s ORDER BY s), jsonb_agg(DISTINCT x) FROM t"),
              ElementsAre("[\"a\", \"b\", \"b\", \"c\", null]|[1, 3, null]"));
  EXPECT_THAT(rows("SELECT json_object_agg(s, x ORDER BY s) FROM t WHERE s IS NOT NULL AND g = 1"),
              ElementsAre("{ \"a\" : null, \"c\" : 3 }"));
  EXPECT_THAT(rows("SELECT jsonb_object_agg(s, x) FROM t WHERE s IS NOT NULL"),
              ElementsAre("{\"a\": null, \"b\": 3, \"c\": 3}"));
}

TEST_F(CollectingAggregatesTest, WindowArrayAggGrowsWithTheFrame) {
  EXPECT_THAT(rows("SELECT array_agg(s) OVER (ORDER BY s) FROM t WHERE g = 2 OR s = 'a' ORDER BY s"),
              ElementsAre("{a}", "{a,b,b}", "{a,b,b}"));
}

TEST_F(CollectingAggregatesTest, ErrorsAsPostgres) {
  EXPECT_EQ(error_code("SELECT json_object_agg(s, x) FROM t"), "22023");
  EXPECT_EQ(error_code("SELECT array_agg('x')"), "42725");
  EXPECT_EQ(error_code("SELECT json_agg('x')"), "42804");
  EXPECT_EQ(error_code("SELECT array_agg(ARRAY[x]) FROM t"), "0A000");
}

}  // namespace
}  // namespace chalkdb::testing
