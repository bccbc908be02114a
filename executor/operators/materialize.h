// Materialize: keeps every row of its input the first time it is read, and replays them on
// each later rescan (the inner side of a nested loop), as PostgreSQL's Material node.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Materialize : public Operator {
 public:
  Materialize(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> input)
      : Operator(node, context), input_(std::move(input)) {}
  void open() override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  std::unique_ptr<Operator> input_;
  std::vector<Row> rows_;
  bool loaded_ = false;
  size_t next_ = 0;
};

}  // namespace chalkdb
