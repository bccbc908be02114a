// SearchPath and the catalog's schemas: parsing search_path values, resolution of unqualified
// names (pg_catalog and the temporary schema implicitly first), the creation schema, and
// CREATE / DROP / RENAME of pg_namespace rows under MVCC.
#include <gtest/gtest.h>

#include "sql/error/sql_error.h"
#include "storage/catalog/search_path.h"
#include "storage/catalog/system_tables.h"
#include "storage/storage_engine.h"
#include "tests/storage/catalog_transactions.h"
#include "tests/storage/temp_directory.h"

namespace chalkdb {
namespace {

using testing::abort;
using testing::commit;
using testing::everything_committed;

TableDefinition table(std::string schema, std::string name) {
  TableDefinition definition;
  definition.schema = std::move(schema);
  definition.name = std::move(name);
  definition.columns = {{"a", DataType{TypeId::Int4, -1}, 0, false, std::nullopt}};
  return definition;
}

std::string code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const SqlError& error) {
    return std::string(error.state.code) + " " + error.message;
  }
  return "";
}

class SearchPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = StorageEngine::open(dir_.sub("data"), 32);
    TransactionId xid = engine_->control_file().allocate_xid();
    engine_->catalog().create_namespace("app", kBootstrapSuperuserId, xid, 0);
    engine_->catalog().create_relation(table("public", "items"), xid, 1);
    engine_->catalog().create_relation(table("app", "items"), xid, 1);
    engine_->catalog().create_relation(table("app", "only_app"), xid, 1);
    commit(*engine_, xid);
    set_path({"$user", "public"});
    source_.settings = &settings_;
  }
  void set_path(const std::vector<std::string>& items) { settings_.set("search_path", items); }
  SearchPath path() {
    snapshot_ = everything_committed(*engine_);
    return SearchPath(engine_->catalog(), snapshot_, source_);
  }

  testing::TempDirectory dir_;
  std::unique_ptr<StorageEngine> engine_;
  SessionSettings settings_;
  SearchPathSource source_;
  Snapshot snapshot_;
};

TEST(SplitSearchPathTest, ReadsIdentifierLists) {
  EXPECT_EQ(split_search_path("\"$user\", public"), (std::vector<std::string>{"$user", "public"}));
  EXPECT_EQ(split_search_path("  App ,\"My \"\"Schema\"\"\"  "), (std::vector<std::string>{"app", "My \"Schema\""}));
  EXPECT_TRUE(split_search_path("").empty());
  EXPECT_THROW(split_search_path("a,,b"), SqlError);
  EXPECT_THROW(split_search_path("\"open"), SqlError);
}

TEST_F(SearchPathTest, UnqualifiedNamesFollowThePath) {
  EXPECT_EQ(path().find_relation(std::nullopt, "items")->schema, "public");
  EXPECT_FALSE(path().find_relation(std::nullopt, "only_app"));
  set_path({"app", "public"});
  EXPECT_EQ(path().find_relation(std::nullopt, "items")->schema, "app");
  EXPECT_EQ(path().find_relation(std::string("public"), "items")->schema, "public");
  // pg_catalog comes first unless listed.
  EXPECT_EQ(path().find_relation(std::nullopt, "pg_class")->schema, "pg_catalog");
  EXPECT_FALSE(path().find_relation(std::string("nosuch"), "items"));
}

TEST_F(SearchPathTest, CurrentSchemasSkipMissingOnesAndExpandUser) {
  set_path({"nosuch", "$user", "app"});
  EXPECT_EQ(path().current_schemas(false), (std::vector<std::string>{"app"}));
  EXPECT_EQ(path().current_schemas(true), (std::vector<std::string>{"pg_catalog", "app"}));
  TransactionId xid = engine_->control_file().allocate_xid();
  engine_->catalog().create_namespace("postgres", kBootstrapSuperuserId, xid, 0);
  commit(*engine_, xid);
  EXPECT_EQ(path().current_schema(), "postgres");
  set_path({"app", "pg_catalog"});
  EXPECT_EQ(path().current_schemas(true), (std::vector<std::string>{"app", "pg_catalog"}));
}

TEST_F(SearchPathTest, CreationSchemaIsTheFirstExplicitExistingOne) {
  EXPECT_EQ(path().creation_schema(std::nullopt, false), "public");
  set_path({"nosuch", "app"});
  EXPECT_EQ(path().creation_schema(std::nullopt, false), "app");
  set_path({""});
  EXPECT_EQ(code_of([&] { path().creation_schema(std::nullopt, false); }),
            "3F000 no schema has been selected to create in");
  EXPECT_EQ(code_of([&] { path().creation_schema(std::string("nosuch"), false); }),
            "3F000 schema \"nosuch\" does not exist");
  EXPECT_FALSE(path().current_schema());
}

