// NestedLoopJoin: for each outer row, rescans the inner side (usually a Materialize node)
// and keeps the pairs passing the join filter. A left join also emits each outer row that
// matched nothing, with NULLs for the inner columns. Semi and anti joins emit the outer row
// (with NULL inner columns) once it has matched, or once it is known to match nothing.
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
  // Moves to the next outer row and rescans the inner side; false when the outer side ends.
  bool advance_outer(RowBatch& out);

  std::unique_ptr<Operator> outer_, inner_;
  RowBatch outer_batch_, inner_batch_;
  size_t outer_index_ = 0, inner_index_ = 0;
  bool started_ = false, outer_done_ = false;
  bool outer_matched_ = false;
  bool skip_inner_ = false;  // semi/anti join: the outer row is decided, move on
  size_t inner_width_ = 0;
};

}  // namespace chalkdb
