// LiteralScanner: literals masked as the lexer would find them, and what it leaves to the grammar.
#include "sql/parser/literal_scanner.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace chalkdb {
namespace {

std::string key_of(std::string_view query) {
  auto scanned = scan_literals(query);
  return scanned ? scanned->key : "<none>";
}

std::vector<std::string> literals_of(std::string_view query) {
  std::vector<std::string> texts;
  const std::optional<ScannedQuery> scanned = scan_literals(query);
  for (const ScannedLiteral& literal : scanned->literals) {
    texts.push_back(std::string(1, static_cast<char>(literal.kind)) + ":" + std::string(literal.text(query)));
  }
  return texts;
}

TEST(LiteralScanner, MasksNumbersAndStrings) {
  EXPECT_EQ(key_of("SELECT v FROM lookup WHERE id = 42"), "SELECT v FROM lookup WHERE id = \1I");
  EXPECT_EQ(literals_of("SELECT 1, 2.5, .5e3, 1e-7, 'it''s'"),
            (std::vector<std::string>{"I:1", "F:2.5", "F:.5e3", "F:1e-7", "S:'it''s'"}));
  EXPECT_EQ(key_of("SELECT 'a', 'b'"), key_of("SELECT 'longer', ''"));
  EXPECT_NE(key_of("SELECT 1"), key_of("SELECT 1.0"));
  EXPECT_NE(key_of("SELECT 1"), key_of("SELECT '1'"));
}

TEST(LiteralScanner, KeepsWhatIsNotALiteral) {
  EXPECT_EQ(key_of("SELECT t1.c2 FROM t1 WHERE a = $1"), "SELECT t1.c2 FROM t1 WHERE a = $1");
  EXPECT_EQ(key_of("SELECT \"12\" -- 34\n"), "SELECT \"12\" -- 34\n");
  EXPECT_EQ(key_of("SELECT /* 1 /* 2 */ 3 */ 4"), "SELECT /* 1 /* 2 */ 3 */ \1I");
  EXPECT_EQ(key_of("SELECT x[1:2]"), "SELECT x[\1I:\1I]");
  EXPECT_EQ(literals_of("SELECT 1..2"), (std::vector<std::string>{"I:1", "I:2"}));
  EXPECT_EQ(key_of("SELECT 'a' 'b'"), "SELECT \1S \1S");  // no newline: two tokens (a syntax error)
}

TEST(LiteralScanner, LeavesUnmodelledTextToTheGrammar) {
  for (const char* query : {"SELECT E'a\\n'", "SELECT e'a'", "SELECT B'101'", "SELECT X'ff'", "SELECT U&'a'",
                            "SELECT $$a$$", "SELECT $tag$a$tag$", "SELECT 'a'\n'b'", "SELECT 'a'\n-- c\n 'b'",
                            "SELECT 123abc", "SELECT 1e+", "SELECT 1.x", "SELECT $1a", "SELECT 'caf\xc3\xa9'",
                            "SELECT 'open", "SELECT /* open", "SELECT \"open", "SELECT date'2024-01-01'"}) {
    EXPECT_FALSE(scan_literals(query).has_value()) << query;
  }
}

}  // namespace
}  // namespace chalkdb
