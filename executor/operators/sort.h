// Sort: reads all input rows and sorts them in memory by the plan's sort keys (ASC/DESC,
// NULLS FIRST/LAST as PostgreSQL orders them). Spilling to disk past work_mem (PostgreSQL's
// external merge) is not done yet.
#pragma once

#include "executor/operator.h"

namespace chalkdb {

class Sort : public Operator {
 public:
  Sort(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> input)
      : Operator(node, context), input_(std::move(input)) {}
  void open() override;
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  bool less(const Row& a, const Row& b) const;

  std::unique_ptr<Operator> input_;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace chalkdb
