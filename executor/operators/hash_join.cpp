#include "executor/operators/hash_join.h"

#include "sql/types/comparison.h"

namespace chalkdb {

HashJoin::HashJoin(const PlanNode& node, ExecContext& context, std::unique_ptr<Operator> outer,
                   std::unique_ptr<Operator> hash)
    : Operator(node, context), outer_(std::move(outer)), hash_(std::move(hash)) {
  outer_width_ = output_width(*node.children[0]);
  inner_width_ = node.raw_width - outer_width_;
}

bool HashJoin::preserves_outer() const {
  return node_.join_type == JoinType::Left || node_.join_type == JoinType::Full ||
         node_.join_type == JoinType::Anti;
}

bool HashJoin::preserves_inner() const {
  return node_.join_type == JoinType::Right || node_.join_type == JoinType::Full;
}

std::optional<size_t> HashJoin::hash_keys(const std::vector<BoundExprPtr>& keys, const Row& row,
                                          std::vector<Value>& values) {
  values.clear();
  size_t h = 0;
  for (const auto& key : keys) {
    values.push_back(evaluate(*key, row, context_));
    if (values.back().is_null()) return std::nullopt;
    h = h * 31 + hash_value(values.back());
  }
  return h;
}

bool HashJoin::keys_equal(const std::vector<Value>& outer, const std::vector<Value>& inner) const {
  for (size_t i = 0; i < outer.size(); ++i)
    if (!node_.hash_equals[i](outer[i], inner[i]).as_bool()) return false;
  return true;
}

void HashJoin::open() {
  count_loop();
  table_.clear();
  unmatched_null_keys_.clear();
  outer_done_ = false;
  hash_->open();
  RowBatch batch;
  std::vector<Value> keys;
  while (hash_->next(batch)) {
    context_.check_for_cancel();
    for (auto& row : batch) {
      auto h = hash_keys(node_.hash_right_keys, row, keys);
      if (h) table_.emplace(*h, Entry{keys, std::move(row), false});
      else if (preserves_inner()) unmatched_null_keys_.push_back(std::move(row));
    }
  }
  outer_->open();
  outer_batch_.clear();
}

void HashJoin::probe(Row& outer, RowBatch& out) {
  std::vector<Value> keys;
  auto h = hash_keys(node_.hash_left_keys, outer, keys);
  bool matched = false;
  if (!h) {
    if (preserves_outer()) emit(null_extended(outer, inner_width_), out);
    return;
  }
  auto [begin, end] = table_.equal_range(*h);
  for (auto it = begin; it != end; ++it) {
    if (!keys_equal(keys, it->second.keys)) continue;
    Row joined;
    joined.reserve(outer.size() + it->second.row.size());
    joined.insert(joined.end(), outer.begin(), outer.end());
    joined.insert(joined.end(), it->second.row.begin(), it->second.row.end());
    if (node_.join_filter && !evaluate_condition(*node_.join_filter, joined, context_)) continue;
    matched = true;
    it->second.matched = true;
    if (node_.join_type == JoinType::Semi || node_.join_type == JoinType::Anti) break;
    emit(std::move(joined), out);
  }
  if (matched && node_.join_type == JoinType::Semi) emit(null_extended(outer, inner_width_), out);
  if (!matched && preserves_outer()) emit(null_extended(outer, inner_width_), out);
}

void HashJoin::emit_unmatched_inner(RowBatch& out) {
  for (auto& [hash, entry] : table_)
    if (!entry.matched) emit(null_extended(entry.row, outer_width_, true), out);
  for (auto& row : unmatched_null_keys_) emit(null_extended(row, outer_width_, true), out);
  table_.clear();
  unmatched_null_keys_.clear();
}

void HashJoin::produce(RowBatch& out) {
  while (out.empty() && !outer_done_) {
    if (!outer_->next(outer_batch_)) {
      outer_done_ = true;
      if (preserves_inner()) emit_unmatched_inner(out);
      return;
    }
    context_.check_for_cancel();
    for (auto& row : outer_batch_) probe(row, out);
  }
}

}  // namespace chalkdb
