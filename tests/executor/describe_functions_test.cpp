// Engine tests of what psql's \d NAME reads: regclass / regtype casts and output,
// format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef, ARRAY(subquery), one-row
// VALUES, WITH ORDINALITY, the catalog rows behind the describe queries (relchecks,
// relhastriggers, pg_depend rows of owned sequences) and the catalogs that exist empty.
// Expected texts are PostgreSQL 15's.
#include <fmt/format.h>

#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class DescribeFunctionsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE SCHEMA app");
    run("CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE)");
    run("CREATE TABLE orders (id bigserial PRIMARY KEY, "
        "customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE, "
        "amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount >= 0), "
        "status varchar(20) DEFAULT 'new', created_at timestamptz DEFAULT now(), n int DEFAULT -1)");
    run("CREATE TABLE app.items (sku text PRIMARY KEY, kind char(1) CHECK (kind IN ('a', 'b')), "
        "qty int CHECK ((qty + 1) * 2 > 0 OR qty IS NULL))");
  }

  std::string expr_of(const std::string& column, bool pretty) {
    auto result = rows(fmt::format(
        "SELECT pg_get_expr(d.adbin, d.adrelid, {}) FROM pg_attrdef d JOIN pg_attribute a "
        "ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE a.attrelid = 'orders'::regclass "
        "AND a.attname = '{}'",
        pretty ? "true" : "false", column));
    return result.size() == 1 ? result[0] : "<" + std::to_string(result.size()) + " rows>";
  }
};

TEST_F(DescribeFunctionsTest, RegclassPrintsTheNameQualifiedWhenNotVisible) {
  EXPECT_THAT(rows("SELECT 'orders'::regclass, 'app.items'::regclass, 'pg_catalog.pg_class'::regclass"),
              ElementsAre("orders|app.items|pg_class"));
  EXPECT_THAT(rows("SELECT c.oid::regclass::text FROM pg_class c WHERE c.relname = 'items'"),
              ElementsAre("app.items"));
  EXPECT_THAT(rows("SELECT 'orders'::regclass = (SELECT oid FROM pg_class WHERE relname = 'orders')"),
              ElementsAre("t"));
  EXPECT_THAT(rows("SELECT 4294967::regclass, 'integer'::regtype, 'character varying'::regtype::text, "
                   "1043::regtype"),
              ElementsAre("4294967|integer|character varying|character varying"));
  auto described = run("SELECT 'orders'::regclass, 'integer'::regtype");
  EXPECT_EQ(static_cast<uint32_t>(described.columns[0].type.id), 2205u);  // RowDescription: regclass
  EXPECT_EQ(static_cast<uint32_t>(described.columns[1].type.id), 2206u);
  EXPECT_EQ(error_code("SELECT 'nosuch'::regclass"), "42P01");
  EXPECT_EQ(error_code("SELECT 'nosuch'::regtype"), "42704");
}

TEST_F(DescribeFunctionsTest, FormatTypeWithAndWithoutTypmod) {
  EXPECT_THAT(rows("SELECT format_type(1700, 655366), format_type(1043, NULL), format_type(1042, -1), "
                   "format_type(1042, NULL), format_type(99999, -1), format_type(NULL, 1) IS NULL"),
              ElementsAre("numeric(10,2)|character varying|bpchar|character|???|t"));
  EXPECT_THAT(rows("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'orders'::regclass "
                   "AND attnum > 0 ORDER BY attnum"),
              ElementsAre("bigint", "integer", "numeric(10,2)", "character varying(20)",
                          "timestamp with time zone", "integer"));
}

TEST_F(DescribeFunctionsTest, GetExprPrintsDefaultsAsPostgresDoes) {
  EXPECT_EQ(expr_of("id", true), "nextval('orders_id_seq'::regclass)");
  EXPECT_EQ(expr_of("amount", true), "0");
  EXPECT_EQ(expr_of("status", true), "'new'::character varying");
  EXPECT_EQ(expr_of("created_at", true), "now()");
  EXPECT_EQ(expr_of("n", false), "'-1'::integer");
}

TEST_F(DescribeFunctionsTest, ConstraintDefinitions) {
  EXPECT_THAT(rows("SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint "
                   "WHERE conrelid = 'orders'::regclass ORDER BY conname"),
              ElementsAre("orders_amount_check|CHECK (amount >= 0::numeric)",
                          "orders_customer_id_fkey|FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE",
                          "orders_pkey|PRIMARY KEY (id)"));
  EXPECT_THAT(rows("SELECT pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint "
                   "WHERE conrelid = 'app.items'::regclass AND contype = 'c' ORDER BY conname"),
              ElementsAre("CHECK ((kind = ANY (ARRAY['a'::bpchar, 'b'::bpchar])))|"
                          "CHECK (kind = ANY (ARRAY['a'::bpchar, 'b'::bpchar]))",
                          "CHECK (((((qty + 1) * 2) > 0) OR (qty IS NULL)))|CHECK (((qty + 1) * 2) > 0 OR qty IS NULL)"));
  EXPECT_THAT(rows("SELECT pg_get_constraintdef(0) IS NULL"), ElementsAre("t"));
}

