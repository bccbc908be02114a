// Engine tests of views: the stored query expanded where the view is named, CREATE OR REPLACE
// rules, dependencies recorded in pg_depend and enforced by DROP / ALTER TABLE, the catalog
// rows (pg_class relkind 'v', pg_rewrite), persistence across a restart, pg_get_viewdef.
#include "tests/executor/engine_fixture.h"

namespace chalkdb::testing {
namespace {

using ::testing::ElementsAre;

class ViewsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    run("CREATE TABLE emp (id int PRIMARY KEY, name text, salary int)");
    run("INSERT INTO emp VALUES (1, 'a', 100), (2, 'b', 200), (3, 'c', 300)");
  }
};

TEST_F(ViewsTest, ViewReadsAsItsQueryWithItsColumnNames) {
  EXPECT_EQ(run("CREATE VIEW rich (who, pay) AS SELECT name, salary FROM emp WHERE salary > 150").tag,
            "CREATE VIEW");
  EXPECT_THAT(rows("SELECT who FROM rich WHERE pay < 300"), ElementsAre("b"));
  EXPECT_THAT(rows("SELECT r.who, e.id FROM rich r JOIN emp e ON e.name = r.who ORDER BY 1"),
              ElementsAre("b|2", "c|3"));
  EXPECT_THAT(rows("SELECT relkind, relhasrules FROM pg_class WHERE relname = 'rich'"), ElementsAre("v|t"));
  EXPECT_THAT(rows("SELECT rulename, ev_action FROM pg_rewrite WHERE ev_class = 'rich'::regclass"),
              ElementsAre("_RETURN|SELECT name, salary FROM emp WHERE salary > 150"));
  EXPECT_THAT(rows("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = 'rich'::regclass ORDER BY attnum"),
              ElementsAre("who|25", "pay|23"));
}

TEST_F(ViewsTest, SimpleViewsAreMergedIntoTheQuery) {
  run("CREATE VIEW rich AS SELECT e.name, e.salary, 'x' AS tag FROM emp e WHERE e.salary > 150");
  EXPECT_THAT(rows("EXPLAIN (COSTS OFF) SELECT name FROM rich WHERE salary < 300"),
              ElementsAre("Seq Scan on emp e", "  Filter: ((salary > 150) AND (salary < 300))"));
  // On the nullable side of an outer join the view stays a subquery: its constant is NULL there.
  EXPECT_THAT(rows("SELECT e.id, r.tag FROM emp e LEFT JOIN rich r ON r.name = e.name ORDER BY e.id"),
              ElementsAre("1|<null>", "2|x", "3|x"));
  EXPECT_THAT(rows("SELECT count(*), max(tag) FROM rich"), ElementsAre("2|x"));
  EXPECT_THAT(rows("SELECT r.name FROM rich r WHERE EXISTS (SELECT 1 FROM emp x WHERE x.salary > r.salary)"),
              ElementsAre("b"));
  // The same view twice: its tables get distinct names, as in PostgreSQL's EXPLAIN.
  EXPECT_THAT(rows("SELECT a.name, b.name FROM rich a JOIN rich b ON b.salary > a.salary"), ElementsAre("b|c"));
}

TEST_F(ViewsTest, StarKeepsTheColumnsOfCreationTime) {
  run("CREATE VIEW all_emp AS SELECT * FROM emp");
  run("ALTER TABLE emp ADD COLUMN extra int");
  EXPECT_THAT(rows("SELECT * FROM all_emp WHERE id = 1"), ElementsAre("1|a|100"));
}

TEST_F(ViewsTest, ReplaceMayOnlyAppendColumns) {
  run("CREATE VIEW v AS SELECT id, name FROM emp");
  run("CREATE OR REPLACE VIEW v AS SELECT id, name, salary FROM emp WHERE id = 2");
  EXPECT_THAT(rows("SELECT * FROM v"), ElementsAre("2|b|200"));
  EXPECT_EQ(failure("CREATE OR REPLACE VIEW v AS SELECT id FROM emp").message, "cannot drop columns from view");
  SqlError renamed = failure("CREATE OR REPLACE VIEW v AS SELECT id, name AS n, salary FROM emp");
  EXPECT_EQ(std::string(renamed.state.code), "42P16");
  EXPECT_EQ(renamed.message, "cannot change name of view column \"name\" to \"n\"");
  EXPECT_EQ(failure("CREATE OR REPLACE VIEW v AS SELECT id::bigint, name, salary FROM emp").message,
            "cannot change data type of view column \"id\" from integer to bigint");
  EXPECT_EQ(error_code("CREATE OR REPLACE VIEW emp AS SELECT 1 AS id"), "42809");
  EXPECT_EQ(error_code("CREATE VIEW v AS SELECT 1"), "42P07");
  EXPECT_EQ(error_code("CREATE VIEW w AS SELECT 1 WITH CHECK OPTION"), "0A000");
}

