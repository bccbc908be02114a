// StatementCache: one parse per distinct text, shared trees, errors and long texts uncached.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "sql/error/sql_error.h"
#include "sql/parser/statement_cache.h"

namespace chalkdb {
namespace {

TEST(StatementCache, SameTextGivesTheSameTree) {
  StatementCache cache;
  auto first = cache.parse("SELECT v FROM t WHERE id = $1");
  auto again = cache.parse("SELECT v FROM t WHERE id = $1");
  auto other = cache.parse("SELECT v FROM t WHERE id = $2");
  EXPECT_EQ(first.get(), again.get());
  EXPECT_NE(first.get(), other.get());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(first->front()->kind, ast::StmtKind::Select);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(StatementCache, SyntaxErrorsAreThrownEachTimeAndNotKept) {
  StatementCache cache;
  for (int i = 0; i < 2; ++i) {
    try {
      cache.parse("SELEC 1");
      ADD_FAILURE() << "no error";
    } catch (const SqlError& error) {
      EXPECT_EQ(std::string(error.state.code), "42601");
    }
  }
  EXPECT_EQ(cache.size(), 0u);
}

TEST(StatementCache, EmptyAndSeveralStatements) {
  StatementCache cache;
  EXPECT_TRUE(cache.parse("")->empty());
  EXPECT_EQ(cache.parse("SELECT 1; SELECT 2")->size(), 2u);
}

TEST(StatementCache, LongTextsAreParsedButNotKept) {
  StatementCache cache;
  std::string text = "SELECT 1 " + std::string(StatementCache::kMaxTextBytes, ' ');
  auto first = cache.parse(text);
  auto again = cache.parse(text);
  EXPECT_NE(first.get(), again.get());
  EXPECT_EQ(cache.size(), 0u);
}

TEST(StatementCache, AFullCacheStartsAgain) {
  StatementCache cache;
  for (size_t i = 0; i <= StatementCache::kMaxEntries; ++i) cache.parse("SELECT " + std::to_string(i));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(StatementCache, SessionsParseConcurrently) {
  StatementCache cache;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 200; ++i) cache.parse("SELECT " + std::to_string((i + t) % 50));
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cache.size(), 50u);
}

}  // namespace
}  // namespace chalkdb
