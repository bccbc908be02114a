// The engine functions that show storage from SQL (pageinspect, relation sizes,
// pg_buffercache), EXPLAIN (ANALYZE, BUFFERS), and page checksums seen through SQL.
#include <fstream>

#include "executor/engine.h"
#include "storage/index/btree.h"

#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InspectionTest : public EngineTest {
 protected:
  void make_small_table() {
    run("CREATE TABLE t (a int, b text)");
    run("INSERT INTO t VALUES (1, 'one'), (2, NULL), (3, 'three')");
  }
  SqlError error_of(const std::string& sql) {
    try {
      run(sql);
    } catch (const SqlError& error) {
      return error;
    }
    ADD_FAILURE() << "no error from " << sql;
    return SqlError(sqlstate::kInternalError, "none");
  }
  std::filesystem::path relation_file(const std::string& table) {
    return directory_ / rows("SELECT pg_relation_filepath('" + table + "')").at(0);
  }
};

TEST_F(InspectionTest, HeapPageItemsShowsLinePointersAndTuples) {
  make_small_table();
  EXPECT_THAT(rows("SELECT lp, lp_off, lp_flags, lp_len, t_field3, t_ctid, t_infomask2, "
                   "t_infomask, t_hoff, t_bits, t_oid, t_data "
                   "FROM heap_page_items(get_raw_page('t', 0))"),
              ElementsAre("1|8144|1|48|0|(0,1)|2|2050|40|<null>|<null>|\\x01000000096f6e65",
                          "2|8096|1|44|0|(0,2)|2|2049|40|10000000|<null>|\\x02000000",
                          "3|8040|1|50|0|(0,3)|2|2050|40|<null>|<null>|\\x030000000d7468726565"));
  // The two inserting transactions' xids are the same, valid and not deleted.
  EXPECT_THAT(rows("SELECT count(DISTINCT t_xmin), min(t_xmin) > 2, max(t_xmax) "
                   "FROM heap_page_items(get_raw_page('t', 0))"),
              ElementsAre("1|t|0"));
}

TEST_F(InspectionTest, PageHeaderMatchesTheLayout) {
  make_small_table();
  EXPECT_THAT(rows("SELECT lsn, flags, lower, upper, special, pagesize, version, prune_xid "
                   "FROM page_header(get_raw_page('t', 0))"),
              ElementsAre("0/0|0|40|8040|8192|8192|1|0"));
  auto columns = run("SELECT * FROM page_header(get_raw_page('t', 0))").columns;
  ASSERT_EQ(columns.size(), 9u);
  EXPECT_EQ(columns[0].name, "lsn");
  EXPECT_EQ(columns[8].name, "prune_xid");
}

TEST_F(InspectionTest, ChecksumIsWrittenAndMatchesPageChecksum) {
  make_small_table();
  reopen();
  EXPECT_THAT(rows("SELECT checksum <> 0, checksum = page_checksum(get_raw_page('t', 0), 0), "
                   "checksum <> page_checksum(get_raw_page('t', 0), 1) "
                   "FROM page_header(get_raw_page('t', 0))"),
              ElementsAre("t|t|t"));
}

TEST_F(InspectionTest, RawPageErrors) {
  make_small_table();
  EXPECT_EQ(error_code("SELECT get_raw_page('t', 1)"), "22023");
  EXPECT_EQ(error_of("SELECT get_raw_page('t', 1)").message,
            "block number 1 is out of range for relation \"t\"");
  EXPECT_EQ(error_of("SELECT get_raw_page('t', -1)").message, "invalid block number");
  EXPECT_EQ(error_of("SELECT get_raw_page('nope', 0)").message, "relation \"nope\" does not exist");
  EXPECT_EQ(error_code("SELECT get_raw_page('t', 'fsm', 0)"), "58P01");
  EXPECT_EQ(error_code("SELECT get_raw_page('t', 'bad', 0)"), "22023");
  EXPECT_THAT(rows("SELECT length(get_raw_page('T', 'main', 0))"), ElementsAre("8192"));
  SqlError short_page = error_of("SELECT * FROM page_header('\\x00'::bytea)");
  EXPECT_EQ(short_page.message, "invalid page size");
  EXPECT_EQ(short_page.detail.value_or(""), "Expected 8192 bytes, got 1.");
  EXPECT_EQ(error_code("SELECT heap_page_items(get_raw_page('t', 0))"), "0A000");
  EXPECT_EQ(error_code("SELECT get_raw_page(1, 0)"), "42883");
}

