#include "executor/copy_from.h"

#include <fmt/format.h>

#include <algorithm>

#include "executor/copy_from_parser.h"
#include "executor/operators/modify_table.h"
#include "planner/binder.h"
#include "sql/error/sql_error.h"
#include "sql/types/value_io.h"
#include "storage/catalog/owned_sequence.h"

namespace chalkdb {

namespace {

// Produces table rows from the parser, a batch at a time, remembering the line of each row
// of the current batch so that a failure while inserting it can name the line.
class CopyFromScan : public Operator {
 public:
  CopyFromScan(const PlanNode& node, ExecContext& context, CopyFromParser& parser,
               const CopyTarget& target, bool skip_header)
      : Operator(node, context), parser_(parser), target_(target), skip_header_(skip_header) {}

  void open() override {
    count_loop();
    if (skip_header_) next_record();
  }

  // The line number and text of row `index` of the batch last produced.
  uint64_t batch_line(size_t index) const { return batch_lines_[index]; }
  const std::string& batch_text(size_t index) const { return batch_texts_[index]; }
  uint64_t rows_before_batch() const { return rows_before_batch_; }
  size_t batch_size() const { return last_batch_size_; }

 protected:
  void produce(RowBatch& out) override {
    rows_before_batch_ += last_batch_size_;
    size_t count = 0;
    while (count < kBatchSize && next_record()) {
      if (batch_lines_.size() <= count) {
        batch_lines_.resize(count + 1);
        batch_texts_.resize(count + 1);
      }
      batch_lines_[count] = parser_.line_number();
      batch_texts_[count].assign(parser_.record());
      out.push_back(build_row());
      ++count;
    }
    last_batch_size_ = count;
    context_.check_for_cancel();
  }

 private:
  bool next_record() {
    try {
      return parser_.next_record(fields_);
    } catch (SqlError& error) {
      if (!error.context) {
        error.with_context(fmt::format("COPY {}, line {}: \"{}\"", target_.table->name,
                                       parser_.line_number(), copy_printout(parser_.record())));
      }
      throw;
    }
  }

  SqlError line_error(SqlState state, std::string message) const {
    return SqlError(state, std::move(message))
        .with_context(fmt::format("COPY {}, line {}: \"{}\"", target_.table->name,
                                  parser_.line_number(), copy_printout(parser_.record())));
  }

  Row build_row() {
    const auto& columns = target_.table->columns;
    if (fields_.size() > target_.field_columns.size())
      throw line_error(sqlstate::kBadCopyFileFormat, "extra data after last expected column");
    if (fields_.size() < target_.field_columns.size()) {
      const std::string& missing = columns[target_.field_columns[fields_.size()]].name;
      throw line_error(sqlstate::kBadCopyFileFormat, fmt::format("missing data for column \"{}\"", missing));
    }
    Row row(columns.size());
    for (size_t column = 0; column < columns.size(); ++column) {
      if (target_.defaults[column]) row[column] = evaluate(*target_.defaults[column], row, context_);
      else row[column] = Value::null(columns[column].type.id);
    }
    for (size_t i = 0; i < fields_.size(); ++i) {
      const ColumnInfo& column = columns[target_.field_columns[i]];
      const CopyField& field = fields_[i];
      if (field.is_null && !target_.field_force_not_null[i]) {
        row[target_.field_columns[i]] = Value::null(column.type.id);
        continue;
      }
      try {
        row[target_.field_columns[i]] = parse_value(field.text, column.type);
      } catch (SqlError& error) {
        error.with_context(fmt::format("COPY {}, line {}, column {}: \"{}\"", target_.table->name,
                                       parser_.line_number(), column.name, copy_printout(field.text)));
        throw;
      }
    }
    return row;
  }

