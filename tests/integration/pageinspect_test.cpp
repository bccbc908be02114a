// Storage inspection through the wire protocol: pageinspect's heap functions, relation sizes,
// pg_buffercache, EXPLAIN (ANALYZE, BUFFERS), and a page corrupted on disk, as a psql or
// libpq client sees them.
#include <gtest/gtest.h>

#include <fstream>
#include <pqxx/pqxx>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

std::vector<std::string> column_of(pqxx::result result, int column = 0) {
  std::vector<std::string> values;
  for (const auto& row : result) values.push_back(row[column].is_null() ? "NULL" : row[column].c_str());
  return values;
}

class PageInspectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.start();
    connection_ = std::make_unique<pqxx::connection>(server_.connection_string());
  }
  pqxx::result query(const std::string& sql) {
    pqxx::nontransaction tx(*connection_);
    return tx.exec(sql);
  }
  TestServer server_;
  std::unique_ptr<pqxx::connection> connection_;
};

// The columns that PostgreSQL 15 prints identically for this fresh table (its own output:
// lp | lp_flags | t_ctid | t_infomask2 | t_infomask | t_bits | t_data).
TEST_F(PageInspectTest, HeapPageItemsMatchPostgreSQLForAFreshTable) {
  query("create table t (a int, b text)");
  query("insert into t values (1, 'one'), (2, null), (3, 'three')");
  auto result = query("select lp, lp_flags, t_ctid, t_infomask2, t_infomask, t_bits, t_data "
                      "from heap_page_items(get_raw_page('t', 0)) order by lp");
  std::vector<std::string> lines;
  for (const auto& row : result) {
    std::string line;
    for (int i = 0; i < static_cast<int>(row.size()); ++i)
      line += std::string(i ? "|" : "") + (row[i].is_null() ? "" : row[i].c_str());
    lines.push_back(line);
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"1|1|(0,1)|2|2050||\\x01000000096f6e65",
                                             "2|1|(0,2)|2|2049|10000000|\\x02000000",
                                             "3|1|(0,3)|2|2050||\\x030000000d7468726565"}));
  EXPECT_EQ(result.column_type(0), 21u);  // smallint
  EXPECT_EQ(result.column_type(2), 27u);  // tid
  EXPECT_EQ(result.column_type(6), 17u);  // bytea
  EXPECT_EQ(std::string(result.column_name(6)), "t_data");
}

TEST_F(PageInspectTest, SizesAndBufferCache) {
  query("create table s (id int, pad text)");
  query("insert into s select g, repeat('p', 100) from generate_series(1, 2000) g");
  auto sizes = query("select pg_relation_size('s'), pg_size_pretty(pg_relation_size('s')), "
                     "pg_relation_filepath('s')")[0];
  int64_t bytes = sizes[0].as<int64_t>();
  EXPECT_EQ(bytes % 8192, 0);
  EXPECT_EQ(bytes, static_cast<int64_t>(std::filesystem::file_size(server_.data_directory() /
                                                                   sizes[2].c_str())));
  EXPECT_EQ(sizes[1].as<std::string>(), std::to_string(bytes / 1024) + " kB");
  auto cached = query("select count(*) from pg_buffercache where relfilenode = "
                      "pg_relation_filenode('s')")[0][0].as<int64_t>();
  EXPECT_EQ(cached, bytes / 8192);
}

TEST_F(PageInspectTest, ExplainAnalyzeBuffers) {
  query("create table e (v int)");
  query("insert into e select g from generate_series(1, 5000) g");
  int64_t pages = query("select pg_relation_size('e') / 8192")[0][0].as<int64_t>();
  query("select count(*) from e");  // sets the hint bits (dirtying each page once)
  auto plan = column_of(query("explain (analyze, buffers, costs off, timing off) select * from e"));
  ASSERT_GE(plan.size(), 3u);
  EXPECT_EQ(plan[0], "Seq Scan on e (actual rows=5000 loops=1)");
  EXPECT_EQ(plan[1], "  Buffers: shared hit=" + std::to_string(pages));
  EXPECT_EQ(plan[2].rfind("Planning Time: ", 0), 0u);
}

TEST_F(PageInspectTest, CorruptedPageOnDiskGivesXX001AndTheServerStaysUp) {
  query("create table c (id int, label text)");
  query("insert into c select g, 'row ' || g from generate_series(1, 100) g");
  query("create table ok (x int)");
  query("insert into ok values (42)");
  std::string path = query("select pg_relation_filepath('c')")[0][0].c_str();
  connection_.reset();
  ASSERT_EQ(server_.stop(), 0) << server_.log();
  {
    std::fstream file(server_.data_directory() / path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(6000);
    file.put('\x55');
  }
  server_.start();
  connection_ = std::make_unique<pqxx::connection>(server_.connection_string());
  try {
    query("select count(*) from c");
    FAIL() << "expected an error";
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "XX001");
    EXPECT_NE(std::string(error.what()).find("invalid page in block 0 of relation " + path),
              std::string::npos)
        << error.what();
  }
  EXPECT_EQ(query("select x from ok")[0][0].as<int>(), 42);
  EXPECT_TRUE(server_.alive());
}

}  // namespace
}  // namespace chalkdb::testing
