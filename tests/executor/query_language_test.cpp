// End-to-end tests of the query language: outer joins, subqueries, WITH [RECURSIVE], set
// operations, DISTINCT [ON] and FETCH WITH TIES, through the engine without the network.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class QueryLanguageTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE d (id int, name text)");
    run("CREATE TABLE e (id int, name text, dept int, boss int)");
    run("INSERT INTO d VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
    run("INSERT INTO e VALUES (1, 'ann', 1, NULL), (2, 'bo', 1, 1), (3, 'cy', 2, 1), (4, 'di', NULL, 3)");
  }
};

TEST_F(QueryLanguageTest, OuterJoinsKeepUnmatchedRows) {
  EXPECT_THAT(rows("SELECT e.name, d.name FROM e LEFT JOIN d ON e.dept = d.id ORDER BY e.id"),
              ElementsAre("ann|eng", "bo|eng", "cy|ops", "di|<null>"));
  EXPECT_THAT(rows("SELECT e.name, d.name FROM e RIGHT JOIN d ON e.dept = d.id ORDER BY d.id, e.id"),
              ElementsAre("ann|eng", "bo|eng", "cy|ops", "<null>|empty"));
  EXPECT_THAT(rows("SELECT e.name, d.name FROM e FULL JOIN d ON e.dept = d.id ORDER BY e.id, d.id"),
              ElementsAre("ann|eng", "bo|eng", "cy|ops", "di|<null>", "<null>|empty"));
  // ON filters before null extension, WHERE after it.
  EXPECT_EQ(rows("SELECT 1 FROM e LEFT JOIN d ON e.dept = d.id AND d.name = 'ops'").size(), 4u);
  EXPECT_EQ(rows("SELECT 1 FROM e LEFT JOIN d ON e.dept = d.id WHERE d.name = 'ops'").size(), 1u);
  // A nested loop left join (no equality to hash on).
  EXPECT_THAT(rows("SELECT e.name, d.name FROM e LEFT JOIN d ON e.dept <= d.id AND e.dept >= d.id ORDER BY e.id"),
              ElementsAre("ann|eng", "bo|eng", "cy|ops", "di|<null>"));
  EXPECT_EQ(error_code("SELECT 1 FROM e FULL JOIN d ON e.dept < d.id"), "0A000");
}

TEST_F(QueryLanguageTest, UsingMergesColumns) {
  auto result = run("SELECT * FROM d JOIN e USING (id, name)");
  ASSERT_EQ(result.columns.size(), 4u);
  EXPECT_EQ(result.columns[0].name, "id");
  EXPECT_THAT(rows("SELECT id FROM d FULL JOIN e USING (id) ORDER BY id"), ElementsAre("1", "2", "3", "4"));
  EXPECT_THAT(rows("SELECT id, name FROM d NATURAL JOIN e"), ElementsAre());
  EXPECT_EQ(error_code("SELECT * FROM d JOIN e USING (nope)"), "42703");
}

TEST_F(QueryLanguageTest, SubqueriesWithNullSemantics) {
  EXPECT_THAT(rows("SELECT name FROM d WHERE id NOT IN (SELECT dept FROM e)"), ElementsAre());
  EXPECT_THAT(rows("SELECT name FROM d WHERE id NOT IN (SELECT dept FROM e WHERE dept IS NOT NULL)"),
              ElementsAre("empty"));
  EXPECT_THAT(rows("SELECT name FROM d WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.dept = d.id)"),
              ElementsAre("empty"));
  EXPECT_THAT(rows("SELECT name FROM e WHERE dept IN (SELECT id FROM d WHERE name = 'eng') ORDER BY 1"),
              ElementsAre("ann", "bo"));
  EXPECT_THAT(rows("SELECT name, (SELECT count(*) FROM e WHERE e.dept = d.id) FROM d ORDER BY id"),
              ElementsAre("eng|2", "ops|1", "empty|0"));
  EXPECT_THAT(rows("SELECT 3 > ALL (SELECT dept FROM e), 3 > ANY (SELECT dept FROM e)"), ElementsAre("<null>|t"));
  EXPECT_EQ(error_code("SELECT (SELECT id FROM e)"), "21000");
  EXPECT_EQ(error_code("SELECT 1 WHERE 1 IN (SELECT 1, 2)"), "42601");
}

