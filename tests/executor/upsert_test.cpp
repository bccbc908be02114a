// INSERT ... ON CONFLICT DO UPDATE through sessions: inserted and updated rows, EXCLUDED and
// the target alias, the update's WHERE, a row affected twice (21000), index and heap staying
// in step, and sessions upserting the same keys at once.
#include <fmt/format.h>

#include <thread>

#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

TEST_F(EngineTest, UpsertInsertsNewKeysAndUpdatesExistingOnes) {
  run("CREATE TABLE t (k int PRIMARY KEY, v int)");
  run("INSERT INTO t VALUES (1, 10)");
  auto result = run("INSERT INTO t AS x VALUES (1, 5), (2, 7) ON CONFLICT (k) "
                    "DO UPDATE SET v = x.v + EXCLUDED.v RETURNING k, v");
  EXPECT_EQ(result.tag, "INSERT 0 2");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0][1], "15");
  EXPECT_EQ(result.rows[1][1], "7");
  EXPECT_THAT(rows("SELECT k, v FROM t ORDER BY k"), ElementsAre("1|15", "2|7"));
  // The index finds the new version and not the old one.
  run("SET enable_seqscan = off");
  EXPECT_THAT(rows("SELECT v FROM t WHERE k = 1"), ElementsAre("15"));
  run("RESET enable_seqscan");
}

TEST_F(EngineTest, UpsertWhereRejectsWithoutCounting) {
  run("CREATE TABLE t (k int PRIMARY KEY, v int)");
  run("INSERT INTO t VALUES (1, 1), (2, 20)");
  auto result = run("INSERT INTO t VALUES (1, 0), (2, 0) ON CONFLICT (k) DO UPDATE SET v = t.v + 1 WHERE t.v > 10");
  EXPECT_EQ(result.tag, "INSERT 0 1");
  EXPECT_THAT(rows("SELECT k, v FROM t ORDER BY k"), ElementsAre("1|1", "2|21"));
}

TEST_F(EngineTest, UpsertRefusesToAffectARowTwice) {
  run("CREATE TABLE t (k int PRIMARY KEY, v int)");
  SqlError error = failure("INSERT INTO t VALUES (1, 1), (1, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v");
  EXPECT_EQ(std::string(error.state.code), "21000");
  EXPECT_EQ(error.message, "ON CONFLICT DO UPDATE command cannot affect row a second time");
  EXPECT_EQ(error.hint,
            "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ElementsAre("0"));
}

TEST_F(EngineTest, UpsertChecksTargetAndConstraints) {
  run("CREATE TABLE t (k int PRIMARY KEY, v int CHECK (v < 100), u int UNIQUE)");
  run("INSERT INTO t VALUES (1, 1, 1), (2, 2, 2)");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1) ON CONFLICT (v) DO UPDATE SET v = 0"), "42P10");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET v = 0"), "42601");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET v = v"), "42702");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1, 99) ON CONFLICT (k) DO UPDATE SET v = t.v + excluded.v"), "23514");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET u = 2"), "23505");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (1) ON CONFLICT (k) DO UPDATE SET k = NULL"), "23502");
  EXPECT_THAT(rows("SELECT k, v, u FROM t ORDER BY k"), ElementsAre("1|1|1", "2|2|2"));
}

TEST_F(EngineTest, ExplainShowsConflictResolution) {
  run("CREATE TABLE t (k int PRIMARY KEY, v int)");
  std::string plan;
  for (const auto& row : run("EXPLAIN (COSTS OFF) INSERT INTO t AS x VALUES (1, 1) ON CONFLICT (k) "
                             "DO UPDATE SET v = 2 WHERE x.v < 5").rows)
    plan += row[0] + "\n";
  EXPECT_EQ(plan,
            "Insert on t x\n"
            "  Conflict Resolution: UPDATE\n"
            "  Conflict Arbiter Indexes: t_pkey\n"
            "  Conflict Filter: (x.v < 5)\n"
            "  ->  Result\n");
}

// Every session adds 1 to each key, creating the key when it is missing: concurrent
// upserts of a new key must neither fail with 23505 nor lose an increment.
TEST_F(EngineTest, ConcurrentUpsertsSerializeOnEachKey) {
  run("CREATE TABLE t (k int PRIMARY KEY, n int)");
  constexpr int kSessions = 4;
  constexpr int kKeys = 30;
  constexpr int kRounds = 3;
  std::vector<std::thread> threads;
  for (int s = 0; s < kSessions; ++s) {
    threads.emplace_back([&, s] {
      auto session = database_->create_session({});
      for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kKeys; ++i) {
          int key = (i * 7 + s * 11) % kKeys;
          CollectingSink sink;
          session->execute_simple("INSERT INTO t VALUES (" + std::to_string(key) +
                                      ", 1) ON CONFLICT (k) DO UPDATE SET n = t.n + 1",
                                  sink);
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_THAT(rows("SELECT count(*), min(n), max(n), sum(n) FROM t"),
              ElementsAre(fmt::format("{}|{}|{}|{}", kKeys, kSessions * kRounds, kSessions * kRounds,
                                      kKeys * kSessions * kRounds)));
}

}  // namespace
}  // namespace chalkdb::testing
