// ast_deparser: the SQL text stored for CHECK constraints and column DEFAULTs must parse back
// to the same expression, so each case deparses a parsed expression, checks the text, and
// checks that the text deparses to itself after another round trip.
#include <gtest/gtest.h>

#include <string>

#include "sql/ast/ast_deparser.h"
#include "sql/error/sql_error.h"
#include "sql/parser/parser.h"

namespace chalkdb {
namespace {

std::string deparse_text(const std::string& expression) {
  auto statements = parse_sql("SELECT " + expression);
  const auto& select = static_cast<const ast::SelectStmt&>(*statements.at(0));
  return deparse_ast(*select.targets.at(0).expr);
}

void expect_round_trip(const std::string& expression, const std::string& expected) {
  std::string text = deparse_text(expression);
  EXPECT_EQ(text, expected) << expression;
  EXPECT_EQ(deparse_text(text), expected) << "re-parsing " << text;
}

TEST(AstDeparserTest, PatternsListsAndRanges) {
  expect_round_trip("email LIKE '%_@_%'", "(email LIKE '%_@_%')");
  expect_round_trip("name NOT ILIKE 'a!%' ESCAPE '!'", "(name NOT ILIKE 'a!%' ESCAPE '!')");
  expect_round_trip("status IN ('a', 'b''c')", "(status IN ('a', 'b''c'))");
  expect_round_trip("n NOT IN (1, 2)", "(n NOT IN (1, 2))");
  expect_round_trip("n BETWEEN 1 AND 10", "(n BETWEEN 1 AND 10)");
  expect_round_trip("n NOT BETWEEN SYMMETRIC 10 AND 1", "(n NOT BETWEEN SYMMETRIC 10 AND 1)");
}

TEST(AstDeparserTest, BooleanTestsCaseAndRows) {
  expect_round_trip("flag IS NOT TRUE", "(flag IS NOT TRUE)");
  expect_round_trip("flag IS UNKNOWN", "(flag IS UNKNOWN)");
  expect_round_trip("a IS DISTINCT FROM b", "(a IS DISTINCT FROM b)");
  expect_round_trip("a IS NOT DISTINCT FROM b", "(a IS NOT DISTINCT FROM b)");
  expect_round_trip("CASE WHEN a > 0 THEN 'p' ELSE 'n' END",
                    "CASE WHEN (a > 0) THEN 'p' ELSE 'n' END");
  expect_round_trip("CASE a WHEN 1 THEN 'one' END", "CASE a WHEN 1 THEN 'one' END");
  expect_round_trip("ROW(a, 1)", "ROW(a, 1)");
}

TEST(AstDeparserTest, SqlValueFunctionsStayKeywords) {
  // "current_date()" would not parse: these are keywords, not function calls.
  expect_round_trip("current_date", "current_date");
  expect_round_trip("CURRENT_TIMESTAMP", "current_timestamp");
  expect_round_trip("current_timestamp(3)", "current_timestamp(3)");
  expect_round_trip("current_user", "current_user");
  expect_round_trip("now()", "now()");
}

TEST(AstDeparserTest, UnstorableExpressionsAreRejected) {
  try {
    deparse_text("(SELECT 1)");
    FAIL() << "a subquery was deparsed";
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kFeatureNotSupported);
  }
}

}  // namespace
}  // namespace chalkdb