TEST_F(DescribeFunctionsTest, IndexDefinitions) {
  run("CREATE INDEX orders_status_idx ON orders (status NULLS FIRST, amount DESC NULLS LAST)");
  run("CREATE UNIQUE INDEX items_kind_idx ON app.items (kind DESC)");
  EXPECT_THAT(rows("SELECT pg_get_indexdef('orders_status_idx'::regclass), "
                   "pg_get_indexdef('orders_status_idx'::regclass, 0, true)"),
              ElementsAre("CREATE INDEX orders_status_idx ON public.orders USING btree (status NULLS FIRST, amount "
                          "DESC NULLS LAST)|CREATE INDEX orders_status_idx ON orders USING btree (status NULLS FIRST, "
                          "amount DESC NULLS LAST)"));
  EXPECT_THAT(rows("SELECT pg_get_indexdef('app.items_kind_idx'::regclass, 0, true), "
                   "pg_get_indexdef('orders_status_idx'::regclass, 2, true)"),
              ElementsAre("CREATE UNIQUE INDEX items_kind_idx ON app.items USING btree (kind DESC)|amount"));
  EXPECT_THAT(rows("SELECT pg_get_indexdef('orders'::regclass) IS NULL"), ElementsAre("t"));
}

TEST_F(DescribeFunctionsTest, CatalogRowsPsqlReads) {
  EXPECT_THAT(rows("SELECT relname, relchecks, relhastriggers FROM pg_class "
                   "WHERE relname IN ('customers', 'orders', 'items') ORDER BY 1"),
              ElementsAre("customers|0|t", "items|2|f", "orders|1|t"));
  EXPECT_THAT(rows("SELECT d.objid::regclass, d.refobjid::regclass, d.refobjsubid, d.deptype FROM pg_depend d "
                   "WHERE d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') ORDER BY 1"),
              ElementsAre("customers_id_seq|customers|1|a", "orders_id_seq|orders|1|a"));
  run("DROP TABLE orders");
  EXPECT_THAT(rows("SELECT count(*) FROM pg_depend WHERE refobjid = (SELECT oid FROM pg_class WHERE relname = "
                   "'customers') AND deptype = 'a'"),
              ElementsAre("1"));
  EXPECT_THAT(rows("SELECT count(*) FROM pg_depend WHERE deptype = 'a'"), ElementsAre("1"));
  for (const char* catalog : {"pg_auth_members", "pg_policy", "pg_trigger", "pg_inherits", "pg_statistic_ext",
                              "pg_publication", "pg_publication_rel", "pg_publication_namespace"}) {
    EXPECT_THAT(rows(fmt::format("SELECT * FROM pg_catalog.{}", catalog)), IsEmpty()) << catalog;
  }
  EXPECT_THAT(rows("SELECT collname FROM pg_collation ORDER BY oid"), ElementsAre("default", "C", "POSIX"));
  EXPECT_THAT(rows("SELECT rolname FROM pg_roles ORDER BY oid"), ElementsAre("postgres", "pg_database_owner"));
}

TEST_F(DescribeFunctionsTest, ArraySubqueryValuesAndOrdinality) {
  EXPECT_THAT(rows("SELECT array(SELECT relname FROM pg_class WHERE relname LIKE 'customers%' ORDER BY 1)"),
              ElementsAre("{customers,customers_email_key,customers_id_seq,customers_pkey}"));
  EXPECT_THAT(rows("SELECT array(SELECT 1 WHERE false)"), ElementsAre("{}"));
  EXPECT_THAT(rows("SELECT c.relname, array(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid "
                   "AND a.attnum > 0 ORDER BY a.attnum) FROM pg_class c WHERE c.relname = 'customers'"),
              ElementsAre("customers|{id,email}"));
  EXPECT_EQ(error_code("SELECT array(SELECT 1, 2)"), "42601");
  EXPECT_THAT(rows("SELECT 1 WHERE 3 IN (SELECT unnest(ARRAY[1, 2]) UNION ALL VALUES (3))"), ElementsAre("1"));
  EXPECT_THAT(rows("VALUES (1, 'a')"), ElementsAre("1|a"));
  EXPECT_THAT(rows("SELECT a.x, a.n FROM unnest(ARRAY['p', 'q']) WITH ORDINALITY AS a(x, n) ORDER BY a.n DESC"),
              ElementsAre("q|2", "p|1"));
  auto ordinality = run("SELECT * FROM unnest(ARRAY['p']) WITH ORDINALITY AS u");
  ASSERT_EQ(ordinality.columns.size(), 2u);
  EXPECT_EQ(ordinality.columns[0].name, "u");
  EXPECT_EQ(ordinality.columns[1].name, "ordinality");
  EXPECT_THAT(rows("SELECT * FROM pg_partition_ancestors('orders'::regclass) WITH ORDINALITY AS a(relid, depth)"),
              IsEmpty());
  EXPECT_THAT(rows("SELECT pg_relation_is_publishable('orders'), pg_relation_is_publishable('orders_pkey'), "
                   "pg_relation_is_publishable(1259), pg_relation_is_publishable(999999) IS NULL"),
              ElementsAre("t|f|f|t"));
}

}  // namespace
}  // namespace chalkdb::testing
