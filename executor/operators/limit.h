// Limit: skips OFFSET rows and stops after LIMIT rows; both are evaluated when execution
// starts (PostgreSQL's errors for negative values, NULL meaning no limit).
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Limit : public Operator {
 public:
  Limit(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> input)
      : Operator(node, context), input_(std::move(input)) {}
  void open() override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  std::unique_ptr<Operator> input_;
  int64_t to_skip_ = 0;
  int64_t remaining_ = -1;  // -1: no limit
};

}  // namespace chalkdb
