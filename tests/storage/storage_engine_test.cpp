#include "storage/storage_engine.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sql/error/sql_error.h"
#include "storage/catalog/system_tables.h"
#include "tests/storage/catalog_transactions.h"
#include "tests/storage/memory_file_system.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using testing::everything_committed;

TableDefinition two_column_table(std::string name) {
  TableDefinition definition;
  definition.name = std::move(name);
  definition.columns = {{"id", DataType{TypeId::Int4, -1}, 0, true, std::nullopt},
                        {"note", DataType{TypeId::Text, -1}, 0, false, std::nullopt}};
  return definition;
}

// Commits `xid` the way the transaction manager does: data first, then the commit record.
void force_commit(StorageEngine& engine, TransactionId xid) {
  for (Oid relation : engine.written_relations().take(xid)) {
    engine.buffer_pool().flush_relation(relation);
  }
  engine.commit_log().set_committed(xid);
  engine.commit_log().flush();
  engine.catalog().transaction_finished(xid, true);
}

TEST(StorageEngineTest, FirstOpenCreatesTheDataDirectory) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  {
    auto engine = StorageEngine::open(data, 16);
    EXPECT_FALSE(engine->was_clean_shutdown());
  }
  EXPECT_TRUE(std::filesystem::exists(data / "CHALKDB_VERSION"));
  EXPECT_TRUE(std::filesystem::exists(data / "global" / "control"));
  EXPECT_TRUE(std::filesystem::exists(data / "base" / "1259"));  // pg_class
  EXPECT_TRUE(std::filesystem::exists(data / "base" / "1249"));  // pg_attribute
  EXPECT_TRUE(std::filesystem::is_directory(data / "pg_xact"));
  auto reopened = StorageEngine::open(data, 16);
  EXPECT_TRUE(reopened->was_clean_shutdown());
}

TEST(StorageEngineTest, RefusesANonEmptyForeignDirectory) {
  testing::TempDirectory dir;
  std::ofstream(dir.path() / "something") << "x";
  try {
    StorageEngine::open(dir.path(), 16);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "directory \"" + dir.path().string() + "\" exists but is not empty");
  }
}

TEST(StorageEngineTest, RefusesAnIncompatibleVersion) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  StorageEngine::open(data, 16)->shutdown();
  std::ofstream(data / "CHALKDB_VERSION", std::ios::trunc) << "99\n";
  try {
    StorageEngine::open(data, 16);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "database files are incompatible with server");
  }
}

TEST(StorageEngineTest, CorruptControlFileIsReported) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  StorageEngine::open(data, 16)->shutdown();
  {
    std::fstream control(data / "global" / "control", std::ios::in | std::ios::out | std::ios::binary);
    control.seekp(8);
    control.put('\x7f');
  }
  try {
    StorageEngine::open(data, 16);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kDataCorrupted);
    EXPECT_EQ(e.message, "invalid control file: incorrect checksum");
  }
}

TEST(StorageEngineTest, XidsAndOidsAreNeverReusedAfterACrash) {
  testing::MemoryFileSystem fs;
  TransactionId last_xid;
  Oid last_oid;
  {
    auto engine = StorageEngine::open("data", 16, std::make_unique<testing::MemoryFileSystem>(fs.disk()));
    for (int i = 0; i < 10; ++i) last_xid = engine->control_file().allocate_xid();
    for (int i = 0; i < 10; ++i) last_oid = engine->control_file().allocate_oid();
    EXPECT_GE(last_oid, kFirstNormalObjectId);
    auto after = fs.crash();
    engine.reset();  // its shutdown writes go nowhere
    auto reopened =
        StorageEngine::open("data", 16, std::make_unique<testing::MemoryFileSystem>(after));
    EXPECT_FALSE(reopened->was_clean_shutdown());
    EXPECT_GT(reopened->control_file().allocate_xid(), last_xid);
    EXPECT_GT(reopened->control_file().allocate_oid(), last_oid);
  }
}

TEST(StorageEngineTest, CleanShutdownKeepsExactCounters) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  TransactionId next;
  {
    auto engine = StorageEngine::open(data, 16);
    engine->control_file().allocate_xid();
    next = engine->control_file().next_xid();
  }
  auto engine = StorageEngine::open(data, 16);
  EXPECT_EQ(engine->control_file().next_xid(), next);
}

