// GroupingSetsAggregate: aggregation by GROUPING SETS / ROLLUP / CUBE in one pass over the
// input — a hash table of groups per non-empty grouping set plus one group for each empty
// set, as PostgreSQL's MixedAggregate (HashAggregate when no set is empty). Output rows carry
// every group key, NULL where the row's set does not group by it, then the aggregates, with
// GROUPING(...) computed from the set. The empty sets' rows come first (PostgreSQL's sorted
// phase), then each hashed set's groups in order of first appearance.
#pragma once

#include <unordered_map>

#include "executor/operators/aggregate.h"

namespace chalkdb {

class GroupingSetsAggregate : public AggregateBase {
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
  struct SetState {
    const std::vector<int>* keys = nullptr;
    std::unordered_map<std::vector<Value>, size_t, KeyHash, KeyEqual> index;
    std::vector<std::pair<std::vector<Value>, std::vector<AggregateState>>> groups;
  };
  void build();
  Row output_row(const SetState& set, const std::vector<Value>& keys,
                 const std::vector<AggregateState>& states) const;

  std::vector<SetState> sets_;  // empty sets first, then hashed ones
  size_t next_set_ = 0, next_group_ = 0;
};

}  // namespace chalkdb
