// B-tree access method throughput: inserts (ascending and random keys), point lookups, range
// scans and bulk builds, on a buffer pool large enough to hold the index (the in-memory path).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <random>

#include "storage/buffer/buffer_pool.h"
#include "storage/file/posix_file_system.h"
#include "storage/file/relation_files.h"
#include "storage/index/btree.h"

namespace chalkdb {
namespace {

constexpr size_t kPoolFrames = 32768;  // 256 MiB

// A scratch data directory with one index relation per tree.
class BenchIndex {
 public:
  BenchIndex() {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("chalkdb-bench-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_ / "base");
    files_ = std::make_unique<RelationFiles>(fs_, dir_);
    pool_ = std::make_unique<BufferPool>(*files_, kPoolFrames);
    files_->create(kRelation);
    tree_ = std::make_unique<BTree>(*pool_, nullptr, kRelation,
                                    std::vector<IndexKeyColumn>{IndexKeyColumn::ordered(
                                        DataType{TypeId::Int8, -1})},
                                    "bench_idx");
    tree_->create();
  }
  ~BenchIndex() {
    tree_.reset();
    pool_.reset();
    files_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  BTree& tree() { return *tree_; }

 private:
  static constexpr Oid kRelation = 16384;
  std::filesystem::path dir_;
  PosixFileSystem fs_;
  std::unique_ptr<RelationFiles> files_;
  std::unique_ptr<BufferPool> pool_;
  std::unique_ptr<BTree> tree_;
};

TupleId tid_for(int64_t n) {
  return TupleId{static_cast<BlockNumber>(n / 200), static_cast<OffsetNumber>(n % 200 + 1)};
}

void insert_keys(benchmark::State& state, bool random) {
  const int64_t count = state.range(0);
  std::mt19937_64 rng(42);
  for (auto _ : state) {
    state.PauseTiming();
    auto index = std::make_unique<BenchIndex>();
    state.ResumeTiming();
    for (int64_t i = 0; i < count; ++i) {
      int64_t key = random ? static_cast<int64_t>(rng() >> 1) : i;
      Value v = Value::int8(key);
      index->tree().insert(std::span(&v, 1), tid_for(i), kInvalidTransactionId);
    }
    state.PauseTiming();
    index.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
}

void BM_BTreeInsertSequential(benchmark::State& state) { insert_keys(state, false); }
void BM_BTreeInsertRandom(benchmark::State& state) { insert_keys(state, true); }
BENCHMARK(BM_BTreeInsertSequential)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BTreeInsertRandom)->Arg(100'000)->Unit(benchmark::kMillisecond);

// One index of 1M keys 0..999999, bulk built once and shared by the read benchmarks.
BenchIndex& million_key_index() {
  static std::unique_ptr<BenchIndex> index = [] {
    auto built = std::make_unique<BenchIndex>();
    std::vector<BTreeEntry> entries;
    entries.reserve(1'000'000);
    for (int64_t i = 0; i < 1'000'000; ++i) {
      Value v = Value::int8(i);
      entries.push_back({built->tree().codec().encode(std::span(&v, 1)), tid_for(i), {}});
    }
    built->tree().bulk_build(std::move(entries));
    return built;
  }();
  return *index;
}

void BM_BTreePointLookup(benchmark::State& state) {
  BTree& tree = million_key_index().tree();
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    Value v = Value::int8(static_cast<int64_t>(rng() % 1'000'000));
    std::vector<TupleId> found = tree.find_equal(std::span(&v, 1));
    benchmark::DoNotOptimize(found.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BTreePointLookup);
BENCHMARK(BM_BTreePointLookup)->Threads(2)->UseRealTime();

void BM_BTreeRangeScan(benchmark::State& state) {
  BTree& tree = million_key_index().tree();
  const int64_t width = state.range(0);
  std::mt19937_64 rng(11);
  std::vector<TupleId> tids;
  int64_t entries = 0;
  for (auto _ : state) {
    auto start = static_cast<int64_t>(rng() % (1'000'000 - width));
    BTree::Cursor cursor = tree.scan(ScanBound{{Value::int8(start)}, true},
                                     ScanBound{{Value::int8(start + width)}, false});
    while (size_t n = cursor.next_batch(tids, nullptr, 1024)) entries += static_cast<int64_t>(n);
  }
  state.SetItemsProcessed(entries);
  state.counters["scans/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BTreeRangeScan)->Arg(100)->Arg(10'000);

void BM_BTreeBulkBuild(benchmark::State& state) {
  const int64_t count = state.range(0);
  std::mt19937_64 rng(3);
  for (auto _ : state) {
    state.PauseTiming();
    auto index = std::make_unique<BenchIndex>();
    std::vector<BTreeEntry> entries;
    entries.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
      Value v = Value::int8(static_cast<int64_t>(rng() >> 1));
      entries.push_back({index->tree().codec().encode(std::span(&v, 1)), tid_for(i), {}});
    }
    state.ResumeTiming();
    index->tree().bulk_build(std::move(entries));
    state.PauseTiming();
    index.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_BTreeBulkBuild)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chalkdb
