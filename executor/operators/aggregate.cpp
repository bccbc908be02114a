#include "executor/operators/aggregate.h"

#include "sql/types/comparison.h"

namespace chalkdb {

std::vector<AggregateState> AggregateBase::new_states() const {
  std::vector<AggregateState> states;
  states.reserve(node_.aggregates.size());
  for (const auto& call : node_.aggregates) states.emplace_back(call);
  return states;
}

void AggregateBase::accumulate(std::vector<AggregateState>& states, const Row& row) {
  static const Value kNoArgument;
  for (size_t i = 0; i < states.size(); ++i) {
    const AggregateCall& call = node_.aggregates[i];
    if (call.filter) {
      Value pass = evaluate(*call.filter, row, context_);
      if (pass.is_null() || !pass.as_bool()) continue;
    }
    std::vector<Value> sort_keys;
    for (const auto& key : call.order_by) sort_keys.push_back(evaluate(*key.expr, row, context_));
    states[i].add(call.arg ? evaluate(*call.arg, row, context_) : kNoArgument,
                  call.delimiter ? evaluate(*call.delimiter, row, context_) : kNoArgument,
                  std::move(sort_keys));
  }
}

void PlainAggregate::open() {
  count_loop();
  input_->open();
  done_ = false;
}

void PlainAggregate::produce(RowBatch& out) {
  if (done_) return;
  done_ = true;
  auto states = new_states();
  RowBatch batch;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (const auto& row : batch) accumulate(states, row);
  }
  Row result;
  for (const auto& state : states) result.push_back(state.result());
  emit(std::move(result), out);
}

size_t HashAggregate::KeyHash::operator()(const std::vector<Value>& keys) const {
  size_t h = 0;
  for (const auto& key : keys) h = h * 31 + (key.is_null() ? 0x9e3779b9 : hash_value(key));
  return h;
}

bool HashAggregate::KeyEqual::operator()(const std::vector<Value>& a,
                                         const std::vector<Value>& b) const {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null() || b[i].is_null()) {
      if (a[i].is_null() != b[i].is_null()) return false;  // NULLs form one group
      continue;
    }
    if (compare_values(a[i], b[i]) != 0) return false;
  }
  return true;
}

void HashAggregate::open() {
  count_loop();
  input_->open();
  index_.clear();
  groups_.clear();
  next_group_ = 0;
  build();
}

void HashAggregate::build() {
  RowBatch batch;
  std::vector<Value> keys;
  while (input_->next(batch)) {
    context_.check_for_cancel();
    for (const auto& row : batch) {
      keys.clear();
      for (const auto& key : node_.group_keys) keys.push_back(evaluate(*key, row, context_));
      auto [it, inserted] = index_.try_emplace(keys, groups_.size());
      if (inserted) groups_.emplace_back(keys, new_states());
      accumulate(groups_[it->second].second, row);
    }
  }
}

void HashAggregate::produce(RowBatch& out) {
  while (out.size() < kBatchSize && next_group_ < groups_.size()) {
    auto& [keys, states] = groups_[next_group_++];
    Row row = keys;
    for (const auto& state : states) row.push_back(state.result());
    emit(std::move(row), out);
  }
}

}  // namespace chalkdb
