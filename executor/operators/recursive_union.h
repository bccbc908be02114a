// RecursiveUnion: WITH RECURSIVE. Emits the non-recursive term's rows, then runs the
// recursive term again and again, each time over the rows the previous round produced (the
// work table), until a round produces none. With UNION (not ALL) rows already produced are
// dropped, which is what makes a cyclic graph walk end.
#pragma once

#include <unordered_set>

#include "executor/operator.h"
#include "executor/row_key.h"

namespace chalkdb {

class RecursiveUnion : public Operator {
 public:
  RecursiveUnion(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> base,
                 std::unique_ptr<Operator> recursive)
      : Operator(node, context), base_(std::move(base)), recursive_(std::move(recursive)) {}
  void open() override;
  std::vector<const Operator*> children() const override { return {base_.get(), recursive_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  // Keeps a new row for the next round and emits it; false for a duplicate under UNION.
  void accept(Row& row, RowBatch& out);
  bool start_round();

  std::unique_ptr<Operator> base_, recursive_;
  std::unordered_set<Row, RowKeyHash, RowKeyEqual> seen_;
  std::vector<Row> next_round_;
  bool in_base_ = true, done_ = false;
};

}  // namespace chalkdb
