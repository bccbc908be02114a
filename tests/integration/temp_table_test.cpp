// Temporary tables end to end: private to the session that made them (another session neither
// sees them by name nor may read them through their schema), and dropped when the session
// ends, whether the client says goodbye (Terminate) or just drops the connection.
#include <gtest/gtest.h>

#include <chrono>
#include <pqxx/pqxx>
#include <thread>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

using namespace std::chrono_literals;

class TempTableTest : public SharedServerTest {};

std::string sqlstate_of(pqxx::connection& connection, const std::string& sql) {
  try {
    pqxx::nontransaction(connection).exec(sql);
  } catch (const pqxx::sql_error& error) {
    return error.sqlstate();
  }
  return "";
}

int64_t temp_relations_named(pqxx::connection& connection, const std::string& name) {
  pqxx::nontransaction work(connection);
  return work
      .exec1("SELECT count(*) FROM pg_class WHERE relpersistence = 't' AND relname = " + work.quote(name))[0]
      .as<int64_t>();
}

// Session ends are processed after the connection closes: wait (bounded) for the drop.
bool eventually_gone(pqxx::connection& observer, const std::string& name) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (temp_relations_named(observer, name) == 0) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST_F(TempTableTest, PrivateToItsSessionAndGoneAfterDisconnect) {
  pqxx::connection observer(server().connection_string());
  std::string schema;
  {
    pqxx::connection owner(server().connection_string());
    pqxx::nontransaction work(owner);
    work.exec("CREATE TABLE shared_name (a int)");
    work.exec("INSERT INTO shared_name VALUES (1)");
    work.exec("CREATE TEMP TABLE shared_name (a int, b text)");
    work.exec("INSERT INTO shared_name VALUES (2, 'mine')");
    EXPECT_EQ(work.exec1("SELECT b FROM shared_name")[0].as<std::string>(), "mine");
    schema = work.exec1("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")[0].as<std::string>();
    EXPECT_EQ(schema.rfind("pg_temp_", 0), 0u);

    // The other session sees the permanent table under the name, and not the temporary one.
    pqxx::nontransaction other(observer);
    EXPECT_EQ(other.exec1("SELECT a FROM shared_name")[0].as<int>(), 1);
    EXPECT_EQ(sqlstate_of(observer, "SELECT * FROM " + schema + ".shared_name"), "0A000");
    EXPECT_EQ(sqlstate_of(observer, "SELECT * FROM pg_temp.shared_name"), "42P01");
    EXPECT_EQ(temp_relations_named(observer, "shared_name"), 1);
    // Its own temporary table of the same name is another relation in another schema.
    other.exec("CREATE TEMP TABLE shared_name (c int)");
    other.exec("INSERT INTO shared_name VALUES (3)");
    EXPECT_EQ(other.exec1("SELECT c FROM shared_name")[0].as<int>(), 3);
    EXPECT_NE(other.exec1("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")[0].as<std::string>(),
              schema);
    EXPECT_EQ(work.exec1("SELECT b FROM shared_name")[0].as<std::string>(), "mine");
    EXPECT_EQ(temp_relations_named(observer, "shared_name"), 2);
    pqxx::nontransaction(observer).exec("DROP TABLE shared_name");  // its own temporary one
  }
  EXPECT_TRUE(eventually_gone(observer, "shared_name"));
  pqxx::nontransaction work(observer);
  EXPECT_EQ(work.exec1("SELECT a FROM shared_name")[0].as<int>(), 1);
  work.exec("DROP TABLE shared_name");
}

TEST_F(TempTableTest, DroppedWhenTheClientVanishes) {
  pqxx::connection observer(server().connection_string());
  {
    RawConnection raw(server().port());
    raw.start_session();
    raw.query("CREATE TEMP TABLE vanishing (a int PRIMARY KEY)");
    raw.query("INSERT INTO vanishing VALUES (1), (2)");
    EXPECT_EQ(temp_relations_named(observer, "vanishing"), 1);
    EXPECT_EQ(temp_relations_named(observer, "vanishing_pkey"), 1);
    raw.close();  // no Terminate message
  }
  EXPECT_TRUE(eventually_gone(observer, "vanishing"));
  EXPECT_TRUE(eventually_gone(observer, "vanishing_pkey"));
  // A later session that gets the same pg_temp_N starts with it empty.
  pqxx::connection next(server().connection_string());
  pqxx::nontransaction work(next);
  EXPECT_EQ(sqlstate_of(next, "SELECT * FROM vanishing"), "42P01");
  work.exec("CREATE TEMP TABLE vanishing (a int)");
  EXPECT_EQ(work.exec1("SELECT count(*) FROM vanishing")[0].as<int>(), 0);
}

}  // namespace
}  // namespace chalkdb::testing