TEST_F(QueryLanguageTest, RecursiveQueries) {
  EXPECT_THAT(rows("WITH RECURSIVE org AS (SELECT id, 1 AS depth FROM e WHERE boss IS NULL UNION ALL "
                   "SELECT e.id, o.depth + 1 FROM e JOIN org o ON e.boss = o.id) "
                   "SELECT id, depth FROM org ORDER BY id"),
              ElementsAre("1|1", "2|2", "3|2", "4|3"));
  // UNION (not ALL) ends a walk around a cycle.
  EXPECT_THAT(rows("WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT (n % 3) + 1 FROM r) SELECT n FROM r ORDER BY n"),
              ElementsAre("1", "2", "3"));
  EXPECT_THAT(rows("WITH x AS (SELECT id FROM d) SELECT count(*) FROM x a JOIN x b ON a.id = b.id"),
              ElementsAre("3"));
}

TEST_F(QueryLanguageTest, SetOperationsAndDistinct) {
  EXPECT_THAT(rows("SELECT dept FROM e UNION SELECT id FROM d ORDER BY 1"), ElementsAre("1", "2", "3", "<null>"));
  EXPECT_THAT(rows("SELECT dept FROM e INTERSECT ALL SELECT 1 UNION ALL SELECT 1"), UnorderedElementsAre("1", "1"));
  EXPECT_THAT(rows("SELECT dept FROM e EXCEPT ALL SELECT 1 ORDER BY 1"), ElementsAre("1", "2", "<null>"));
  EXPECT_EQ(error_code("SELECT 1 UNION SELECT 'a'::text"), "42804");
  EXPECT_EQ(error_code("SELECT 1 UNION SELECT 1, 2"), "42601");
  EXPECT_THAT(rows("SELECT DISTINCT dept FROM e ORDER BY 1"), ElementsAre("1", "2", "<null>"));
  EXPECT_THAT(rows("SELECT DISTINCT ON (dept) dept, name FROM e ORDER BY dept, name DESC"),
              ElementsAre("1|bo", "2|cy", "<null>|di"));
  EXPECT_EQ(error_code("SELECT DISTINCT ON (dept) name FROM e ORDER BY name"), "42P10");
  EXPECT_EQ(error_code("SELECT DISTINCT name FROM e ORDER BY id"), "42P10");
  EXPECT_THAT(rows("SELECT dept FROM e ORDER BY dept FETCH FIRST 1 ROW WITH TIES"), ElementsAre("1", "1"));
}

TEST_F(QueryLanguageTest, LateralItemsReadEarlierItems) {
  EXPECT_THAT(rows("SELECT d.name, x.name FROM d, LATERAL (SELECT name FROM e WHERE e.dept = d.id "
                   "ORDER BY name DESC LIMIT 1) x ORDER BY d.id"),
              ElementsAre("eng|bo", "ops|cy"));
  EXPECT_THAT(rows("SELECT d.name, x.name FROM d LEFT JOIN LATERAL (SELECT name FROM e WHERE e.dept = d.id "
                   "LIMIT 1) x ON true WHERE d.id = 3"),
              ElementsAre("empty|<null>"));
  EXPECT_THAT(rows("SELECT d.id, g FROM d, generate_series(1, d.id) g ORDER BY 1, 2"),
              ElementsAre("1|1", "2|1", "2|2", "3|1", "3|2", "3|3"));
  // Without LATERAL a subquery in FROM cannot see the items before it.
  EXPECT_EQ(error_code("SELECT * FROM d, (SELECT * FROM e WHERE e.dept = d.id) x"), "42P01");
}

}  // namespace
}  // namespace chalkdb::testing
