// HashJoin: builds an in-memory hash table on the inner side's join keys (the plan's Hash
// node), then probes it with each outer row. NULL keys never match, as in SQL. Outer joins:
// Left emits unmatched outer rows with NULL inner columns as it probes; Right emits the
// unmatched inner rows once the outer side ends; Full does both. Spilling to batches on disk
// when the inner side exceeds work_mem is not done yet.
#pragma once

#include <unordered_map>

#include "executor/operator.h"

namespace chalkdb {

class HashJoin : public Operator {
 public:
  HashJoin(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> outer,
           std::unique_ptr<Operator> hash);
  void open() override;
  std::vector<const Operator*> children() const override { return {outer_.get(), hash_.get()}; }

 protected:
  void produce(RowBatch& out) override;

 private:
  // The hash of a row's keys, or nothing when a key is NULL.
  std::optional<size_t> hash_keys(const std::vector<BoundExprPtr>& keys, const Row& row,
                                  std::vector<Value>& values);
  bool keys_equal(const std::vector<Value>& outer, const std::vector<Value>& inner) const;
  void probe(Row& outer, RowBatch& out);

  struct Entry {
    std::vector<Value> keys;
    Row row;
    bool matched = false;
  };
  bool preserves_outer() const;
  bool preserves_inner() const;
  void emit_unmatched_inner(RowBatch& out);
  std::unique_ptr<Operator> outer_, hash_;
  std::unordered_multimap<size_t, Entry> table_;
  RowBatch outer_batch_;
  std::vector<Row> unmatched_null_keys_;  // inner rows with a NULL key (never matched)
  size_t outer_width_ = 0, inner_width_ = 0;
  bool outer_done_ = false;
};

// The Hash node under a HashJoin: passes its input through (the join builds the table).
class HashNode : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;
  void open() override {
    count_loop();
    input_->open();
  }

 protected:
  void produce(RowBatch& out) override {
    RowBatch batch;
    if (input_->next(batch))
      for (auto& row : batch) emit(std::move(row), out);
  }
};

}  // namespace chalkdb