TEST(StorageEngineTest, SystemCatalogsDescribeThemselves) {
  testing::TempDirectory dir;
  auto engine = StorageEngine::open(dir.sub("data"), 16);
  Snapshot s = everything_committed(*engine);
  auto pg_class = engine->catalog().find_relation("pg_catalog", "pg_class", s);
  ASSERT_TRUE(pg_class);
  EXPECT_EQ(pg_class->oid, kPgClassRelation);
  EXPECT_EQ(pg_class->relkind, 'r');
  EXPECT_EQ(pg_class->columns.size(), pg_class::kColumnCount);
  EXPECT_EQ(pg_class->columns[pg_class::relname].name, "relname");
  EXPECT_EQ(pg_class->columns[pg_class::relname].type.id, TypeId::Name);
  EXPECT_EQ(pg_class->columns[pg_class::relname].attnum, 2);
  EXPECT_FALSE(engine->catalog().find_relation("public", "pg_class", s));
  EXPECT_EQ(engine->catalog().find_namespace("public", s), kPublicNamespace);
  EXPECT_EQ(engine->catalog().find_namespace("pg_catalog", s), kPgCatalogNamespace);

  // pg_class lists every system table; pg_type holds the built-in types.
  HeapTable& class_heap = engine->catalog().heap(*pg_class);
  std::vector<std::string> names;
  auto scan = class_heap.scan(s);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  while (scan.next_batch(rows, tids, 64) > 0) {
    for (const auto& row : rows) names.push_back(row[pg_class::relname].as_text());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"pg_namespace", "pg_am", "pg_class", "pg_attribute",
                                             "pg_attrdef", "pg_type", "pg_sequence",
                                             "pg_index", "pg_constraint", "pg_rewrite", "pg_depend",
                                             "pg_collation", "pg_auth_members", "pg_inherits",
                                             "pg_trigger", "pg_policy", "pg_statistic_ext",
                                             "pg_publication", "pg_publication_rel",
                                             "pg_publication_namespace"}));
  auto pg_type = engine->catalog().relation_by_oid(kPgTypeRelation, s);
  ASSERT_TRUE(pg_type);
  bool found_int4 = false;
  auto type_scan = engine->catalog().heap(*pg_type).scan(s);
  while (type_scan.next_batch(rows, tids, 64) > 0) {
    for (const auto& row : rows) {
      if (row[pg_type::oid].as_int() == 23) {
        found_int4 = true;
        EXPECT_EQ(row[pg_type::typname].as_text(), "int4");
        EXPECT_EQ(row[pg_type::typlen].as_int(), 4);
        EXPECT_EQ(row[pg_type::typalign].as_text(), "i");
        EXPECT_EQ(row[pg_type::typarray].as_int(), 1007);
      }
    }
  }
  EXPECT_TRUE(found_int4);
}

TEST(StorageEngineTest, CommittedDataAndCatalogSurviveReopen) {
  testing::TempDirectory dir;
  auto data = dir.sub("data");
  {
    auto engine = StorageEngine::open(data, 8);
    TransactionId xid = engine->control_file().allocate_xid();
    TableDefinition definition = two_column_table("notes");
    definition.columns[0].default_expr = "nextval('notes_id_seq'::regclass)";
    Oid oid = engine->catalog().create_relation(definition, xid, 0);
    Snapshot own = Snapshot::latest(xid, 1);
    HeapTable& heap = engine->catalog().heap(*engine->catalog().relation_by_oid(oid, own));
    for (int i = 0; i < 2000; ++i) {
      heap.insert(std::vector<Value>{Value::int4(i), Value::text("note " + std::to_string(i))},
                  xid, 1);
    }
    force_commit(*engine, xid);
  }
  auto engine = StorageEngine::open(data, 8);
  Snapshot s = everything_committed(*engine);
  auto table = engine->catalog().find_relation("public", "notes", s);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->columns.size(), 2u);
  EXPECT_EQ(table->columns[0].name, "id");
  EXPECT_TRUE(table->columns[0].not_null);
  EXPECT_EQ(table->columns[0].default_expr, "nextval('notes_id_seq'::regclass)");
  EXPECT_EQ(table->columns[1].type.id, TypeId::Text);
  EXPECT_FALSE(table->columns[1].default_expr);
  auto scan = engine->catalog().heap(*table).scan(s);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  int64_t count = 0;
  while (scan.next_batch(rows, tids, 500) > 0) {
    for (const auto& row : rows) EXPECT_EQ(row[0].as_int(), count++);
  }
  EXPECT_EQ(count, 2000);
}

