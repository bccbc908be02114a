// Aggregation operators. Aggregate: no GROUP BY, exactly one output row (even over no input).
// HashAggregate: one row per group, groups kept in an in-memory hash table (spilling past
// work_mem is not done yet). Output rows are the group keys followed by the aggregates.
#pragma once

#include <unordered_map>

#include "executor/operator.h"
#include "executor/operators/aggregate_state.h"

namespace chalkdb {

class AggregateBase : public SingleInputOperator {
 public:
  using SingleInputOperator::SingleInputOperator;

 protected:
  std::vector<AggregateState> new_states() const;
  void accumulate(std::vector<AggregateState>& states, const Row& row);
};

class PlainAggregate : public AggregateBase {
 public:
  using AggregateBase::AggregateBase;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  bool done_ = false;
};

class HashAggregate : public AggregateBase {
 public:
  using AggregateBase::AggregateBase;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  struct KeyHash {
    size_t operator()(const std::vector<Value>& keys) const;
  };
  struct KeyEqual {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
  };
  void build();

  std::unordered_map<std::vector<Value>, size_t, KeyHash, KeyEqual> index_;
  std::vector<std::pair<std::vector<Value>, std::vector<AggregateState>>> groups_;
  size_t next_group_ = 0;
};

}  // namespace chalkdb
