// FunctionScan: a function in FROM. generate_series(start, stop [, step]) over int4, int8 or
// numeric, and generate_series(start, stop, interval) over timestamp or timestamptz, produces
// its rows lazily batch by batch (PostgreSQL materializes them; a lazy series
// keeps a million-row INSERT ... SELECT from holding them all in memory). An engine function
// (planner/engine_function.h) is called once, on the first fetch so that the buffers it reads
// count for this node, and its rows (one row for a scalar function) are handed out in batches.
// The sql layer's set-returning functions (sql/types/table_functions.h) compute all their rows
// when the scan opens.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class FunctionScan : public Operator {
 public:
  using Operator::Operator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  void produce_integers(RowBatch& out);
  void open_value_series(const std::vector<Value>& args);
  void produce_values(RowBatch& out);
  void call_engine_function();
  void produce_engine_rows(RowBatch& out);
  void open_table_function(const std::vector<Value>& args);
  void produce_table_rows(RowBatch& out);

  bool done_ = false;
  int64_t next_ = 0, stop_ = 0, step_ = 1;
  // numeric and timestamp series: next_value_ += step_value_ with the type's "+" operator
  Value next_value_, stop_value_, step_value_;
  Value (*add_)(const Value&, const Value&) = nullptr;
  bool ascending_ = true;
  std::vector<Value> engine_args_;
  bool engine_called_ = false;
  EngineRows engine_rows_;
  size_t next_engine_row_ = 0;
  bool table_function_ = false;
  std::vector<std::vector<Value>> table_rows_;
  size_t next_table_row_ = 0;
};

}  // namespace chalkdb
