// WindowAgg: computes window functions over its input, which arrives sorted by the window's
// PARTITION BY and ORDER BY keys (a Sort below it, as in PostgreSQL's plans).
//
// Rows are read one partition at a time; each output row is the input row followed by the
// results of the node's window functions. Ranking functions come from row positions and peer
// groups; lag/lead/first_value/last_value/nth_value and aggregates read the frame (see
// WindowFrame). An aggregate whose frame starts at UNBOUNDED PRECEDING is computed
// incrementally — each row adds the rows its frame gained — so the default frame costs O(n);
// other frames restart the aggregate per row (PostgreSQL would use inverse transitions).
// Unlike PostgreSQL the whole input is buffered, not spilled to a tuplestore.
#pragma once

#include "executor/operator.h"
#include "executor/operators/window_frame.h"

namespace chalkdb {

class WindowAgg : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  void evaluate_offsets();
  void process_partition(size_t begin, size_t end);
  PeerGroups peer_groups(size_t begin, size_t end) const;
  bool same_keys(const Row& a, const Row& b, const std::vector<SortSpec>& keys) const;
  std::vector<Value> range_keys(size_t begin, size_t end) const;
  std::vector<Value> evaluate_all(const BoundExpr& expr, size_t begin, size_t end);
  std::vector<Value> compute(const WindowCall& call, size_t begin, size_t end,
                             const PeerGroups& peers, const WindowFrame& frame);
  std::vector<Value> ranking(const WindowCall& call, size_t begin, size_t end, const PeerGroups& peers);
  std::vector<Value> ntile(const WindowCall& call, size_t begin, size_t end);
  std::vector<Value> lag_lead(const WindowCall& call, size_t begin, size_t end);
  std::vector<Value> frame_value(const WindowCall& call, size_t begin, size_t end,
                                 const WindowFrame& frame);
  std::vector<Value> aggregate(const WindowCall& call, size_t begin, size_t end,
                               const WindowFrame& frame);

  std::vector<Row> rows_;
  size_t next_ = 0;
  Value start_offset_, end_offset_;
};

}  // namespace chalkdb