TEST_F(InspectionTest, RelationSizes) {
  run("CREATE TABLE big (id int, pad text)");
  run("INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 1000) g");
  EXPECT_THAT(rows("SELECT pg_relation_size('big') % 8192, pg_relation_size('big') > 8192 * 20, "
                   "pg_relation_size('big', 'main') = pg_relation_size('big'), "
                   "pg_relation_size('big', 'fsm'), pg_relation_size('big', 'vm'), "
                   "pg_table_size('big') = pg_relation_size('big'), pg_indexes_size('big'), "
                   "pg_total_relation_size('big') = pg_relation_size('big')"),
              ElementsAre("0|t|t|0|0|t|0|t"));
  EXPECT_THAT(rows("SELECT pg_relation_size(0::oid), pg_relation_size('big'::regclass) > 0, "
                   "pg_relation_filepath('big') = 'base/' || pg_relation_filenode('big')"),
              ElementsAre("<null>|t|t"));
  EXPECT_EQ(error_code("SELECT pg_relation_size('big', 'bad')"), "22023");
  EXPECT_EQ(error_code("SELECT pg_relation_size('nope')"), "42P01");
  EXPECT_THAT(rows("SELECT relname FROM pg_class WHERE pg_relation_size(oid) > 8192 * 20"),
              ElementsAre("big"));
  EXPECT_TRUE(std::filesystem::exists(relation_file("big")));
  EXPECT_EQ(std::filesystem::file_size(relation_file("big")),
            std::stoull(rows("SELECT pg_relation_size('big')").at(0)));
}

TEST_F(InspectionTest, SizePrettyAsPostgreSQL) {
  EXPECT_THAT(rows("SELECT pg_size_pretty(0::bigint), pg_size_pretty(1023::bigint), "
                   "pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), "
                   "pg_size_pretty(10752::bigint), pg_size_pretty(10485759::bigint), "
                   "pg_size_pretty(-10240::bigint), pg_size_pretty(1099511627775::bigint), "
                   "pg_size_pretty(9223372036854775807)"),
              ElementsAre("0 bytes|1023 bytes|10239 bytes|10 kB|11 kB|10 MB|-10 kB|1024 GB|8192 PB"));
  EXPECT_THAT(rows("SELECT pg_size_pretty(1535.5::numeric), pg_size_pretty(20971519.9), "
                   "pg_size_pretty(-20971519.9), pg_size_pretty(1e20::numeric), "
                   "pg_size_pretty(NULL::bigint)"),
              ElementsAre("1535.5 bytes|20 MB|-20 MB|88818 PB|<null>"));
  EXPECT_EQ(error_code("SELECT pg_size_pretty(123)"), "42725");
}

