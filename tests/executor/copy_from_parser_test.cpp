#include "executor/copy_from_parser.h"

#include <gtest/gtest.h>

#include "sql/error/sql_error.h"

namespace chalkdb {
namespace {

// Delivers its chunks one by one, as CopyData messages would.
class ChunkSource : public CopyInSource {
 public:
  explicit ChunkSource(std::vector<std::string> chunks) : chunks_(std::move(chunks)) {}
  bool read(std::string& chunk) override {
    if (next_ == chunks_.size()) return false;
    chunk = chunks_[next_++];
    return true;
  }

 private:
  std::vector<std::string> chunks_;
  size_t next_ = 0;
};

// Every record as its fields, NULL shown as "<null>".
std::vector<std::vector<std::string>> records(std::vector<std::string> chunks, const CopyOptions& options) {
  ChunkSource source(std::move(chunks));
  CopyFromParser parser(source, options);
  std::vector<std::vector<std::string>> result;
  std::vector<CopyField> fields;
  while (parser.next_record(fields)) {
    std::vector<std::string> row;
    for (const CopyField& field : fields) row.push_back(field.is_null ? "<null>" : std::string(field.text));
    result.push_back(row);
  }
  return result;
}

CopyOptions csv() {
  CopyOptions options;
  options.format = CopyFormat::Csv;
  options.delimiter = ',';
  options.null_string = "";
  return options;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CopyFromParserTest, TextFormatSplitsAndDecodesEscapes) {
  EXPECT_EQ(records({"1\ta\\tb\t\\N\n2\t\\\\x\\101\\x41\t\n"}, CopyOptions{}),
            (Rows{{"1", "a\tb", "<null>"}, {"2", "\\xAA", ""}}));
}

TEST(CopyFromParserTest, RecordsMaySpanChunksAndEndWithoutNewline) {
  EXPECT_EQ(records({"1\tab", "c\n2", "\tx\r\n3\ty"}, CopyOptions{}),
            (Rows{{"1", "abc"}, {"2", "x"}, {"3", "y"}}));
}

TEST(CopyFromParserTest, EndMarkerStopsTheData) {
  EXPECT_EQ(records({"1\n\\.\n2\n"}, CopyOptions{}), (Rows{{"1"}}));
}

TEST(CopyFromParserTest, CsvQuotingRules) {
  EXPECT_EQ(records({"1,\"a,b\",\"say \"\"hi\"\"\"\n2,,\"\"\n3,\"multi\n", "line\",x\n"}, csv()),
            (Rows{{"1", "a,b", "say \"hi\""}, {"2", "<null>", ""}, {"3", "multi\nline", "x"}}));
}

TEST(CopyFromParserTest, CsvEscapeCharacter) {
  CopyOptions options = csv();
  options.escape = '\\';
  EXPECT_EQ(records({"\"a\\\"b\",\"c\\\\d\"\n"}, options), (Rows{{"a\"b", "c\\d"}}));
}

TEST(CopyFromParserTest, UnterminatedCsvQuoteIsAnError) {
  ChunkSource source({"1,\"abc\n"});
  CopyOptions options = csv();
  CopyFromParser parser(source, options);
  std::vector<CopyField> fields;
  try {
    parser.next_record(fields);
    FAIL();
  } catch (const SqlError& error) {
    EXPECT_EQ(error.state, sqlstate::kBadCopyFileFormat);
    EXPECT_EQ(error.message, "unterminated CSV quoted field");
    EXPECT_EQ(parser.line_number(), 1u);
  }
}

TEST(CopyFromParserTest, PrintoutIsLimitedTo100Bytes) {
  EXPECT_EQ(copy_printout(std::string(150, 'a')), std::string(100, 'a') + "...");
  EXPECT_EQ(copy_printout("short"), "short");
}

}  // namespace
}  // namespace chalkdb
