#include "executor/copy_to.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "executor/copy_from.h"
#include "executor/operator.h"
#include "executor/statement_runner.h"
#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"
#include "storage/heap/heap_table.h"

namespace chalkdb {

namespace {

class CopyLineWriter {
 public:
  CopyLineWriter(const CopyOptions& options, std::vector<bool> force_quote)
      : options_(options), force_quote_(std::move(force_quote)) {}

  void header(const std::vector<std::string>& names, std::string& line) const {
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) line.push_back(options_.delimiter);
      if (options_.csv()) append_csv(line, names[i], false, names.size() == 1);
      else append_text(line, names[i]);
    }
    line.push_back('\n');
  }

  void row(std::span<const Value> values, std::string& line) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) line.push_back(options_.delimiter);
      if (values[i].is_null()) {
        line.append(options_.null_string);
        continue;
      }
      scratch_.clear();
      append_value(scratch_, values[i]);
      if (options_.csv()) append_csv(line, scratch_, force_quote_[i], values.size() == 1);
      else append_text(line, scratch_);
    }
    line.push_back('\n');
  }

 private:
  void append_text(std::string& line, std::string_view text) const {
    for (char c : text) {
      switch (c) {
        case '\b': line.append("\\b"); continue;
        case '\f': line.append("\\f"); continue;
        case '\n': line.append("\\n"); continue;
        case '\r': line.append("\\r"); continue;
        case '\t': line.append("\\t"); continue;
        case '\v': line.append("\\v"); continue;
        case '\\': line.append("\\\\"); continue;
        default:
          if (c == options_.delimiter) line.push_back('\\');
          line.push_back(c);
      }
    }
  }

  void append_csv(std::string& line, std::string_view text, bool quote, bool single_column) const {
    if (!quote && text == options_.null_string) quote = true;
    if (!quote) {
      if (single_column && text == "\\.") {
        quote = true;
      } else {
        for (char c : text) {
          if (c == options_.delimiter || c == options_.quote || c == '\n' || c == '\r') {
            quote = true;
            break;
          }
        }
      }
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.push_back(options_.quote);
    for (char c : text) {
      if (c == options_.quote || c == options_.escape) line.push_back(options_.escape);
      line.push_back(c);
    }
    line.push_back(options_.quote);
  }

  const CopyOptions& options_;
  std::vector<bool> force_quote_;
  std::string scratch_;
};

std::vector<bool> force_quote_flags(const CopyOptions& options, const std::vector<std::string>& names) {
  std::vector<bool> flags(names.size(), options.force_quote_all);
  for (const std::string& column : options.force_quote) {
    auto found = std::find(names.begin(), names.end(), column);
    if (found == names.end()) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     fmt::format("FORCE_QUOTE column \"{}\" not referenced by COPY", column));
    }
    flags[static_cast<size_t>(found - names.begin())] = true;
  }
  return flags;
}

}  // namespace

uint64_t copy_to(const ast::CopyStmt& copy, const CopyOptions& options,
                 std::shared_ptr<const TableInfo> table, ExecContext& context,
                 const std::function<void(size_t columns)>& begin, const CopyWriter& write) {
  std::vector<std::string> names;
  std::vector<size_t> indexes;
  std::optional<PlannedQuery> planned;
  if (table) {
    indexes = copy_column_indexes(*table, copy.columns);
    for (size_t index : indexes) names.push_back(table->columns[index].name);
  } else {
    planned = StatementRunner(context).plan(*copy.query);
    for (const auto& target : planned->result_columns) names.push_back(target.name);
  }
  CopyLineWriter writer(options, force_quote_flags(options, names));
  begin(names.size());
  std::string line;
  if (options.header) {
    writer.header(names, line);
    write(line);
  }
  uint64_t count = 0;
  std::vector<Value> picked(names.size());
  auto emit = [&](std::span<const Value> values) {
    line.clear();
    writer.row(values, line);
    write(line);
    ++count;
  };
  if (table) {
    HeapTable::Scan scan = context.catalog.heap(*table).scan(context.snapshot);
    std::vector<std::vector<Value>> rows;
    std::vector<TupleId> tids;
    while (scan.next_batch(rows, tids, kBatchSize) > 0) {
      context.check_for_cancel();
      for (const auto& row : rows) {
        for (size_t i = 0; i < indexes.size(); ++i) picked[i] = row[indexes[i]];
        emit(picked);
      }
    }
    return count;
  }
  auto root = build_operator(*planned->root, context);
  root->open();
  RowBatch batch;
  while (root->next(batch)) {
    context.check_for_cancel();
    for (const auto& row : batch) emit(std::span<const Value>(row.data(), names.size()));
  }
  return count;
}

}  // namespace chalkdb