TEST(StorageEngineTest, ForcedCommitSurvivesACrashAndAnUncommittedOneVanishes) {
  testing::MemoryFileSystem fs;
  auto engine =
      StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(fs.disk()));
  TransactionId creator = engine->control_file().allocate_xid();
  Oid oid = engine->catalog().create_relation(two_column_table("t"), creator, 0);
  HeapTable& heap =
      engine->catalog().heap(*engine->catalog().relation_by_oid(oid, Snapshot::latest(creator, 1)));
  heap.insert(std::vector<Value>{Value::int4(1), Value::text("kept")}, creator, 1);
  force_commit(*engine, creator);
  TransactionId loser = engine->control_file().allocate_xid();
  for (int i = 0; i < 500; ++i) {
    heap.insert(std::vector<Value>{Value::int4(2), Value::text("lost")}, loser, 0);
  }
  engine->buffer_pool().flush_all();  // its pages even reach the disk, but no commit record

  auto after = fs.crash();
  engine.reset();
  auto reopened = StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(after));
  EXPECT_FALSE(reopened->was_clean_shutdown());
  EXPECT_EQ(reopened->commit_log().status(loser), XidStatus::Aborted);
  Snapshot s = everything_committed(*reopened);
  auto table = reopened->catalog().find_relation("public", "t", s);
  ASSERT_TRUE(table);
  auto scan = reopened->catalog().heap(*table).scan(s);
  std::vector<std::vector<Value>> rows;
  std::vector<TupleId> tids;
  ASSERT_EQ(scan.next_batch(rows, tids, 1000), 1u);
  EXPECT_EQ(rows[0][1].as_text(), "kept");
}

TEST(StorageEngineTest, SequencesContinueAfterCleanRestartAndNeverRepeatAfterACrash) {
  testing::MemoryFileSystem fs;
  auto disk = fs.disk();
  Oid sequence;
  {
    auto engine = StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(disk));
    TransactionId xid = engine->control_file().allocate_xid();
    sequence = engine->catalog().create_sequence("public", "s", xid, 0);
    force_commit(*engine, xid);
    for (int64_t expected = 1; expected <= 5; ++expected) {
      EXPECT_EQ(engine->catalog().next_sequence_value(sequence), expected);
    }
    SequenceState state = engine->catalog().sequence_state(sequence);
    EXPECT_EQ(state.last_value, 5);
    EXPECT_EQ(state.log_cnt, 28);  // PostgreSQL shows the same after five nextval calls
    EXPECT_TRUE(state.is_called);
  }
  size_t syncs_before;
  {
    auto engine = StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(disk));
    EXPECT_EQ(engine->catalog().next_sequence_value(sequence), 6);  // clean restart: no gap
    syncs_before = disk->syncs;
    for (int64_t expected = 7; expected <= 40; ++expected) {
      ASSERT_EQ(engine->catalog().next_sequence_value(sequence), expected);
    }
    // One durable reservation per 32 values, not one fsync per call.
    EXPECT_LE(disk->syncs - syncs_before, 2u);
  }
  testing::MemoryFileSystem running(disk);
  int64_t last;
  auto engine = StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(disk));
  for (int i = 0; i < 10; ++i) last = engine->catalog().next_sequence_value(sequence);
  EXPECT_EQ(last, 50);
  auto after = running.crash();
  engine.reset();
  auto reopened = StorageEngine::open("data", 8, std::make_unique<testing::MemoryFileSystem>(after));
  int64_t next = reopened->catalog().next_sequence_value(sequence);
  EXPECT_GT(next, last);             // never repeats
  EXPECT_LE(next, last + 1 + 32);    // skips at most one reserved range
}

TEST(StorageEngineTest, SequenceLimitIsPostgresError) {
  testing::TempDirectory dir;
  auto engine = StorageEngine::open(dir.sub("data"), 8);
  try {
    engine->catalog().next_sequence_value(99999);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.message, "could not open relation with OID 99999");
  }
  Snapshot s = everything_committed(*engine);
  auto pg_class = engine->catalog().find_relation("pg_catalog", "pg_class", s);
  try {
    engine->catalog().next_sequence_value(pg_class->oid);
    FAIL() << "expected an error";
  } catch (const SqlError& e) {
    EXPECT_EQ(e.state, sqlstate::kWrongObjectType);
    EXPECT_EQ(e.message, "\"pg_class\" is not a sequence");
  }
}

}  // namespace
}  // namespace chalkdb