TEST_F(InspectionTest, BufferCacheShowsTheTablesPages) {
  make_small_table();
  auto result = run("SELECT * FROM pg_buffercache");
  ASSERT_EQ(result.columns.size(), 9u);
  EXPECT_EQ(result.columns[0].name, "bufferid");
  EXPECT_EQ(result.columns[8].name, "pinning_backends");
  EXPECT_EQ(result.rows.size(), 256u);  // shared_buffers of the fixture
  EXPECT_THAT(rows("SELECT relblocknumber, isdirty, usagecount > 0, pinning_backends, "
                   "reltablespace, reldatabase, relforknumber FROM pg_buffercache "
                   "WHERE relfilenode = pg_relation_filenode('t')"),
              ElementsAre("0|f|t|0|1663|5|0"));  // the commit wrote it
  EXPECT_THAT(rows("SELECT count(*) FROM pg_buffercache b JOIN pg_class c "
                   "ON b.relfilenode = c.relfilenode WHERE c.relname = 't'"),
              ElementsAre("1"));
  EXPECT_THAT(rows("SELECT count(*) > 0 FROM pg_buffercache_pages() WHERE relfilenode IS NULL"),
              ElementsAre("t"));
}

TEST_F(InspectionTest, ScalarFunctionInFromAndRegclassCasts) {
  make_small_table();
  auto result = run("SELECT * FROM pg_relation_size('t')");
  ASSERT_EQ(result.columns.size(), 1u);
  EXPECT_EQ(result.columns[0].name, "pg_relation_size");
  EXPECT_THAT(rows("SELECT * FROM pg_relation_size('t') AS s"), ElementsAre("8192"));
  EXPECT_THAT(rows("SELECT x.n FROM heap_page_items(get_raw_page('t', 0)) AS x(n) ORDER BY 1 DESC"),
              ElementsAre("3", "2", "1"));
  EXPECT_THAT(rows("SELECT oid = 't'::regclass, oid = 'public.T'::regclass FROM pg_class "
                   "WHERE relname = 't'"),
              ElementsAre("t|t"));
  EXPECT_EQ(error_code("SELECT 'nope'::regclass"), "42P01");
  EXPECT_EQ(error_code("SELECT 1.5::regclass"), "42846");
  EXPECT_EQ(error_code("SELECT pg_buffercache()"), "42883");
}

std::vector<std::string> plan_lines(StatementResult result) {
  std::vector<std::string> lines;
  for (auto& row : result.rows) lines.push_back(row[0]);
  return lines;
}

