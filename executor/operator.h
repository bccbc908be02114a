// Operator: the volcano-model interface every physical operator implements.
//
// next() fills a batch of rows (up to kBatchSize) rather than returning one, so per-row
// virtual calls stay out of the hot loops (DESIGN.md "Executor"). An operator computes raw
// rows and passes each through emit(), which applies its plan node's filter and projection.
// Operators count the rows they produce, their time and the buffers they use for EXPLAIN
// ANALYZE.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "executor/exec_context.h"
#include "executor/expression_evaluator.h"
#include "planner/plan_node.h"
#include "storage/buffer/buffer_usage.h"

namespace chalkdb {

using RowBatch = std::vector<Row>;
inline constexpr size_t kBatchSize = 1024;

struct OperatorStats {
  double rows = 0;
  double loops = 0;
  double removed_by_filter = 0;
  std::chrono::steady_clock::duration first_row_time{}, total_time{};
  bool produced_first = false;
  BufferUsage buffers;  // pages this node and its inputs touched (EXPLAIN BUFFERS)
};

class Operator {
 public:
  Operator(const PlanNode& node, ExecContext& context) : node_(node), context_(context) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Starts (or restarts, for the inner side of a nested loop) producing rows.
  virtual void open() = 0;
  // Clears `out` and fills it; returns false when there are no more rows (`out` empty).
  bool next(RowBatch& out);

  const PlanNode& node() const { return node_; }
  const OperatorStats& stats() const { return stats_; }
  virtual std::vector<const Operator*> children() const { return {}; }

 protected:
  // Appends up to kBatchSize rows to `out`; leaves it empty only at the end.
  virtual void produce(RowBatch& out) = 0;
  // Applies the node's filter and projection to a raw row, appending it to `out` if it passes.
  void emit(Row&& raw, RowBatch& out);
  // Called first by every open(). Buffers used from here until this node's next fetch are
  // charged to it, so work an operator does in open() (Sort, Hash Join, Materialize read their
  // input there) counts as PostgreSQL counts it inside the node's first ExecProcNode.
  void count_loop() {
    stats_.loops += 1;
    open_mark_ = thread_buffer_usage();
    open_pending_ = true;
  }

  const PlanNode& node_;
  ExecContext& context_;
  OperatorStats stats_;

 private:
  BufferUsage open_mark_;
  bool open_pending_ = false;
};

// An operator that reads one input operator (Sort, Limit, Materialize, Hash, aggregation,
// ModifyTable).
class SingleInputOperator : public Operator {
 public:
  SingleInputOperator(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> input)
      : Operator(node, context), input_(std::move(input)) {}
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  std::unique_ptr<Operator> input_;
};

// The number of values in the rows a plan node emits.
size_t output_width(const PlanNode& node);
// `row` followed by `nulls` NULLs (an outer join's unmatched row), or `nulls` NULLs then `row`.
Row null_extended(const Row& row, size_t nulls, bool nulls_first = false);

// Builds the operator tree for a plan.
std::unique_ptr<Operator> build_operator(const PlanNode& node, ExecContext& context);

}  // namespace chalkdb
