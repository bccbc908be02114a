// Committed data survives a restart of the server on the same data directory — after a clean
// shutdown and after a crash (SIGKILL) — and uncommitted data does not.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

std::vector<std::string> labels(TestServer& server) {
  pqxx::connection connection(server.connection_string());
  pqxx::nontransaction tx(connection);
  std::vector<std::string> result;
  for (const auto& row : tx.exec("select id, label from kept order by id")) {
    result.push_back(row[0].as<std::string>() + ":" + row[1].as<std::string>());
  }
  return result;
}

void create_and_fill(TestServer& server) {
  pqxx::connection connection(server.connection_string());
  pqxx::work tx(connection);
  tx.exec0("create table kept (id int, label text)");
  tx.exec0("insert into kept values (1, 'one'), (2, 'two')");
  tx.commit();
}

TEST(PersistenceTest, CommittedRowsSurviveACleanRestart) {
  TestServer server;
  server.start();
  create_and_fill(server);
  ASSERT_EQ(server.stop(), 0) << server.log();
  server.start();
  EXPECT_EQ(labels(server), (std::vector<std::string>{"1:one", "2:two"}));
}

TEST(PersistenceTest, CommittedRowsSurviveACrashAndOpenTransactionsDoNot) {
  TestServer server;
  server.start();
  create_and_fill(server);
  pqxx::connection open_transaction(server.connection_string());
  pqxx::work uncommitted(open_transaction);
  uncommitted.exec0("insert into kept values (3, 'lost')");
  server.kill();
  server.start();
  EXPECT_EQ(labels(server), (std::vector<std::string>{"1:one", "2:two"}));
}

}  // namespace
}  // namespace chalkdb::testing
