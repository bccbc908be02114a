// REPEATABLE READ keeps the snapshot of its first query; READ COMMITTED takes one per statement.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

class IsolationLevelTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    other_ = database_->create_session({});
    run("CREATE TABLE t (x int)");
    run("INSERT INTO t VALUES (1)");
  }
  void TearDown() override {
    other_.reset();
    EngineTest::TearDown();
  }
  void run_other(const std::string& sql) {
    CollectingSink sink;
    other_->execute_simple(sql, sink);
  }
  std::unique_ptr<Session> other_;
};

TEST_F(IsolationLevelTest, RepeatableReadKeepsItsFirstSnapshot) {
  for (const char* begin : {"BEGIN ISOLATION LEVEL REPEATABLE READ",
                            "BEGIN; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                            "START TRANSACTION ISOLATION LEVEL SERIALIZABLE"}) {
    run(begin);
    EXPECT_THAT(rows("SHOW transaction_isolation"), ::testing::Not(::testing::ElementsAre("read committed")));
    std::string before = rows("SELECT count(*) FROM t").at(0);
    run_other("INSERT INTO t VALUES (2)");
    EXPECT_THAT(rows("SELECT count(*) FROM t"), ::testing::ElementsAre(before)) << begin;
    run("COMMIT");
    EXPECT_NE(rows("SELECT count(*) FROM t").at(0), before) << begin;
  }
}

TEST_F(IsolationLevelTest, ReadCommittedSeesEachCommit) {
  run("BEGIN");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ::testing::ElementsAre("1"));
  run_other("INSERT INTO t VALUES (2)");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ::testing::ElementsAre("2"));
  run("COMMIT");
  run("SET default_transaction_isolation = 'repeatable read'");
  run("BEGIN");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ::testing::ElementsAre("2"));
  run_other("INSERT INTO t VALUES (3)");
  EXPECT_THAT(rows("SELECT count(*) FROM t"), ::testing::ElementsAre("2"));
  run("COMMIT");
}

}  // namespace
}  // namespace chalkdb::testing