TEST_F(ViewsTest, DependenciesBlockDropsUnlessCascade) {
  run("CREATE VIEW v1 AS SELECT name FROM emp");
  run("CREATE VIEW v2 AS SELECT name FROM v1");
  EXPECT_THAT(rows("SELECT count(*) FROM pg_depend WHERE refobjid = 'emp'::regclass AND refobjsubid = 2"),
              ElementsAre("1"));
  SqlError error = failure("DROP TABLE emp");
  EXPECT_EQ(std::string(error.state.code), "2BP01");
  EXPECT_EQ(error.message, "cannot drop table emp because other objects depend on it");
  EXPECT_EQ(error.detail, "view v1 depends on table emp\nview v2 depends on view v1");
  EXPECT_EQ(failure("ALTER TABLE emp DROP COLUMN name").detail,
            "view v1 depends on column name of table emp\nview v2 depends on view v1");
  EXPECT_EQ(failure("ALTER TABLE emp ALTER COLUMN name TYPE varchar(5)").detail,
            "rule _RETURN on view v1 depends on column \"name\"");
  EXPECT_EQ(error_code("ALTER TABLE emp RENAME COLUMN name TO nm"), "0A000");
  // Columns no view reads can go; the views' dependencies follow the renumbering.
  run("ALTER TABLE emp DROP COLUMN id");
  EXPECT_EQ(failure("ALTER TABLE emp DROP COLUMN name").message,
            "cannot drop column name of table emp because other objects depend on it");
  run("ALTER TABLE emp DROP COLUMN salary");
  CollectingSink sink;
  session_->execute_simple("DROP TABLE emp CASCADE", sink);
  EXPECT_THAT(sink.notices, ElementsAre("drop cascades to 2 other objects"));
  EXPECT_THAT(rows("SELECT count(*) FROM pg_class WHERE relname IN ('v1', 'v2')"), ElementsAre("0"));
  EXPECT_THAT(rows("SELECT count(*) FROM pg_rewrite"), ElementsAre("0"));
  EXPECT_THAT(rows("SELECT count(*) FROM pg_depend"), ElementsAre("0"));
}

TEST_F(ViewsTest, DropViewAndKindMismatches) {
  run("CREATE VIEW v AS SELECT id FROM emp");
  SqlError error = failure("DROP TABLE v");
  EXPECT_EQ(std::string(error.state.code), "42809");
  EXPECT_EQ(error.hint, "Use DROP VIEW to remove a view.");
  EXPECT_EQ(failure("DROP VIEW emp").hint, "Use DROP TABLE to remove a table.");
  EXPECT_EQ(run("DROP VIEW v").tag, "DROP VIEW");
  EXPECT_EQ(error_code("SELECT * FROM v"), "42P01");
}

TEST_F(ViewsTest, WritingToViewsFailsAsInPostgres) {
  run("CREATE VIEW totals AS SELECT count(*) AS n FROM emp");
  run("CREATE VIEW simple AS SELECT id, name FROM emp");
  SqlError error = failure("INSERT INTO totals VALUES (1)");
  EXPECT_EQ(std::string(error.state.code), "0A000");
  EXPECT_EQ(error.message, "cannot insert into view \"totals\"");
  EXPECT_EQ(error.detail, "Views that return aggregate functions are not automatically updatable.");
  EXPECT_EQ(failure("DELETE FROM totals").hint,
            "To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON "
            "DELETE DO INSTEAD rule.");
  EXPECT_EQ(failure("UPDATE simple SET name = 'x'").message, "cannot update view \"simple\"");
}

TEST_F(ViewsTest, RenameAndTransactions) {
  run("CREATE VIEW v AS SELECT id FROM emp WHERE id < 3");
  EXPECT_EQ(run("ALTER VIEW v RENAME TO w").tag, "ALTER VIEW");
  EXPECT_THAT(rows("SELECT count(*) FROM w"), ElementsAre("2"));
  EXPECT_EQ(error_code("ALTER VIEW emp RENAME TO x"), "42809");
  run("BEGIN");
  run("DROP VIEW w");
  run("CREATE VIEW w AS SELECT 'x' AS t");
  EXPECT_THAT(rows("SELECT t FROM w"), ElementsAre("x"));
  run("ROLLBACK");
  EXPECT_THAT(rows("SELECT count(*) FROM w"), ElementsAre("2"));
}

TEST_F(ViewsTest, DefinitionSurvivesRestartAndDeparses) {
  run("CREATE VIEW v AS SELECT e.name, e.salary FROM emp e WHERE e.salary > 150");
  reopen();
  EXPECT_THAT(rows("SELECT name FROM v ORDER BY name"), ElementsAre("b", "c"));
  EXPECT_THAT(rows("SELECT pg_get_viewdef('v')"),
              ElementsAre(" SELECT e.name,\n    e.salary\n   FROM emp e\n  WHERE (e.salary > 150);"));
  EXPECT_THAT(rows("SELECT viewname, viewowner FROM pg_views"), ElementsAre("v|postgres"));
  EXPECT_EQ(failure("DROP TABLE emp").detail, "view v depends on table emp");
}

}  // namespace
}  // namespace chalkdb::testing
