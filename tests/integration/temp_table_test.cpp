// Temporary tables end to end: private to the session that made them (another session neither
// sees them by name nor may read them through their schema), and dropped when the session
// ends, whether the client says goodbye (Terminate) or just drops the connection.
#include <gtest/gtest.h>

#include <chrono>
#include <pqxx/pqxx>
#include <string>
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

// Each statement in a transaction object of its own: libpqxx allows one at a time.
void exec(pqxx::connection& connection, const std::string& sql) { pqxx::nontransaction(connection).exec(sql); }

std::string value(pqxx::connection& connection, const std::string& sql) {
  return pqxx::nontransaction(connection).exec1(sql)[0].as<std::string>();
}

int64_t temp_relations_named(pqxx::connection& connection, const std::string& name) {
  return std::stoll(value(connection, "SELECT count(*) FROM pg_class WHERE relpersistence = 't' AND relname = '" +
                                          name + "'"));
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
    exec(owner, "CREATE TABLE shared_name (a int)");
    exec(owner, "INSERT INTO shared_name VALUES (1)");
    exec(owner, "CREATE TEMP TABLE shared_name (a int, b text)");
    exec(owner, "INSERT INTO shared_name VALUES (2, 'mine')");
    EXPECT_EQ(value(owner, "SELECT b FROM shared_name"), "mine");
    schema = value(owner, "SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()");
    EXPECT_EQ(schema.rfind("pg_temp_", 0), 0u);

    // The other session sees the permanent table under the name, and not the temporary one.
    EXPECT_EQ(value(observer, "SELECT a FROM shared_name"), "1");
    EXPECT_EQ(sqlstate_of(observer, "SELECT * FROM " + schema + ".shared_name"), "0A000");
    EXPECT_EQ(sqlstate_of(observer, "SELECT * FROM pg_temp.shared_name"), "42P01");
    EXPECT_EQ(temp_relations_named(observer, "shared_name"), 1);
    // Its own temporary table of the same name is another relation in another schema.
    exec(observer, "CREATE TEMP TABLE shared_name (c int)");
    exec(observer, "INSERT INTO shared_name VALUES (3)");
    EXPECT_EQ(value(observer, "SELECT c FROM shared_name"), "3");
    EXPECT_NE(value(observer, "SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()"), schema);
    EXPECT_EQ(value(owner, "SELECT b FROM shared_name"), "mine");
    EXPECT_EQ(temp_relations_named(observer, "shared_name"), 2);
    exec(observer, "DROP TABLE shared_name");  // its own temporary one
  }
  EXPECT_TRUE(eventually_gone(observer, "shared_name"));
  EXPECT_EQ(value(observer, "SELECT a FROM shared_name"), "1");
  exec(observer, "DROP TABLE shared_name");
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
  EXPECT_EQ(sqlstate_of(next, "SELECT * FROM vanishing"), "42P01");
  exec(next, "CREATE TEMP TABLE vanishing (a int)");
  EXPECT_EQ(value(next, "SELECT count(*) FROM vanishing"), "0");
}

}  // namespace
}  // namespace chalkdb::testing
