// Constraint violations through libpq: the ErrorResponse fields a driver reads (SQLSTATE,
// message, DETAIL, schema, table, column and constraint names), as PostgreSQL 15 sends them.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <memory>
#include <string>

#include "tests/integration/test_server.h"

namespace chalkdb::testing {
namespace {

class ConstraintErrorsTest : public SharedServerTest {
 protected:
  void SetUp() override {
    SharedServerTest::SetUp();
    connection_.reset(PQconnectdb(server().connection_string().c_str()));
    ASSERT_EQ(PQstatus(connection_.get()), CONNECTION_OK) << PQerrorMessage(connection_.get());
  }
  struct ConnectionDeleter {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  using Result = std::unique_ptr<PGresult, ResultDeleter>;

  Result exec(const std::string& sql) { return Result(PQexec(connection_.get(), sql.c_str())); }
  static std::string field(const Result& result, int code) {
    const char* value = PQresultErrorField(result.get(), code);
    return value ? value : "<none>";
  }

  std::unique_ptr<PGconn, ConnectionDeleter> connection_;
};

TEST_F(ConstraintErrorsTest, CheckViolationNamesTheConstraint) {
  exec("DROP TABLE IF EXISTS ce_items; CREATE TABLE ce_items (id int, qty int CHECK (qty >= 0))");
  Result result = exec("INSERT INTO ce_items VALUES (1, -5)");
  ASSERT_EQ(PQresultStatus(result.get()), PGRES_FATAL_ERROR);
  EXPECT_EQ(field(result, PG_DIAG_SQLSTATE), "23514");
  EXPECT_EQ(field(result, PG_DIAG_MESSAGE_PRIMARY),
            "new row for relation \"ce_items\" violates check constraint \"ce_items_qty_check\"");
  EXPECT_EQ(field(result, PG_DIAG_MESSAGE_DETAIL), "Failing row contains (1, -5).");
  EXPECT_EQ(field(result, PG_DIAG_SCHEMA_NAME), "public");
  EXPECT_EQ(field(result, PG_DIAG_TABLE_NAME), "ce_items");
  EXPECT_EQ(field(result, PG_DIAG_CONSTRAINT_NAME), "ce_items_qty_check");
  EXPECT_EQ(field(result, PG_DIAG_COLUMN_NAME), "<none>");
}

TEST_F(ConstraintErrorsTest, NotNullViolationNamesTheColumn) {
  exec("DROP TABLE IF EXISTS ce_people; CREATE TABLE ce_people (id int, name text NOT NULL)");
  Result result = exec("INSERT INTO ce_people VALUES (1, NULL)");
  EXPECT_EQ(field(result, PG_DIAG_SQLSTATE), "23502");
  EXPECT_EQ(field(result, PG_DIAG_TABLE_NAME), "ce_people");
  EXPECT_EQ(field(result, PG_DIAG_COLUMN_NAME), "name");
  EXPECT_EQ(field(result, PG_DIAG_MESSAGE_DETAIL), "Failing row contains (1, null).");
}

}  // namespace
}  // namespace chalkdb::testing
