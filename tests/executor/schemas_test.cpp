// Schemas and temporary tables through the engine: DDL tags and NOTICEs, search_path per
// session, temporary tables private to a session and dropped when it closes.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

class SchemasTest : public EngineTest {
 protected:
  StatementResult run_in(Session& session, const std::string& sql) {
    CollectingSink sink;
    session.execute_simple(sql, sink);
    return sink.results.empty() ? StatementResult{} : sink.results.back();
  }
  std::vector<std::string> notices_of(const std::string& sql) {
    CollectingSink sink;
    session_->execute_simple(sql, sink);
    return sink.notices;
  }
};

TEST_F(SchemasTest, SchemaDdlAndQualifiedNames) {
  EXPECT_EQ(run("CREATE SCHEMA app").tag, "CREATE SCHEMA");
  EXPECT_EQ(error_code("CREATE SCHEMA app"), "42P06");
  EXPECT_EQ(error_code("CREATE SCHEMA pg_app"), "42939");
  run("CREATE TABLE app.t (id serial PRIMARY KEY, v text)");
  run("CREATE TABLE t (x int)");
  run("INSERT INTO app.t (v) VALUES ('a'), ('b')");
  EXPECT_EQ(rows("SELECT count(*) FROM app.t"), (std::vector<std::string>{"2"}));
  EXPECT_EQ(rows("SELECT count(*) FROM t"), (std::vector<std::string>{"0"}));
  run("SET search_path TO app, public");
  EXPECT_EQ(rows("SELECT v FROM t ORDER BY id"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows("SELECT current_schema()"), (std::vector<std::string>{"app"}));
  run("RESET search_path");
  SqlError missing = failure("SELECT * FROM app.nosuch");
  EXPECT_EQ(missing.message, "relation \"app.nosuch\" does not exist");
  EXPECT_EQ(missing.position, 15);
  EXPECT_EQ(error_code("DROP SCHEMA app"), "2BP01");
  EXPECT_EQ(run("ALTER SCHEMA app RENAME TO shop").tag, "ALTER SCHEMA");
  run("INSERT INTO shop.t (v) VALUES ('c')");  // the serial default follows the rename
  EXPECT_EQ(rows("SELECT max(id) FROM shop.t"), (std::vector<std::string>{"3"}));
  EXPECT_EQ(notices_of("DROP SCHEMA shop CASCADE"), (std::vector<std::string>{"drop cascades to table shop.t"}));
  EXPECT_EQ(rows("SELECT count(*) FROM pg_class WHERE relname IN ('t_pkey', 't_id_seq')"),
            (std::vector<std::string>{"0"}));
  EXPECT_EQ(error_code("SET search_path = ''; CREATE TABLE u (a int)"), "3F000");
}

TEST_F(SchemasTest, TemporaryTablesArePrivateAndGoWithTheirSession) {
  auto other = database_->create_session({});
  run("CREATE TEMP TABLE scratch (a int) ON COMMIT DELETE ROWS");
  run("CREATE TEMP TABLE kept (a int)");
  run("INSERT INTO kept VALUES (1)");
  EXPECT_EQ(rows("BEGIN; INSERT INTO scratch VALUES (1); SELECT count(*) FROM scratch"),
            (std::vector<std::string>{"1"}));
  run("COMMIT");
  EXPECT_EQ(rows("SELECT count(*) FROM scratch"), (std::vector<std::string>{"0"}));
  EXPECT_THROW(run_in(*other, "SELECT * FROM kept"), SqlError);
  EXPECT_EQ(run_in(*other, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'").rows[0][0], "2");
  session_.reset();
  EXPECT_EQ(run_in(*other, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'").rows[0][0], "0");
  run_in(*other, "CREATE TEMP TABLE x (a int) ON COMMIT DROP");
  EXPECT_THROW(run_in(*other, "SELECT * FROM x"), SqlError);
  EXPECT_EQ(run_in(*other, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'").rows[0][0], "0");
  session_ = database_->create_session({});
}

}  // namespace
}  // namespace chalkdb::testing

namespace chalkdb::testing {
namespace {

// The first temporary object of a session creates its pg_temp_N schema in the same statement.
TEST_F(SchemasTest, FirstTemporaryTableOfASessionCanComeFromCreateTableAs) {
  run("CREATE TABLE e (id int)");
  run("INSERT INTO e VALUES (1), (2)");
  run("SET search_path = public");
  run("CREATE TEMP TABLE scratch AS SELECT * FROM e");
  EXPECT_THAT(rows("SELECT count(*) FROM scratch"), ::testing::ElementsAre("2"));
}

}  // namespace
}  // namespace chalkdb::testing
