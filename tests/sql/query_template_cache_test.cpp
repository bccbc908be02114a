// QueryTemplateCache: a query differing only in literals reuses the tree with its own values,
// exactly as a fresh parse would give them; what cannot be templated is parsed every time.
#include "sql/parser/query_template_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "sql/ast/ast_deparser.h"
#include "sql/parser/parser.h"

namespace chalkdb {
namespace {

const ast::SelectStmt& only_select(const std::vector<ast::StmtPtr>& statements) {
  EXPECT_EQ(statements.size(), 1u);
  return static_cast<const ast::SelectStmt&>(*statements.front());
}

std::string where_of(const std::vector<ast::StmtPtr>& statements) { return deparse_ast(*only_select(statements).where); }

std::string targets_of(const std::vector<ast::StmtPtr>& statements) {
  std::string text;
  for (const ast::ResultTarget& target : only_select(statements).targets) text += deparse_ast(*target.expr) + "; ";
  return text;
}

const ast::Literal& literal(const ast::Expr& expr) { return static_cast<const ast::Literal&>(expr); }

TEST(QueryTemplateCache, ReusesTheTreeWithTheNewLiterals) {
  QueryTemplateCache cache;
  const auto* first = &cache.parse("SELECT v FROM lookup WHERE id = 42");
  const auto& again = cache.parse("SELECT v FROM lookup WHERE id = 1234567");
  EXPECT_EQ(first, &again);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(where_of(again), where_of(parse_sql("SELECT v FROM lookup WHERE id = 1234567")));
  EXPECT_EQ(again.front()->text, "SELECT v FROM lookup WHERE id = 1234567");
}

TEST(QueryTemplateCache, LiteralKindsFollowTheValue) {
  QueryTemplateCache cache;
  cache.parse("SELECT -5, 7, 'x', 1.5, -2.5");
  const char* query = "SELECT -9223372036854775808, 9223372036854775808, 'it''s', 2.25e3, -0.5";
  const auto& statements = cache.parse(query);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(targets_of(statements), targets_of(parse_sql(query)));
  const auto& targets = only_select(statements).targets;
  EXPECT_EQ(literal(*targets[0].expr).literal_kind, ast::LiteralKind::Integer);
  EXPECT_EQ(literal(*targets[0].expr).text, "-9223372036854775808");
  EXPECT_EQ(literal(*targets[1].expr).literal_kind, ast::LiteralKind::Numeric);
  EXPECT_EQ(literal(*targets[2].expr).text, "it's");
  EXPECT_EQ(literal(*targets[4].expr).text, "-0.5");
}

TEST(QueryTemplateCache, LiteralsThatAreNotNodesMustRepeat) {
  QueryTemplateCache cache;
  const auto* first = &cache.parse("SELECT 1::numeric(10,2)");
  EXPECT_EQ(first, &cache.parse("SELECT 2::numeric(10,2)"));
  const auto& other = cache.parse("SELECT 2::numeric(12,2)");
  EXPECT_NE(first, &other);
  const auto& cast = static_cast<const ast::Cast&>(*only_select(other).targets[0].expr);
  EXPECT_EQ(cast.type.modifiers, (std::vector<int>{12, 2}));
}

TEST(QueryTemplateCache, OtherStatementsAreParsedEachTime) {
  QueryTemplateCache cache;
  const auto& first = cache.parse("CREATE VIEW v AS SELECT 1");
  EXPECT_EQ(first.front()->kind, ast::StmtKind::CreateView);
  const auto& second = cache.parse("CREATE VIEW v AS SELECT 2");
  EXPECT_EQ(static_cast<const ast::CreateViewStmt&>(*second.front()).query_text, "SELECT 2");
}

TEST(QueryTemplateCache, MapsLocationsIntoTheCurrentQuery) {
  QueryTemplateCache cache;
  cache.parse("SELECT 1 + x FROM t WHERE a = 'ab'");
  cache.parse("SELECT 100 + x FROM t WHERE a = 'abcd'");
  EXPECT_EQ(cache.query_location(7), 7);     // the literal itself
  EXPECT_EQ(cache.query_location(11), 13);   // x, after a literal two characters longer
  EXPECT_EQ(cache.query_location(30), 32);   // the string's start
  EXPECT_EQ(cache.query_location(34), 38);   // the end of the text
  cache.parse("SELECT 1 + y");                 // parsed now: locations are the query's
  EXPECT_EQ(cache.query_location(11), 11);
}

TEST(QueryTemplateCache, StatementTextsFollowTheQuery) {
  QueryTemplateCache cache;
  cache.parse("BEGIN; UPDATE t SET v = 1 WHERE id = 2; COMMIT");
  const auto& statements = cache.parse("BEGIN; UPDATE t SET v = 100 WHERE id = 2000; COMMIT");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[1]->text, "UPDATE t SET v = 100 WHERE id = 2000");
  EXPECT_EQ(statements[2]->text, "COMMIT");
}

}  // namespace
}  // namespace chalkdb