TEST_F(SearchPathTest, TemporarySchemaComesFirstAndShadows) {
  TransactionId xid = engine_->control_file().allocate_xid();
  engine_->catalog().create_namespace("pg_temp_3", kBootstrapSuperuserId, xid, 0);
  TableDefinition temp = table("pg_temp_3", "items");
  temp.persistence = kPersistenceTemporary;
  engine_->catalog().create_relation(temp, xid, 1);
  commit(*engine_, xid);
  // Another session (no temporary schema of its own) does not see it unqualified, and may
  // not use it qualified.
  EXPECT_EQ(path().find_relation(std::nullopt, "items")->schema, "public");
  EXPECT_EQ(code_of([&] { path().find_relation(std::string("pg_temp_3"), "items"); }),
            "0A000 cannot access temporary tables of other sessions");
  source_.temp_schema = "pg_temp_3";
  EXPECT_EQ(path().find_relation(std::nullopt, "items")->schema, "pg_temp_3");
  EXPECT_EQ(path().find_relation(std::string("pg_temp"), "items")->schema, "pg_temp_3");
  EXPECT_EQ(path().current_schemas(true), (std::vector<std::string>{"pg_temp_3", "pg_catalog", "public"}));
  EXPECT_EQ(path().creation_schema(std::nullopt, true), "pg_temp_3");
  EXPECT_EQ(path().creation_schema(std::nullopt, false), "public");
  EXPECT_EQ(code_of([&] { path().creation_schema(std::string("app"), true); }),
            "42P16 cannot create temporary relation in non-temporary schema");
  auto shadowed = path().find_relation(std::string("public"), "items");
  EXPECT_FALSE(path().is_visible(*shadowed));
  EXPECT_EQ(path().display_name(*shadowed), "public.items");
  // "pg_temp" listed later moves it there.
  set_path({"public", "pg_temp"});
  EXPECT_EQ(path().find_relation(std::nullopt, "items")->schema, "public");
}

TEST_F(SearchPathTest, SchemasAreTransactional) {
  Catalog& catalog = engine_->catalog();
  TransactionId xid = engine_->control_file().allocate_xid();
  catalog.create_namespace("fresh", kBootstrapSuperuserId, xid, 0);
  EXPECT_TRUE(catalog.find_namespace("fresh", Snapshot::latest(xid, 1)));
  EXPECT_FALSE(catalog.find_namespace("fresh", everything_committed(*engine_)));
  EXPECT_EQ(code_of([&] { catalog.create_namespace("fresh", kBootstrapSuperuserId, xid, 1); }),
            "42P06 schema \"fresh\" already exists");
  abort(*engine_, xid);
  EXPECT_FALSE(catalog.find_namespace("fresh", everything_committed(*engine_)));

  xid = engine_->control_file().allocate_xid();
  Oid app = *catalog.find_namespace("app", everything_committed(*engine_));
  catalog.rename_namespace(app, "shop", xid, 0);
  Snapshot own = Snapshot::latest(xid, 1);
  EXPECT_EQ(catalog.find_relation("shop", "items", own)->schema, "shop");
  EXPECT_FALSE(catalog.find_relation("app", "items", own));
  EXPECT_TRUE(catalog.find_relation("app", "items", everything_committed(*engine_)));
  commit(*engine_, xid);

  xid = engine_->control_file().allocate_xid();
  catalog.drop_namespace(app, xid, 0);
  EXPECT_FALSE(catalog.find_namespace("shop", Snapshot::latest(xid, 1)));
  abort(*engine_, xid);
  EXPECT_TRUE(catalog.find_namespace("shop", everything_committed(*engine_)));
}

TEST_F(SearchPathTest, SchemasSurviveAReopen) {
  engine_.reset();
  engine_ = StorageEngine::open(dir_.sub("data"), 32);
  auto schemas = engine_->catalog().namespaces(everything_committed(*engine_));
  std::vector<std::string> names;
  for (const auto& schema : schemas) names.push_back(schema.name);
  EXPECT_EQ(names, (std::vector<std::string>{"pg_catalog", "pg_toast", "public", "app"}));
  EXPECT_EQ(engine_->catalog().find_relation("app", "items", everything_committed(*engine_))->schema, "app");
}

}  // namespace
}  // namespace chalkdb
