// Prepared statements' plan choice (executor/plan_cache.h): custom plans first, then the
// generic plan, re-planned after DDL, with results equal to a custom plan's.
#include "executor/portal.h"
#include "executor/prepared_statement.h"
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

class PlanCacheTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE t (id int PRIMARY KEY, v text)");
    run("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 500) g");
  }

  std::shared_ptr<const PreparedStatement> prepare(const std::string& sql) { return session_->prepare(sql, {}); }

  // Binds and runs the statement; its rows as in EngineTest::rows.
  std::vector<std::string> execute(const std::shared_ptr<const PreparedStatement>& statement,
                                   std::vector<Value> values) {
    auto portal = session_->bind(statement, std::move(values));
    CollectingSink sink;
    session_->execute_portal(*portal, 0, sink);
    session_->sync();
    std::vector<std::string> out;
    for (const auto& row : sink.results.back().rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + row[i];
      out.push_back(line);
    }
    return out;
  }
};

TEST_F(PlanCacheTest, FiveCustomPlansThenTheGenericPlan) {
  auto statement = prepare("SELECT v FROM t WHERE id = $1");
  for (int id = 1; id <= 8; ++id) {
    EXPECT_THAT(execute(statement, {Value::int4(id)}), ::testing::ElementsAre("v" + std::to_string(id)));
  }
  EXPECT_EQ(statement->plans->custom_plans(), 5);
  EXPECT_THAT(execute(statement, {Value::null(TypeId::Int4)}), ::testing::IsEmpty());
  EXPECT_THAT(execute(statement, {Value::int4(9999)}), ::testing::IsEmpty());
  EXPECT_EQ(statement->plans->custom_plans(), 5);
}

TEST_F(PlanCacheTest, PlanCacheModeForcesEitherPlan) {
  auto statement = prepare("SELECT count(*) FROM t WHERE id <= $1");
  run("SET plan_cache_mode = force_generic_plan");
  EXPECT_THAT(execute(statement, {Value::int4(10)}), ::testing::ElementsAre("10"));
  EXPECT_EQ(statement->plans->custom_plans(), 0);
  run("SET plan_cache_mode = force_custom_plan");
  for (int i = 0; i < 7; ++i) EXPECT_THAT(execute(statement, {Value::int4(20)}), ::testing::ElementsAre("20"));
  EXPECT_EQ(statement->plans->custom_plans(), 7);
}

TEST_F(PlanCacheTest, ExplainExecuteShowsTheChosenPlan) {
  run("SET plan_cache_mode = force_generic_plan");
  run("PREPARE by_v(text) AS SELECT id FROM t WHERE v = $1");
  EXPECT_THAT(rows("EXPLAIN (COSTS OFF) EXECUTE by_v('v7')"), ::testing::ElementsAre("Seq Scan on t", "  Filter: (v = $1)"));
  run("CREATE UNIQUE INDEX t_v ON t (v)");
  EXPECT_THAT(rows("EXPLAIN (COSTS OFF) EXECUTE by_v('v7')"),
              ::testing::ElementsAre("Index Scan using t_v on t", "  Index Cond: (v = $1)"));
  EXPECT_THAT(rows("EXECUTE by_v('v7')"), ::testing::ElementsAre("7"));
  run("DROP INDEX t_v");
  EXPECT_THAT(rows("EXECUTE by_v('v8')"), ::testing::ElementsAre("8"));
  run("TRUNCATE t");
  EXPECT_THAT(rows("EXECUTE by_v('v8')"), ::testing::IsEmpty());
}

TEST_F(PlanCacheTest, GenericPlanOfARolledBackTableIsNotUsed) {
  run("SET plan_cache_mode = force_generic_plan");
  run("BEGIN");
  run("CREATE TABLE scratch (id int)");
  run("PREPARE from_scratch(int) AS SELECT id FROM scratch WHERE id = $1");
  EXPECT_THAT(rows("EXECUTE from_scratch(1)"), ::testing::IsEmpty());
  run("ROLLBACK");
  EXPECT_EQ(error_code("EXECUTE from_scratch(1)"), "42P01");
}

TEST_F(PlanCacheTest, ChangedResultTypeIsRefused) {
  run("PREPARE all_cols AS SELECT * FROM t WHERE id = 1");
  EXPECT_THAT(rows("EXECUTE all_cols"), ::testing::ElementsAre("1|v1"));
  run("ALTER TABLE t ADD COLUMN w int");
  SqlError error = failure("EXECUTE all_cols");
  EXPECT_EQ(std::string(error.state.code), "0A000");
  EXPECT_EQ(error.message, "cached plan must not change result type");
}

TEST_F(PlanCacheTest, UpdatesThroughTheGenericPlan) {
  run("SET plan_cache_mode = force_generic_plan");
  run("PREPARE bump(int, text) AS UPDATE t SET v = $2 WHERE id = $1");
  run("EXECUTE bump(5, 'five')");
  run("EXECUTE bump(6, 'six')");
  EXPECT_THAT(rows("SELECT v FROM t WHERE id BETWEEN 4 AND 7 ORDER BY id"),
              ::testing::ElementsAre("v4", "five", "six", "v7"));
}

}  // namespace
}  // namespace chalkdb::testing
