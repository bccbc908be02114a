// Planner settings reach the planner from the session: enable_* switches with PostgreSQL's
// disable_cost, SET LOCAL ending with the transaction, and the cost constants' effect on
// EXPLAIN's estimates.
#include "tests/executor/engine_fixture.h"

#include "planner/planner_settings.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class PlannerSettingsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE a (id int, v int)");
    run("CREATE TABLE b (id int, w int)");
  }
  std::string top_node(const std::string& query) { return rows("EXPLAIN (COSTS OFF) " + query).front(); }
};

TEST_F(PlannerSettingsTest, JoinSwitchesPickTheOtherJoin) {
  const std::string join = "SELECT * FROM a JOIN b ON a.id = b.id";
  EXPECT_EQ(top_node(join), "Hash Join");
  run("SET enable_hashjoin = off");
  EXPECT_EQ(top_node(join), "Nested Loop");
  run("RESET enable_hashjoin");
  EXPECT_EQ(top_node(join), "Hash Join");
  run("SET enable_nestloop = off");
  EXPECT_EQ(top_node("SELECT * FROM a JOIN b ON a.id < b.id"), "Nested Loop");  // the only way
}

TEST_F(PlannerSettingsTest, HashaggSortAndMaterialSwitches) {
  run("SET enable_hashagg = off");
  EXPECT_EQ(top_node("SELECT v, count(*) FROM a GROUP BY v"), "GroupAggregate");
  run("SET enable_hashjoin = off");
  run("SET enable_material = off");
  EXPECT_THAT(rows("EXPLAIN (COSTS OFF) SELECT * FROM a JOIN b ON a.id = b.id"),
              ElementsAre("Nested Loop", "  Join Filter: (a.id = b.id)", "  ->  Seq Scan on a", "  ->  Seq Scan on b"));
}

TEST_F(PlannerSettingsTest, SetLocalLastsUntilTheTransactionEnds) {
  run("BEGIN");
  run("SET LOCAL enable_seqscan = off");
  EXPECT_THAT(rows("EXPLAIN SELECT * FROM a"),
              ElementsAre("Seq Scan on a  (cost=10000000000.00..10000000032.60 rows=2260 width=8)"));
  run("COMMIT");
  EXPECT_THAT(rows("EXPLAIN SELECT * FROM a"), ElementsAre("Seq Scan on a  (cost=0.00..32.60 rows=2260 width=8)"));
}

TEST_F(PlannerSettingsTest, CostConstantsChangeEstimates) {
  run("SET cpu_tuple_cost = 0.02");
  run("SET seq_page_cost = 2");
  EXPECT_THAT(rows("EXPLAIN SELECT * FROM a"), ElementsAre("Seq Scan on a  (cost=0.00..65.20 rows=2260 width=8)"));
  EXPECT_THAT(rows("SHOW seq_page_cost"), ElementsAre("2"));
  EXPECT_EQ(error_code("SET random_page_cost = -1"), "22023");
}

TEST(PlannerSettingsDefaults, MatchPostgres) {
  PlannerSettings defaults;
  EXPECT_EQ(defaults.costs.random_page_cost, 4.0);
  EXPECT_EQ(defaults.costs.sort_disable_cost, 0.0);
  EXPECT_EQ(kDisableCost, 1.0e10);
}

}  // namespace
}  // namespace chalkdb::testing