  CopyFromParser& parser_;
  const CopyTarget& target_;
  bool skip_header_;
  std::vector<CopyField> fields_;
  std::vector<uint64_t> batch_lines_;
  std::vector<std::string> batch_texts_;
  uint64_t rows_before_batch_ = 0;
  size_t last_batch_size_ = 0;
};

CopyTarget copy_target(const ast::CopyStmt& copy, const CopyOptions& options,
                       std::shared_ptr<const TableInfo> table, ExecContext& context) {
  CopyTarget target;
  target.table = table;
  target.field_columns = copy_column_indexes(*table, copy.columns);
  std::vector<size_t> force_not_null;
  if (!options.force_not_null.empty()) force_not_null = copy_column_indexes(*table, options.force_not_null);
  for (size_t column : force_not_null) {
    if (std::find(target.field_columns.begin(), target.field_columns.end(), column) == target.field_columns.end()) {
      throw SqlError(sqlstate::kInvalidColumnReference,
                     fmt::format("FORCE_NOT_NULL column \"{}\" not referenced by COPY",
                                 table->columns[column].name));
    }
  }
  for (size_t column : target.field_columns) {
    target.field_force_not_null.push_back(options.csv() &&
        std::find(force_not_null.begin(), force_not_null.end(), column) != force_not_null.end());
  }
  target.defaults.resize(table->columns.size());
  Binder binder(context.catalog, context.snapshot);
  for (size_t column = 0; column < table->columns.size(); ++column) {
    const ColumnInfo& info = table->columns[column];
    bool listed = std::find(target.field_columns.begin(), target.field_columns.end(), column) !=
                  target.field_columns.end();
    std::optional<std::string> default_sql = column_default_sql(*table, info);
    if (!listed && default_sql) target.defaults[column] = binder.bind_default(*default_sql, info.type);
  }
  return target;
}

}  // namespace

std::vector<size_t> copy_column_indexes(const TableInfo& table, const std::vector<std::string>& names) {
  std::vector<size_t> indexes;
  if (names.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) indexes.push_back(i);
    return indexes;
  }
  for (const std::string& name : names) {
    auto found = std::find_if(table.columns.begin(), table.columns.end(),
                              [&](const ColumnInfo& column) { return column.name == name; });
    if (found == table.columns.end()) {
      throw SqlError(sqlstate::kUndefinedColumn,
                     fmt::format("column \"{}\" of relation \"{}\" does not exist", name, table.name));
    }
    size_t index = static_cast<size_t>(found - table.columns.begin());
    if (std::find(indexes.begin(), indexes.end(), index) != indexes.end()) {
      throw SqlError(sqlstate::kDuplicateColumn, fmt::format("column \"{}\" specified more than once", name));
    }
    indexes.push_back(index);
  }
  return indexes;
}

CopyFrom::CopyFrom(const ast::CopyStmt& copy, const CopyOptions& options,
                   std::shared_ptr<const TableInfo> table, ExecContext& context)
    : options_(options), context_(context) {
  if (copy.where) throw SqlError(sqlstate::kFeatureNotSupported, "COPY FROM ... WHERE is not supported yet");
  target_ = copy_target(copy, options, std::move(table), context);
}

uint64_t CopyFrom::load(CopyInSource& source) {
  const CopyOptions& options = options_;
  ExecContext& context = context_;
  const CopyTarget& target = target_;
  const std::shared_ptr<const TableInfo>& table = target.table;
  CopyFromParser parser(source, options);
  PlanNode scan_node;
  scan_node.raw_width = table->columns.size();
  PlanNode insert_node;
  insert_node.kind = PlanKind::ModifyTable;
  insert_node.modify_kind = ModifyKind::Insert;
  insert_node.table = table;
  auto scan = std::make_unique<CopyFromScan>(scan_node, context, parser, target, options.header);
  CopyFromScan& rows = *scan;
  ModifyTable insert(insert_node, context, std::move(scan));
  RowBatch unused;
  try {
    insert.open();
    while (insert.next(unused)) {
    }
  } catch (SqlError& error) {
    size_t index = static_cast<size_t>(insert.affected_rows() - rows.rows_before_batch());
    if (!error.context && index < rows.batch_size()) {
      // A failure while inserting a parsed row (constraint checks): name that row's line.
      error.with_context(fmt::format("COPY {}, line {}: \"{}\"", table->name, rows.batch_line(index),
                                     copy_printout(rows.batch_text(index))));
    }
    throw;
  }
  return insert.affected_rows();
}

}  // namespace chalkdb