TEST_F(InspectionTest, ExplainAnalyzeBuffersCountsPerNode) {
  run("CREATE TABLE n (v int)");
  run("INSERT INTO n SELECT g FROM generate_series(1, 3000) g");
  int pages = std::stoi(rows("SELECT pg_relation_size('n') / 8192").at(0));
  ASSERT_GT(pages, 3);
  run("SELECT count(*) FROM n");  // the first reader sets hint bits, dirtying every page
  auto lines = plan_lines(run("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                              "SELECT count(*) FROM n"));
  std::string hits = "shared hit=" + std::to_string(pages);
  EXPECT_THAT(lines, ElementsAre("Aggregate (actual rows=1 loops=1)", "  Buffers: " + hits,
                                 "  ->  Seq Scan on n (actual rows=3000 loops=1)",
                                 "        Buffers: " + hits));
  // Without BUFFERS there is no Buffers line; plain EXPLAIN (BUFFERS) shows no node counts.
  for (const auto& line : plan_lines(run("EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM n")))
    EXPECT_THAT(line, ::testing::Not(HasSubstr("Buffers")));
  EXPECT_THAT(plan_lines(run("EXPLAIN (BUFFERS, COSTS OFF) SELECT * FROM n")),
              ElementsAre("Seq Scan on n"));
}

TEST_F(InspectionTest, ExplainBuffersCountsReadsAndDirtied) {
  run("CREATE TABLE n (v int)");
  run("INSERT INTO n SELECT g FROM generate_series(1, 3000) g");
  int pages = std::stoi(rows("SELECT pg_relation_size('n') / 8192").at(0));
  reopen();  // an empty buffer pool: every page is read
  auto lines = plan_lines(run("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                              "SELECT * FROM n"));
  ASSERT_EQ(lines.size(), 2u);
  // The scan sets hint bits on every page it reads, dirtying each.
  EXPECT_EQ(lines[1], "  Buffers: shared read=" + std::to_string(pages) +
                          " dirtied=" + std::to_string(pages));
  auto insert = plan_lines(run("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                               "INSERT INTO n VALUES (1)"));
  ASSERT_GE(insert.size(), 2u);
  EXPECT_THAT(insert[1], HasSubstr("Buffers: shared hit="));
}

TEST_F(InspectionTest, CorruptedPageIsAnErrorNotACrash) {
  make_small_table();
  std::filesystem::path file = relation_file("t");
  reopen();
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8000);
    f.put('\x7f');  // inside the item area: only the checksum can tell
  }
  SqlError error = error_of("SELECT * FROM t");
  EXPECT_EQ(std::string(error.state.code), "XX001");
  EXPECT_EQ(error.message, "invalid page in block 0 of relation " +
                               rows("SELECT pg_relation_filepath('t')").at(0));
  EXPECT_EQ(error_code("SELECT get_raw_page('t', 0)"), "XX001");
  EXPECT_THAT(rows("SELECT 1"), ElementsAre("1"));  // the session goes on
}

TEST_F(InspectionTest, RowLargerThanAPageIsRefused) {
  run("CREATE TABLE w (t text)");
  SqlError error = error_of("INSERT INTO w VALUES (repeat('x', 9000))");
  EXPECT_EQ(std::string(error.state.code), "54000");
  EXPECT_EQ(error.message, "row is too big: size 9044, maximum size 8160");
  EXPECT_THAT(rows("SELECT count(*) FROM w"), ElementsAre("0"));
  run("INSERT INTO w VALUES (repeat('x', 8000))");
  EXPECT_THAT(rows("SELECT length(t) FROM w"), ElementsAre("8000"));
}

// pageinspect's B-tree functions and the size functions over an index built by CREATE INDEX.
TEST_F(InspectionTest, BTreeFunctionsAndIndexSizes) {
  run("CREATE TABLE bt (id int, v text)");
  run("INSERT INTO bt SELECT g, 'v' || g FROM generate_series(1, 1000) g");
  run("CREATE INDEX bt_id_idx ON bt (id)");

  EXPECT_THAT(rows("SELECT magic, version, level > 0, fastroot = root, allequalimage "
                   "FROM bt_metap('bt_id_idx')"),
              ElementsAre("340322|4|t|t|t"));
  EXPECT_THAT(rows("SELECT blkno, type, live_items > 100, page_size FROM bt_page_stats('bt_id_idx', 1)"),
              ElementsAre("1|l|t|8192"));
  EXPECT_THAT(rows("SELECT itemoffset, nulls, vars, dead FROM bt_page_items('bt_id_idx', 1) "
                   "WHERE itemoffset = 2"),
              ElementsAre("2|f|f|f"));
  // A subquery as an argument of a function in FROM (the root block, as tutorials look it up).
  EXPECT_THAT(rows("SELECT type, btpo_level > 0 FROM bt_page_stats('bt_id_idx', "
                   "(SELECT root FROM bt_metap('bt_id_idx')))"),
              ElementsAre("r|t"));
  EXPECT_EQ(rows("SELECT count(*) FROM bt_page_items('bt_id_idx', 1)"),
            rows("SELECT count(*) FROM bt_page_items(get_raw_page('bt_id_idx', 1))"));
  EXPECT_EQ(error_of("SELECT * FROM bt_metap('bt')").message, "\"bt\" is not a btree index");
  EXPECT_EQ(error_of("SELECT * FROM bt_page_stats('bt_id_idx', 0)").message,
            "block 0 is a meta page");
  EXPECT_THAT(rows("SELECT pg_indexes_size('bt') = pg_relation_size('bt_id_idx'), "
                   "pg_indexes_size('bt') > 8192, "
                   "pg_total_relation_size('bt') = pg_table_size('bt') + pg_indexes_size('bt')"),
              ElementsAre("t|t|t"));
}

}  // namespace
}  // namespace chalkdb::testing
