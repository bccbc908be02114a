// Indexes through the wire protocol: a unique violation's error fields (SQLSTATE, DETAIL,
// schema, table and constraint names) as PostgreSQL 15 sends them, and index lookups.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/integration/raw_connection.h"
#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

class IndexTest : public SharedServerTest {};

TEST_F(IndexTest, UniqueViolationCarriesPostgresErrorFields) {
  pqxx::connection connection(server().connection_string());
  pqxx::nontransaction tx(connection);
  tx.exec("CREATE TABLE wire_users (id int PRIMARY KEY, email text UNIQUE)");
  tx.exec("INSERT INTO wire_users SELECT g, 'u' || g FROM generate_series(1, 500) g");
  RawConnection raw(server().port());
  raw.start_session();
  std::vector<BackendMessage> messages = raw.query("INSERT INTO wire_users VALUES (7, 'new')");
  ASSERT_FALSE(messages.empty());
  const BackendMessage& error = messages.front();
  ASSERT_EQ(error.type, 'E');
  EXPECT_EQ(error.field('C'), "23505");
  EXPECT_EQ(error.field('M'), "duplicate key value violates unique constraint \"wire_users_pkey\"");
  EXPECT_EQ(error.field('D'), "Key (id)=(7) already exists.");
  EXPECT_EQ(error.field('s'), "public");
  EXPECT_EQ(error.field('t'), "wire_users");
  EXPECT_EQ(error.field('n'), "wire_users_pkey");

  pqxx::result row = tx.exec("SELECT email FROM wire_users WHERE id = 321");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0][0].as<std::string>(), "u321");
  pqxx::result plan = tx.exec("EXPLAIN (COSTS OFF) SELECT email FROM wire_users WHERE id = 321");
  EXPECT_EQ(plan[0][0].as<std::string>(), "Index Scan using wire_users_pkey on wire_users");
  EXPECT_EQ(plan[1][0].as<std::string>(), "  Index Cond: (id = 321)");
  tx.exec("DROP TABLE wire_users");
}

}  // namespace
}  // namespace chalkdb::testing
