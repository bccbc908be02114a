// GroupAggregate: grouped aggregation over input sorted by the group keys — each run of equal
// keys is one group, finished as soon as the next group starts, so memory holds one group.
// PostgreSQL chooses it (over a Sort) when an aggregate has DISTINCT or ORDER BY inside the
// call, which a hash table of running states cannot feed in order.
#pragma once

#include "executor/operators/aggregate.h"

namespace chalkdb {

class GroupAggregate : public AggregateBase {
 public:
  using AggregateBase::AggregateBase;
  void open() override;

 protected:
  void produce(RowBatch& out) override;

 private:
  bool same_group(const std::vector<Value>& a, const std::vector<Value>& b) const;
  void finish_group(RowBatch& out);

  RowBatch batch_;
  size_t position_ = 0;
  bool input_done_ = false;
  bool in_group_ = false;
  std::vector<Value> keys_;
  std::vector<AggregateState> states_;
};

}  // namespace chalkdb
