// INSERT ... ON CONFLICT DO UPDATE through the wire protocol: two sessions upsert the same
// keys at once, in transactions that overlap, and every increment survives. The second
// session to reach a key waits for the first one's transaction, then updates the row that
// transaction committed (no 23505, no lost update), as in PostgreSQL's READ COMMITTED.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

class UpsertTest : public SharedServerTest {};

constexpr const char* kUpsert =
    "INSERT INTO wire_counts VALUES ($1, 1) ON CONFLICT (k) DO UPDATE SET n = wire_counts.n + 1 "
    "RETURNING n";

TEST_F(UpsertTest, TwoSessionsUpsertingTheSameKeysKeepEveryIncrement) {
  pqxx::connection setup(server().connection_string());
  pqxx::nontransaction(setup).exec("CREATE TABLE wire_counts (k int PRIMARY KEY, n int NOT NULL)");
  constexpr int kKeys = 25;
  constexpr int kRounds = 4;
  // Both sessions take the keys in the same order, so they wait on each other without a
  // deadlock.
  auto worker = [&]() {
    pqxx::connection connection(server().connection_string());
    for (int round = 0; round < kRounds; ++round) {
      pqxx::work tx(connection);  // several keys per transaction, so the sessions wait on each other
      for (int i = 0; i < kKeys; ++i) tx.exec_params(kUpsert, i);
      tx.commit();
    }
  };
  std::thread first(worker);
  std::thread second(worker);
  first.join();
  second.join();
  pqxx::nontransaction check(setup);
  pqxx::row totals = check.exec1("SELECT count(*), min(n), max(n), sum(n) FROM wire_counts");
  EXPECT_EQ(totals[0].as<int>(), kKeys);
  EXPECT_EQ(totals[1].as<int>(), 2 * kRounds);
  EXPECT_EQ(totals[2].as<int>(), 2 * kRounds);
  EXPECT_EQ(totals[3].as<int>(), 2 * kRounds * kKeys);
  check.exec("DROP TABLE wire_counts");
}

TEST_F(UpsertTest, SecondSessionWaitsForTheFirstsTransactionThenUpdates) {
  pqxx::connection a(server().connection_string());
  pqxx::connection b(server().connection_string());
  pqxx::nontransaction(a).exec("CREATE TABLE wire_counts (k int PRIMARY KEY, n int NOT NULL)");
  pqxx::work first(a);
  EXPECT_EQ(first.exec_params1(kUpsert, 7)[0].as<int>(), 1);  // inserted, not committed yet
  std::atomic<int> seen{0};
  std::thread second([&] {
    pqxx::work tx(b);
    seen = tx.exec_params1(kUpsert, 7)[0].as<int>();  // waits for `first`
    tx.commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(seen.load(), 0);  // still waiting
  first.commit();
  second.join();
  EXPECT_EQ(seen.load(), 2);
  pqxx::nontransaction check(a);
  EXPECT_EQ(check.exec1("SELECT n FROM wire_counts WHERE k = 7")[0].as<int>(), 2);
  check.exec("DROP TABLE wire_counts");
}

}  // namespace
}  // namespace chalkdb::testing
