// A ResultSink for tests: keeps the results of each statement as text, the way psql would
// see them.
#pragma once

#include <string>
#include <vector>

#include "executor/result_sink.h"
#include "sql/types/value_io.h"

namespace chalkdb::testing {

struct StatementResult {
  std::vector<ColumnDescription> columns;
  std::vector<std::vector<std::string>> rows;  // NULL as "<null>"
  std::string tag;
};

class CollectingSink : public ResultSink {
 public:
  void row_description(const std::vector<ColumnDescription>& columns) override {
    current_.columns = columns;
  }
  void data_row(std::span<const Value> row) override {
    std::vector<std::string> text;
    for (const auto& v : row) text.push_back(v.is_null() ? "<null>" : format_value(v));
    current_.rows.push_back(std::move(text));
  }
  void command_complete(std::string_view tag) override {
    current_.tag = tag;
    results.push_back(std::move(current_));
    current_ = {};
  }
  void empty_query() override { results.push_back(StatementResult{{}, {}, "<empty>"}); }
  void notice(const SqlError& notice) override { notices.push_back(notice.message); }

  std::vector<StatementResult> results;
  std::vector<std::string> notices;

 private:
  StatementResult current_;
};

}  // namespace chalkdb::testing
