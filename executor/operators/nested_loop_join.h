// NestedLoopJoin: pairs every outer row with every inner row and keeps the pairs passing the
// join filter. The inner side is read once and kept in memory, as if PostgreSQL had put a
// Materialize node over it.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class NestedLoopJoin : public Operator {
 public:
  NestedLoopJoin(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> outer,
                 std::unique_ptr<Operator> inner);
  void open() override;
  std::vector<const Operator*> children() const override { return {outer_.get(), inner_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  std::unique_ptr<Operator> outer_, inner_;
  std::vector<Row> inner_rows_;
  RowBatch outer_batch_;
  size_t outer_index_ = 0, inner_index_ = 0;
  bool outer_done_ = false;
};

}  // namespace chalkdb
