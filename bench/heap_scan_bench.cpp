// Heap and buffer-pool benchmarks: sequential heap scan throughput (MB/s of pages and rows/s)
// with every page cached and with a pool too small to hold the table, the buffer-pool hit
// path (pin + latch + unlatch + unpin of a cached page), heap inserts through the free space
// map, and a whole-statement scan through SQL (SELECT count(*)).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "executor/database.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/file/posix_file_system.h"
#include "storage/heap/heap_table.h"
#include "storage/mvcc/commit_log.h"

namespace chalkdb {
namespace {

constexpr Oid kRelation = 16384;
constexpr TransactionId kLoader = kFirstNormalTransactionId;

std::filesystem::path scratch_directory(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() /
              ("chalkdb-bench-" + name + "-" + std::to_string(std::random_device{}()));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path / "base");
  return path;
}

// A table of `rows` rows (int4, int8, 24-byte text): about 130 rows per page.
class HeapFixture {
 public:
  HeapFixture(size_t rows, size_t frames)
      : directory_(scratch_directory("heap")),
        files_(fs_, directory_),
        pool_((files_.create(kRelation), files_), frames),
        clog_(fs_, directory_ / "pg_xact"),
        table_(pool_, clog_, written_, kRelation,
               {DataType{TypeId::Int4}, DataType{TypeId::Int8}, DataType{TypeId::Text}}) {
    std::vector<Value> row(3);
    for (size_t i = 0; i < rows; ++i) {
      row[0] = Value::int4(static_cast<int32_t>(i));
      row[1] = Value::int8(static_cast<int64_t>(i) * 7);
      row[2] = Value::text("row number " + std::to_string(1000000000 + i) + "..");
      table_.insert(row, kLoader, 0);
    }
    clog_.set_committed(kLoader);
    clog_.flush();
    pool_.flush_all();
  }
  ~HeapFixture() { std::filesystem::remove_all(directory_); }

  size_t scan_all() {
    HeapTable::Scan scan = table_.scan(Snapshot::latest(kInvalidTransactionId, 0));
    std::vector<std::vector<Value>> rows;
    std::vector<TupleId> tids;
    size_t count = 0;
    while (size_t n = scan.next_batch(rows, tids, 1024)) count += n;
    return count;
  }
  HeapTable& table() { return table_; }
  BufferPool& pool() { return pool_; }

 private:
  std::filesystem::path directory_;
  PosixFileSystem fs_;
  RelationFiles files_;
  BufferPool pool_;
  CommitLog clog_;
  WrittenRelations written_;
  HeapTable table_;
};

void report_scan(benchmark::State& state, HeapFixture& fixture, size_t rows) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rows));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fixture.table().page_count() *
                                               disk::kPageSize));
  state.counters["pages"] = fixture.table().page_count();
}

// Every page in the pool: the CPU cost of visibility checks, copying and decoding.
void BM_HeapScanCached(benchmark::State& state) {
  size_t rows = static_cast<size_t>(state.range(0));
  HeapFixture fixture(rows, 16384);
  fixture.scan_all();  // sets hint bits once, as the first reader would
  for (auto _ : state) benchmark::DoNotOptimize(fixture.scan_all());
  report_scan(state, fixture, rows);
}
BENCHMARK(BM_HeapScanCached)->Arg(100000)->Unit(benchmark::kMillisecond);

// A 64-page pool: every page is read from the file (the OS cache) and evicted again.
void BM_HeapScanThroughSmallPool(benchmark::State& state) {
  size_t rows = static_cast<size_t>(state.range(0));
  HeapFixture fixture(rows, 64);
  fixture.scan_all();
  fixture.pool().flush_all();
  for (auto _ : state) benchmark::DoNotOptimize(fixture.scan_all());
  report_scan(state, fixture, rows);
}
BENCHMARK(BM_HeapScanThroughSmallPool)->Arg(100000)->Unit(benchmark::kMillisecond);

// The hit path: find the frame, pin, take the shared latch, release both.
void BM_BufferPoolHit(benchmark::State& state) {
  HeapFixture fixture(20000, 1024);
  BlockNumber pages = fixture.table().page_count();
  BlockNumber block = 0;
  for (auto _ : state) {
    PageGuard guard = fixture.pool().read_page(kRelation, block);
    benchmark::DoNotOptimize(guard.page().lower());
    block = block + 1 == pages ? 0 : block + 1;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_BufferPoolHit)->ThreadRange(1, 2);

// Inserts that find their page through the free space map.
void BM_HeapInsert(benchmark::State& state) {
  HeapFixture fixture(0, 16384);
  std::vector<Value> row = {Value::int4(1), Value::int8(2), Value::text("a row of some width....")};
  for (auto _ : state) fixture.table().insert(row, kLoader + 1, 0);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_HeapInsert);

// A whole statement: parse, plan, scan and aggregate through the executor.
void BM_SqlCountStar(benchmark::State& state) {
  auto directory = scratch_directory("sql");
  {
    DatabaseOptions options;
    options.data_directory = directory / "data";
    auto database = Database::open(options);
    auto session = database->create_session({});
    struct NullSink : ResultSink {
      void row_description(const std::vector<ColumnDescription>&) override {}
      void data_row(std::span<const Value>) override {}
      void command_complete(std::string_view) override {}
      void empty_query() override {}
      void notice(const SqlError&) override {}
    } sink;
    session->execute_simple("CREATE TABLE t (a int, b bigint, c text)", sink);
    session->execute_simple(
        "INSERT INTO t SELECT g, g * 7, 'row number ' || (1000000000 + g) || '..' "
        "FROM generate_series(1, 100000) g",
        sink);
    session->execute_simple("SELECT count(*) FROM t", sink);
    for (auto _ : state) session->execute_simple("SELECT count(*) FROM t", sink);
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 100000));
  }
  std::filesystem::remove_all(directory);
}
BENCHMARK(BM_SqlCountStar)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chalkdb
