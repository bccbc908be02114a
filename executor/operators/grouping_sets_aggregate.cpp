#include "executor/operators/grouping_sets_aggregate.h"

#include "sql/types/comparison.h"

namespace chalkdb {

size_t GroupingSetsAggregate::KeyHash::operator()(const std::vector<Value>& keys) const {
  size_t h = 0;
  for (const auto& key : keys) h = h * 31 + (key.is_null() ? 0x9e3779b9 : hash_value(key));
  return h;
}

bool GroupingSetsAggregate::KeyEqual::operator()(const std::vector<Value>& a,
                                                 const std::vector<Value>& b) const {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null() || b[i].is_null()) {
      if (a[i].is_null() != b[i].is_null()) return false;
      continue;
    }
    if (compare_values(a[i], b[i]) != 0) return false;
  }
  return true;
}

void GroupingSetsAggregate::open() {
  count_loop();
  input_->open();
  sets_.clear();
  for (bool empty : {true, false}) {
    for (const auto& keys : node_.grouping_sets) {
      if (keys.empty() != empty) continue;
      SetState set;
      set.keys = &keys;
      // An empty grouping set has its one group even when there is no input.
      if (empty) set.groups.emplace_back(std::vector<Value>{}, new_states());
      sets_.push_back(std::move(set));
    }
  }
  next_set_ = next_group_ = 0;
  build();
}

void GroupingSetsAggregate::build() {
  RowBatch batch;
  std::vector<Value> all_keys, keys;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (const auto& row : batch) {
      all_keys.clear();
      for (const auto& key : node_.group_keys) all_keys.push_back(evaluate(*key, row, context_));
      for (auto& set : sets_) {
        if (set.keys->empty()) {
          accumulate(set.groups[0].second, row);
          continue;
        }
        keys.clear();
        for (int k : *set.keys) keys.push_back(all_keys[k]);
        auto [it, inserted] = set.index.try_emplace(keys, set.groups.size());
        if (inserted) set.groups.emplace_back(keys, new_states());
        accumulate(set.groups[it->second].second, row);
      }
    }
  }
}

Row GroupingSetsAggregate::output_row(const SetState& set, const std::vector<Value>& keys,
                                      const std::vector<AggregateState>& states) const {
  Row row;
  for (const auto& key : node_.group_keys) row.push_back(Value::null(key->type.id));
  for (size_t i = 0; i < set.keys->size(); ++i) row[(*set.keys)[i]] = keys[i];
  for (size_t i = 0; i < states.size(); ++i) {
    const AggregateCall& call = node_.aggregates[i];
    if (call.kind != AggregateKind::Grouping) {
      row.push_back(states[i].result());
      continue;
    }
    // GROUPING(a, b): bit 1 for each argument the set does not group by, a the highest.
    int32_t mask = 0;
    for (int key : call.grouping_keys) {
      bool grouped = std::find(set.keys->begin(), set.keys->end(), key) != set.keys->end();
      mask = (mask << 1) | (grouped ? 0 : 1);
    }
    row.push_back(Value::int4(mask));
  }
  return row;
}

void GroupingSetsAggregate::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_set_ < sets_.size()) {
    const SetState& set = sets_[next_set_];
    if (next_group_ >= set.groups.size()) {
      ++next_set_;
      next_group_ = 0;
      continue;
    }
    const auto& [keys, states] = set.groups[next_group_++];
    emit(output_row(set, keys, states), out);
  }
}

}  // namespace chalkdb
