// amcheck through the wire protocol after a concurrent workload: several connections insert
// into and look up one table with a unique INCLUDE index and a plain index at the same time;
// afterwards bt_index_check / bt_index_parent_check with heapallindexed find both indexes
// sound and the index entries match the heap's rows.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

class AmcheckTest : public SharedServerTest {};

constexpr int kWriters = 4;
constexpr int kRowsPerWriter = 1500;

// Inserts rows whose keys interleave with the other writers' (so they split the same leaves),
// a unique violation now and then, and looks up rows written so far.
void write_and_look_up(const std::string& connection_string, int writer,
                       std::atomic<int>& lookups_failed, std::atomic<int>& duplicates_refused) {
  pqxx::connection connection(connection_string);
  for (int i = 0; i < kRowsPerWriter; ++i) {
    int id = i * kWriters + writer;
    pqxx::nontransaction tx(connection);
    tx.exec_params("INSERT INTO stress VALUES ($1, $2, $3)", id, "payload " + std::to_string(id),
                   id % 97);
    if (i % 50 == 49) {
      try {
        tx.exec_params("INSERT INTO stress VALUES ($1, 'dup', 0)", id);
      } catch (const pqxx::unique_violation&) {
        ++duplicates_refused;
      }
    }
    if (i % 10 == 0) {
      int earlier = (i / 2) * kWriters + writer;
      pqxx::result row = tx.exec_params("SELECT note FROM stress WHERE id = $1", earlier);
      if (row.size() != 1 || row[0][0].as<std::string>() != "payload " + std::to_string(earlier)) {
        ++lookups_failed;
      }
    }
  }
}

TEST_F(AmcheckTest, IndexesStaySoundUnderConcurrentInsertsAndLookups) {
  pqxx::connection admin(server().connection_string());
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE TABLE stress (id int, note text, bucket int)");
  tx.exec("CREATE UNIQUE INDEX stress_id_idx ON stress (id) INCLUDE (note)");
  tx.exec("CREATE INDEX stress_bucket_idx ON stress (bucket)");

  std::atomic<int> lookups_failed{0}, duplicates_refused{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back(write_and_look_up, server().connection_string(), w,
                         std::ref(lookups_failed), std::ref(duplicates_refused));
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(lookups_failed.load(), 0);
  EXPECT_EQ(duplicates_refused.load(), kWriters * (kRowsPerWriter / 50));

  tx.exec("SELECT bt_index_check('stress_id_idx', true)");
  tx.exec("SELECT bt_index_check('stress_bucket_idx', true)");
  tx.exec("SELECT bt_index_parent_check('stress_id_idx', true, true)");
  int rows = tx.exec("SELECT count(*) FROM stress")[0][0].as<int>();
  EXPECT_EQ(rows, kWriters * kRowsPerWriter);
  // Every row is found through the unique index, and the unique index has one leaf entry per
  // row (a refused duplicate leaves a dead heap version but no entry in it).
  tx.exec("SET enable_seqscan = off");
  EXPECT_EQ(tx.exec("SELECT count(*) FROM stress WHERE id >= 0")[0][0].as<int>(), rows);
  tx.exec("RESET enable_seqscan");
  int entries = 0;
  pqxx::result leaves = tx.exec(
      "SELECT blkno FROM generate_series(1, pg_relation_size('stress_id_idx') / 8192 - 1) blkno");
  for (const auto& leaf : leaves) {
    pqxx::result stats = tx.exec_params(
        "SELECT type, live_items, btpo_next FROM bt_page_stats('stress_id_idx', $1)",
        leaf[0].as<int>());
    if (stats[0][0].as<std::string>() != "l") continue;
    // Every leaf but the rightmost has a high key.
    entries += stats[0][1].as<int>() - (stats[0][2].as<int>() != 0 ? 1 : 0);
  }
  EXPECT_EQ(entries, rows);
  tx.exec("DROP TABLE stress");
}

}  // namespace
}  // namespace chalkdb::testing
