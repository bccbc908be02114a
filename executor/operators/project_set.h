// ProjectSet: evaluates the select list's set-returning functions for each input row and
// emits the input row followed by their values, zipped as PostgreSQL 10+ does: as many rows
// as the longest call returns, shorter calls padded with NULL; an input row for which every
// call returns nothing yields no row. Each call's values for one input row are computed at
// once (generate_series lazily), then handed out in batches.
#pragma once

#include "executor/operator.h"
#include "executor/operators/series_generator.h"

namespace chalkdb {

class ProjectSet : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  void start_row(Row row);
  bool next_output(Row& out);

  RowBatch input_batch_;
  size_t input_position_ = 0;
  bool input_done_ = false;
  Row current_;
  bool has_current_ = false;
  // Per call: the sql layer's function rows, or a running generate_series.
  std::vector<std::vector<std::vector<Value>>> table_rows_;
  std::vector<SeriesGenerator> series_;
  std::vector<bool> call_done_;
  size_t output_index_ = 0;
};

}  // namespace chalkdb
