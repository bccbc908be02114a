// amcheck's bt_index_check and bt_index_parent_check through SQL: sound indexes (with INCLUDE
// columns) pass, bad arguments fail as in PostgreSQL, and an index file corrupted on disk
// (checksum kept valid, so only amcheck can tell) is reported with SQLSTATE XX002.
#include <array>
#include <fstream>

#include "storage/index/btree_page.h"
#include "storage/page/page_checksum.h"
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class AmcheckTest : public EngineTest {
 protected:
  struct alignas(disk::kMaxAlign) Block {
    std::array<std::byte, disk::kPageSize> bytes;
    BTreePage page() { return BTreePage(Page::Bytes(bytes)); }
  };

  // Reads block `block` of the relation file, lets `change` alter it, fixes its checksum and
  // writes it back; the database is closed meanwhile so nothing is cached.
  template <typename Change>
  void corrupt_block(const std::string& relation, BlockNumber block, Change change) {
    std::filesystem::path file = directory_ / rows("SELECT pg_relation_filepath('" + relation + "')").at(0);
    session_.reset();
    database_.reset();
    Block copy;
    {
      std::ifstream in(file, std::ios::binary);
      in.seekg(static_cast<std::streamoff>(block) * disk::kPageSize);
      in.read(reinterpret_cast<char*>(copy.bytes.data()), disk::kPageSize);
    }
    change(copy);
    set_page_checksum(copy.bytes, block);
    {
      std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
      out.seekp(static_cast<std::streamoff>(block) * disk::kPageSize);
      out.write(reinterpret_cast<const char*>(copy.bytes.data()), disk::kPageSize);
    }
    open();
  }
};

TEST_F(AmcheckTest, SoundIndexesPass) {
  run("CREATE TABLE t (a int, b text, c int)");
  run("INSERT INTO t SELECT g, 'v' || g, g * 10 FROM generate_series(1, 3000) g");
  run("CREATE UNIQUE INDEX t_a_inc ON t (a) INCLUDE (b, c)");
  run("INSERT INTO t SELECT g, NULL, NULL FROM generate_series(3001, 4000) g");
  run("UPDATE t SET b = 'changed' WHERE a % 10 = 0");
  run("DELETE FROM t WHERE a % 7 = 0");
  EXPECT_THAT(rows("SELECT bt_index_check('t_a_inc'), bt_index_check('t_a_inc', true)"),
              ElementsAre("|"));
  EXPECT_THAT(rows("SELECT bt_index_parent_check('t_a_inc'), bt_index_parent_check('t_a_inc', true), "
                   "bt_index_parent_check('t_a_inc', true, true)"),
              ElementsAre("||"));
  // Uniqueness is on the key column only, and DETAIL names only it.
  SqlError duplicate = failure("INSERT INTO t VALUES (5, 'other', 1)");
  EXPECT_EQ(duplicate.detail, "Key (a)=(5) already exists.");
}

TEST_F(AmcheckTest, ArgumentsAreCheckedAsInPostgres) {
  run("CREATE TABLE t (a int)");
  SqlError not_index = failure("SELECT bt_index_check('t')");
  EXPECT_EQ(std::string(not_index.state.code), "42809");
  EXPECT_EQ(not_index.message, "\"t\" is not an index");
  EXPECT_EQ(error_code("SELECT bt_index_check('nosuch')"), "42P01");
  EXPECT_EQ(failure("SELECT bt_index_check(0)").message, "could not open relation with OID 0");
}

TEST_F(AmcheckTest, ItemsOutOfOrderAreReported) {
  run("CREATE TABLE t (a int)");
  run("INSERT INTO t SELECT g FROM generate_series(1, 100) g");
  run("CREATE INDEX t_a ON t (a)");
  EXPECT_THAT(rows("SELECT bt_index_check('t_a', true)"), ElementsAre(""));
  corrupt_block("t_a", 1, [](Block& block) {
    BTreePage view = block.page();
    Page& page = view.page();
    LinePointer first = page.line_pointer(1);
    page.set_line_pointer(1, page.line_pointer(2));
    page.set_line_pointer(2, first);
  });
  for (const char* call : {"SELECT bt_index_check('t_a')", "SELECT bt_index_parent_check('t_a')"}) {
    SqlError error = failure(call);
    EXPECT_EQ(std::string(error.state.code), "XX002");
    EXPECT_EQ(error.message, "item order invariant violated for index \"t_a\"");
    EXPECT_EQ(error.detail,
              "Lower index tid=(1,1) (points to heap tid=(0,2)) higher index tid=(1,2) (points to "
              "heap tid=(0,1)) page lsn=0/0.");
  }
}

TEST_F(AmcheckTest, HeapTupleWithoutIndexEntryIsReported) {
  run("CREATE TABLE t (a int, b text)");
  run("INSERT INTO t SELECT g, 'x' || g FROM generate_series(1, 10) g");
  run("CREATE INDEX t_a ON t (a) INCLUDE (b)");
  // The greatest entry's TID points elsewhere: the order stays valid, the heap check fails.
  corrupt_block("t_a", 1, [](Block& block) {
    BTreePage page = block.page();
    LinePointer last = page.page().line_pointer(page.max_offset());
    // Key (9 bytes for an int4) then the TID: its offset is bytes 13 and 14 of the item.
    block.bytes[last.offset + 13] = std::byte{0};
    block.bytes[last.offset + 14] = std::byte{99};
  });
  EXPECT_THAT(rows("SELECT bt_index_check('t_a')"), ElementsAre(""));
  SqlError error = failure("SELECT bt_index_check('t_a', true)");
  EXPECT_EQ(std::string(error.state.code), "XX002");
  EXPECT_EQ(error.message, "heap tuple (0,10) from table \"t\" lacks matching index tuple within index \"t_a\"");
  EXPECT_EQ(error.hint, "Retrying verification using the function bt_index_parent_check() might provide a more specific error.");
  SqlError parent = failure("SELECT bt_index_parent_check('t_a', true)");
  EXPECT_EQ(parent.message, error.message);
  EXPECT_FALSE(parent.hint.has_value());
}

}  // namespace
}  // namespace chalkdb::testing
