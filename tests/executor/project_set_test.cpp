// Set-returning functions in the select list through a session: zipping calls of different
// lengths, strict NULL arguments, batches larger than one, the ProjectSet plan and errors.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

class ProjectSetTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE docs (id int, tags text[])");
    run("INSERT INTO docs VALUES (1, '{a,b}'), (2, NULL), (3, '{c}')");
  }
};

TEST_F(ProjectSetTest, ZipsCallsAndPadsShorterOnesWithNull) {
  EXPECT_THAT(rows("SELECT id, unnest(tags), generate_series(1, 2) FROM docs ORDER BY id, 3"),
              ElementsAre("1|a|1", "1|b|2", "2|<null>|1", "2|<null>|2", "3|c|1", "3|<null>|2"));
  EXPECT_THAT(rows("SELECT id, unnest(tags) FROM docs ORDER BY id, 2"), ElementsAre("1|a", "1|b", "3|c"));
}

TEST_F(ProjectSetTest, ExpressionsAroundCallsAndAggregatesBelow) {
  EXPECT_THAT(rows("SELECT generate_series(1, 3) * 10"), ElementsAre("10", "20", "30"));
  EXPECT_THAT(rows("SELECT unnest(array_agg(id ORDER BY id DESC)) FROM docs"), ElementsAre("3", "2", "1"));
}

TEST_F(ProjectSetTest, ProducesMoreRowsThanOneBatch) {
  EXPECT_THAT(rows("SELECT generate_series(1, 3000) FROM docs"), SizeIs(9000));
  EXPECT_THAT(rows("SELECT count(*) FROM (SELECT generate_series(1, 3000) FROM docs) s"), ElementsAre("9000"));
}

TEST_F(ProjectSetTest, PlanShowsProjectSet) {
  EXPECT_THAT(rows("EXPLAIN (COSTS OFF) SELECT id, unnest(tags) AS t FROM docs ORDER BY t"),
              ElementsAre("Sort", "  Sort Key: (unnest(tags))", "  ->  ProjectSet", "        ->  Seq Scan on docs"));
}

TEST_F(ProjectSetTest, RefusedWherePostgresRefusesThem) {
  EXPECT_EQ(error_code("SELECT id FROM docs WHERE unnest(tags) = 'a'"), "0A000");
  EXPECT_EQ(failure("SELECT id FROM docs WHERE unnest(tags) = 'a'").message,
            "set-returning functions are not allowed in WHERE");
  EXPECT_EQ(error_code("SELECT sum(generate_series(1, 3))"), "42803");
  EXPECT_EQ(error_code("SELECT json_each('{\"a\": 1}')"), "0A000");
  EXPECT_EQ(error_code("SELECT DISTINCT unnest(tags) FROM docs"), "0A000");
}

}  // namespace
}  // namespace chalkdb::testing
