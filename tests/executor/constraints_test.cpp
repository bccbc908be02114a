// Engine tests of CHECK constraints: default names, enforcement on INSERT and UPDATE, the
// error's fields, and definition errors.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class CheckConstraintTest : public EngineTest {};

TEST_F(CheckConstraintTest, ViolationsReportTheFirstFailingConstraintByName) {
  run("CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (b > a), CONSTRAINT big CHECK (a < 100))");
  EXPECT_THAT(rows("SELECT conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
                   "WHERE r.relname = 't' ORDER BY conname"),
              ElementsAre("big", "t_a_check", "t_check"));
  run("INSERT INTO t VALUES (1, 2), (5, NULL)");
  SqlError error = failure("INSERT INTO t VALUES (0, -1)");
  EXPECT_EQ(std::string(error.state.code), "23514");
  EXPECT_EQ(error.message, "new row for relation \"t\" violates check constraint \"t_a_check\"");
  EXPECT_EQ(error.detail.value_or(""), "Failing row contains (0, -1).");
  EXPECT_EQ(error.constraint_name.value_or(""), "t_a_check");
  EXPECT_EQ(error.table_name.value_or(""), "t");
  EXPECT_EQ(failure("UPDATE t SET a = 500").constraint_name.value_or(""), "big");
  EXPECT_EQ(failure("UPDATE t SET b = 0 WHERE a = 1").constraint_name.value_or(""), "t_check");
  EXPECT_THAT(rows("SELECT a, b FROM t ORDER BY a"), ElementsAre("1|2", "5|<null>"));
}

TEST_F(CheckConstraintTest, ConstraintsAreTransactional) {
  run("BEGIN; CREATE TABLE t (a int CHECK (a > 0))");
  EXPECT_EQ(error_code("INSERT INTO t VALUES (-1)"), "23514");
  run("ROLLBACK");
  run("CREATE TABLE t (a int)");
  EXPECT_EQ(run("INSERT INTO t VALUES (-1)").tag, "INSERT 0 1");
}

TEST_F(CheckConstraintTest, DefinitionErrors) {
  EXPECT_EQ(error_code("CREATE TABLE t (a int CHECK (a))"), "42804");
  EXPECT_EQ(error_code("CREATE TABLE t (a int CHECK (sum(a) > 0))"), "42803");
  EXPECT_EQ(error_code("CREATE TABLE t (a int CHECK (b > 0))"), "42703");
  EXPECT_EQ(error_code("CREATE TABLE t (a int CONSTRAINT c CHECK (a > 0), CONSTRAINT c CHECK (a < 9))"),
            "42710");
  EXPECT_EQ(error_code("SELECT * FROM t"), "42P01");  // nothing was left behind
}

TEST_F(CheckConstraintTest, ConstraintsSurviveRestart) {
  run("CREATE TABLE t (a int CHECK (a <> 13))");
  reopen();
  EXPECT_EQ(error_code("INSERT INTO t VALUES (13)"), "23514");
  EXPECT_EQ(run("INSERT INTO t VALUES (12)").tag, "INSERT 0 1");
}

}  // namespace
}  // namespace chalkdb::testing
